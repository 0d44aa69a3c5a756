/**
 * What every module needs and no module owns: errors, security wiring, rate limiting, face mounting, clock and modes.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.polyclinic.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
