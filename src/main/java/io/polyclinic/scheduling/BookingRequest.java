package io.polyclinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;

/**
 * The first booking request, a grid slot for a known patient: kept only until its last callers (billing's
 * AppointmentPayments and a few tests of other modules) book through {@link AppointmentRequest}.
 *
 * @param feeMinor a fee set by staff (minor units); null — and always for patients — means the clinician's fee
 * @deprecated book with {@link AppointmentBook#book(AppointmentRequest, io.polyclinic.platform.Actor)}
 */
@Deprecated(forRemoval = true)
public record BookingRequest(long patientId, long clinicianId, @Nullable Long centreId, LocalDate date, LocalTime time,
		SessionType sessionType, @Nullable Long feeMinor, @Nullable String notes) {

	AppointmentRequest toRequest() {
		return new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patientId)), Ref.id(clinicianId),
				centreId, new AppointmentRequest.GridSlot(date, time), sessionType, feeMinor, notes);
	}
}
