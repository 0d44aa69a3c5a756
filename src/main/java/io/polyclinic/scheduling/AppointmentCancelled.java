package io.polyclinic.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Published when an appointment is cancelled; {@code centreId} is where it was to take place, if at a centre. */
public record AppointmentCancelled(long appointmentId, long patientId, long clinicianId, Instant startsAt,
		@Nullable String reason, @Nullable Long centreId, @Nullable Long managingCentreId) {
}
