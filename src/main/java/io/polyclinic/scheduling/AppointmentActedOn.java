package io.polyclinic.scheduling;

import java.time.Instant;

/**
 * Someone acted on an appointment: booked, confirmed, completed, cancelled, rescheduled, changed or removed it. It
 * names who acted, so that the other party can be told; the lifecycle events ({@link AppointmentBooked}, …) say
 * what happened to the appointment itself.
 *
 * @param appointmentId the appointment's numeric id
 * @param byUserId the account that acted
 * @param action what was done, in the appointment's words: {@code BOOKED}, {@code CONFIRMED}, {@code COMPLETED},
 *        {@code CANCELLED}, {@code RESCHEDULED}, {@code CHANGED}, {@code REMOVED}
 */
public record AppointmentActedOn(long appointmentId, java.util.UUID appointmentPublicId, long patientId,
		long clinicianId, long byUserId, String action, Instant startsAt) {
}
