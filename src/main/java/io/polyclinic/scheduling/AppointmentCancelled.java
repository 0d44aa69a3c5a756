package io.polyclinic.scheduling;

import org.jspecify.annotations.Nullable;

/** Published when an appointment is cancelled. */
public record AppointmentCancelled(long appointmentId, long patientId, long clinicianId, java.time.Instant startsAt, @Nullable String reason) {
}
