/**
 * Scheduling's internals: the appointment aggregate and its repository, the SQL of the read model and of a booking's
 * facts, the slot grid, and the embedded database's overlap guard.
 */
@NullMarked
package io.polyclinic.scheduling.internal;

import org.jspecify.annotations.NullMarked;
