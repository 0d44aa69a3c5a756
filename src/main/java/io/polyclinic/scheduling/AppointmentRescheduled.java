package io.polyclinic.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Published when an appointment is moved to another time. */
public record AppointmentRescheduled(long appointmentId, long patientId, long clinicianId, Instant previousStart,
		Instant startsAt, @Nullable Long centreId, @Nullable Long managingCentreId) {
}
