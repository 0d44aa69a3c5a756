package io.polyclinic.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published when an appointment is booked.
 *
 * @param centreId where it takes place, if at a centre
 * @param managingCentreId the centre whose staff run it (where it takes place, or the clinician's home centre)
 * @param feeMinor its fee in minor units of {@code currency}
 */
public record AppointmentBooked(long appointmentId, long patientId, long clinicianId, Instant startsAt,
		@Nullable Long centreId, @Nullable Long managingCentreId, long feeMinor, String currency) {
}
