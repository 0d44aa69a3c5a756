/**
 * Notify's workings: the channel gateways and their providers, the dev outbox, the listeners that tell patients what
 * happened, the reminder job and its marks.
 */
@NullMarked
package io.polyclinic.notify.internal;

import org.jspecify.annotations.NullMarked;
