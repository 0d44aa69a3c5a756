package io.polyclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.LeadSource;
import io.polyclinic.platform.Ref;

/**
 * What it takes to book an appointment, whichever face asks: who it is for, with whom, where, when, and how.
 *
 * @param centreId where it takes place; null for a visit without a centre (online, or the clinician's own)
 * @param feeMinor a fee set by staff (minor units); null — and always for patients — means the clinician's fee
 * @param consultationType how the visit takes place; null means the session type's own kind
 * @param symptoms what the patient reports, in their words
 * @param visitLocation where the visit takes place (JSON text, kept as sent)
 */
public record AppointmentRequest(Attendee patient, Ref clinician, @Nullable Long centreId, When when,
		SessionType sessionType, @Nullable Long feeMinor, @Nullable String notes,
		@Nullable ConsultationType consultationType, List<String> symptoms, @Nullable String visitLocation) {

	public AppointmentRequest {
		// as sent, blanks and nulls included: the book refuses them by name rather than failing here
		symptoms = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(symptoms));
	}

	/** A booking by session type, without symptoms or a visit location. */
	public AppointmentRequest(Attendee patient, Ref clinician, @Nullable Long centreId, When when,
			SessionType sessionType, @Nullable Long feeMinor, @Nullable String notes) {
		this(patient, clinician, centreId, when, sessionType, feeMinor, notes, null, List.of(), null);
	}

	/** A grid slot for a patient the clinic knows, at the clinician's fee and without notes. */
	public static AppointmentRequest onGrid(Ref patient, Ref clinician, @Nullable Long centreId, LocalDate date,
			LocalTime time, SessionType sessionType) {
		return new AppointmentRequest(new KnownPatient(patient), clinician, centreId, new GridSlot(date, time),
				sessionType, null, null);
	}

	/** Who the appointment is for. */
	public sealed interface Attendee {
	}

	/** A patient the clinic knows. */
	public record KnownPatient(Ref patient) implements Attendee {
	}

	/**
	 * A patient named by their account's public id, as faces that show people by account do (DiabCare): a patient for
	 * themself, their clinician for them. Looked up with the booking's own facts, so it costs no statement of its own.
	 */
	public record PatientAccount(java.util.UUID account) implements Attendee {
	}

	/** The caller themself, a patient: their record comes from the caller, never from the request. */
	public record Caller() implements Attendee {
	}

	/**
	 * A patient known by phone (with or without the country code), registered first with this name and lead source
	 * when the number is new: staff only, in the booking's transaction, so that a refused slot registers nobody.
	 */
	public record ByPhone(String phone, @Nullable String fullName, LeadSource source, @Nullable String email)
			implements Attendee {

		/** A patient known by phone only; a new one is registered without an email address. */
		public ByPhone(String phone, @Nullable String fullName, LeadSource source) {
			this(phone, fullName, source, null);
		}
	}

	/** When the appointment takes place. */
	public sealed interface When {
	}

	/** A start on the clinician's slot grid, on their clock; it lasts one consultation. */
	public record GridSlot(LocalDate date, LocalTime time) implements When {
	}

	/**
	 * A start on the clinician's slot grid named by its instant (a {@link SlotId}'s): the same as the grid slot of that
	 * date and time on the clinician's clock; it lasts one consultation.
	 */
	public record GridStart(Instant startsAt) implements When {
	}

	/**
	 * Any interval of the clinician's time. {@code withinHours}: it must lie inside the clinician's weekly hours
	 * (sos); otherwise anywhere the clinician is free (DiabCare, whose contract knows no hours). A null end lasts one
	 * consultation.
	 */
	public record Interval(Instant startsAt, @Nullable Instant endsAt, boolean withinHours) implements When {

		/**
		 * One consultation at this instant: the clinician's own consultation length, anywhere the clinician is free,
		 * not held to weekly hours — a booking at a time the patient or the clinician chose (DiabCare's
		 * {@code dateTime}, whose doctors keep no hours). The clinician's other appointments, from any face, and the
		 * blocks of their time still hold it off.
		 */
		public static Interval oneConsultationAt(Instant startsAt) {
			return new Interval(startsAt, null, false);
		}
	}
}
