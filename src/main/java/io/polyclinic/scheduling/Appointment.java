package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment as every face sees it: the exact instants, and the date and time on the clinician's clock.
 *
 * @param feeMinor the fee in minor units (paise)
 * @param managingCentreId the centre whose staff run it: where it takes place, or the clinician's home centre
 * @param symptoms what the patient reported when booking, in their words
 * @param visitLocation where a visit takes place, as the face sent it (JSON text); the clinic does not read it
 */
public record Appointment(long id, UUID publicId, long patientId, long clinicianId, @Nullable Long centreId,
		LocalDate date, LocalTime time, ZoneId timeZone, Instant startsAt, Instant endsAt, SessionType sessionType,
		AppointmentStatus status, long feeMinor, String currency, @Nullable String notes,
		@Nullable String cancellationReason, @Nullable Long bookedByUserId, Instant createdAt,
		@Nullable Long managingCentreId, ConsultationType consultationType, List<String> symptoms,
		@Nullable String visitLocation, Instant updatedAt) {

	public Appointment {
		symptoms = List.copyOf(symptoms);
	}

	/** An appointment booked by session type, without symptoms or a visit location, unchanged since it was made. */
	public Appointment(long id, UUID publicId, long patientId, long clinicianId, @Nullable Long centreId,
			LocalDate date, LocalTime time, ZoneId timeZone, Instant startsAt, Instant endsAt, SessionType sessionType,
			AppointmentStatus status, long feeMinor, String currency, @Nullable String notes,
			@Nullable String cancellationReason, @Nullable Long bookedByUserId, Instant createdAt,
			@Nullable Long managingCentreId) {
		this(id, publicId, patientId, clinicianId, centreId, date, time, timeZone, startsAt, endsAt, sessionType, status,
				feeMinor, currency, notes, cancellationReason, bookedByUserId, createdAt, managingCentreId,
				ConsultationType.of(sessionType), List.of(), null, createdAt);
	}
}
