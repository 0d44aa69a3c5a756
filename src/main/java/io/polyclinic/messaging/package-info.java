/**
 * Conversations between patients and their clinicians (one per pair, opened by either party or by their first
 * appointment, and an appointment conversation once they book), their messages (text or a shared report) and read
 * state, and the live delivery of each message to both parties' connected clients.
 *
 * <p>It depends on scheduling (whose {@code AppointmentBooked} opens a conversation), directory (who the caller is and
 * whom they may reach) and platform's live updates, and reads identity's and directory's tables in SQL for the
 * parties' names. Sending publishes {@link io.polyclinic.messaging.MessageSent}.
 */
@NullMarked
package io.polyclinic.messaging;

import org.jspecify.annotations.NullMarked;
