package io.polyclinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A request to book a slot, on the clinician's clock.
 *
 * @param feeMinor a fee set by staff (minor units); null — and always for patients — means the clinician's fee
 */
public record BookingRequest(long patientId, long clinicianId, @Nullable Long centreId, LocalDate date, LocalTime time,
		SessionType sessionType, @Nullable Long feeMinor, @Nullable String notes) {
}
