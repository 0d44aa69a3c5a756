package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment as every face sees it: the exact instants, and the date and time on the clinician's clock.
 *
 * @param feeMinor the fee in minor units (paise)
 * @param managingCentreId the centre whose staff run it: where it takes place, or the clinician's home centre
 */
public record Appointment(long id, UUID publicId, long patientId, long clinicianId, @Nullable Long centreId,
		LocalDate date, LocalTime time, ZoneId timeZone, Instant startsAt, Instant endsAt, SessionType sessionType,
		AppointmentStatus status, long feeMinor, String currency, @Nullable String notes,
		@Nullable String cancellationReason, @Nullable Long bookedByUserId, Instant createdAt,
		@Nullable Long managingCentreId) {
}
