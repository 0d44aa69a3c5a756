/**
 * Conversations between patients and their clinicians: one per pair, opened by their first appointment.
 *
 * <p>It depends on scheduling (whose {@code AppointmentBooked} opens a conversation) and directory (who the caller
 * is), and reads identity's and directory's tables in SQL for the other party's name and picture.
 */
@NullMarked
package io.polyclinic.messaging;

import org.jspecify.annotations.NullMarked;
