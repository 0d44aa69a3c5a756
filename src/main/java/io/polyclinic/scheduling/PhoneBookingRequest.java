package io.polyclinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.LeadSource;

/**
 * A front-desk booking for a patient known by phone: the patient with that number, or a new one registered with the
 * given name and lead source. Date and time are on the clinician's clock.
 *
 * @param fullName needed only when the number is new to the clinic
 * @param feeMinor a fee set by staff (minor units); null means the clinician's fee
 */
public record PhoneBookingRequest(String phone, @Nullable String fullName, LeadSource source, long clinicianId,
		@Nullable Long centreId, LocalDate date, LocalTime time, SessionType sessionType, @Nullable Long feeMinor,
		@Nullable String notes) {

	BookingRequest forPatient(long patientId) {
		return new BookingRequest(patientId, clinicianId, centreId, date, time, sessionType, feeMinor, notes);
	}
}
