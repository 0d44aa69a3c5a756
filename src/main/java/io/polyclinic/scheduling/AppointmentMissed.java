package io.polyclinic.scheduling;

import java.time.Instant;

/** Published when a patient did not come to an appointment. */
public record AppointmentMissed(long appointmentId, long patientId, long clinicianId, Instant startsAt) {
}
