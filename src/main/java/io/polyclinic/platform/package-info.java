/**
 * What every module needs and no module owns: errors, security wiring, rate limiting, face mounting, clock and modes.
 *
 * <p>Its shared kernel is what modules speak in: the caller ({@link io.polyclinic.platform.Actor}, never a pair of
 * id and role), a refusal in the clinic's words ({@link io.polyclinic.platform.Refusal}: a kind, a code, a message,
 * domain field names — faces map it to their statuses and texts), an id of either kind
 * ({@link io.polyclinic.platform.Ref}: numeric or public UUID, parsed strictly) and phone numbers
 * ({@link io.polyclinic.platform.PhoneNumbers}). Its web layer answers what reaches no face — Tomcat's and the
 * firewall's rejections, malformed queries, Actuator's locks — in each face's error shape.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.polyclinic.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
