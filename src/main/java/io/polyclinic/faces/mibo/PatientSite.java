package io.polyclinic.faces.mibo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;

/**
 * The patient website's dialect (NithinNazar/mibo-alt-v2, written against the original backend): the shapes it reads
 * beside mibo.md's and the inputs it sends under other names. See "The patient website's dialect" in openapi.md.
 */
final class PatientSite {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private PatientSite() {
	}

	/** The signed-in account as the website keeps it ({@code data.user}). */
	@JsonPropertyOrder({ "id", "fullName", "firstName", "lastName", "phone", "email", "userType" })
	record User(long id, String fullName, @Nullable String firstName, @Nullable String lastName, @Nullable String phone,
			@Nullable String email, String userType) {

		static User of(Patient p) {
			int space = p.fullName().indexOf(' ');
			return new User(p.userId(), p.fullName(), space < 0 ? p.fullName() : p.fullName().substring(0, space),
					space < 0 ? null : p.fullName().substring(space + 1).trim(), p.phone(), p.email(), "PATIENT");
		}
	}

	/** mibo.md's {@code patient} of a sign-in, with the demographics the website keeps ({@code data.patient}). */
	@JsonPropertyOrder({ "id", "fullName", "phone", "email", "isNewUser", "dateOfBirth", "age", "gender", "bloodGroup" })
	record SignedInPatient(long id, String fullName, @Nullable String phone, @Nullable String email,
			@JsonProperty("isNewUser") boolean isNewUser,
			@Nullable LocalDate dateOfBirth, @Nullable Integer age, @Nullable String gender,
			@Nullable String bloodGroup) {

		static SignedInPatient of(Patient p, boolean isNewUser, Clock clock) {
			return new SignedInPatient(p.id(), p.fullName(), p.phone(), p.email(), isNewUser, p.dateOfBirth(),
					PatientSite.age(p.dateOfBirth(), clock), p.gender(), p.bloodGroup());
		}
	}

	/**
	 * A centre as anyone may see it: mibo.md's fields but its email, and the website's names for the address and the
	 * phone (the clinic keeps the address in one line: {@code address_line_2} and {@code pincode} are always null).
	 */
	@JsonPropertyOrder({ "id", "name", "city", "address", "phone", "isActive", "address_line_1", "address_line_2",
			"pincode", "contact_phone", "is_active" })
	record PublicCentre(long id, String name, String city, @Nullable String address, @Nullable String phone,
			@JsonProperty("isActive") boolean isActive, @JsonProperty("address_line_1") @Nullable String addressLine1,
			@JsonProperty("address_line_2") @Nullable String addressLine2, @Nullable String pincode,
			@JsonProperty("contact_phone") @Nullable String contactPhone, @JsonProperty("is_active") boolean active) {

		static PublicCentre of(Centre c) {
			return new PublicCentre(c.id(), c.name(), c.city(), c.address(), c.phone(), c.active(), c.address(), null,
					null, c.phone(), c.active());
		}
	}

	/** The appointment a patient just booked, as the website reads it ({@code data.appointment}). */
	@JsonPropertyOrder({ "id", "appointmentType", "scheduledStartAt", "scheduledEndAt", "durationMinutes", "status",
			"notes" })
	record BookedAppointment(long id, SessionType appointmentType, Instant scheduledStartAt, Instant scheduledEndAt,
			long durationMinutes, AppointmentStatus status, @Nullable String notes) {

		static BookedAppointment of(Appointment a) {
			return new BookedAppointment(a.id(), a.sessionType(), MiboFormats.instant(a.startsAt()),
					MiboFormats.instant(a.endsAt()), Duration.between(a.startsAt(), a.endsAt()).toMinutes(),
					MiboAppointments.shown(a.status()), a.notes());
		}
	}

	/** The website's times of day: {@code HH:mm}. */
	static String time(LocalTime time) {
		return HH_MM.format(time);
	}

	/** An instant the website sends (ISO-8601, with {@code Z} or an offset); refused by name when it is none. */
	static Instant instant(String field, String value) {
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be an ISO-8601 instant");
		}
	}

	/** Whole years since a date of birth; the clinic keeps the date, never an age. */
	static @Nullable Integer age(@Nullable LocalDate dateOfBirth, Clock clock) {
		return dateOfBirth == null ? null : Period.between(dateOfBirth, LocalDate.now(clock)).getYears();
	}

	/** A full name from the website's two halves; null when both are blank. */
	static @Nullable String fullName(@Nullable String first, @Nullable String last) {
		String name = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
		return name.isEmpty() ? null : name;
	}

	/**
	 * The website's genders in the clinic's words: any case; its NON_BINARY is the clinic's OTHER (the clinic keeps
	 * MALE, FEMALE, OTHER, PREFER_NOT_TO_SAY).
	 */
	static @Nullable String gender(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String g = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (g) {
			case "MALE", "FEMALE", "OTHER", "PREFER_NOT_TO_SAY" -> g;
			case "NON_BINARY" -> "OTHER";
			default -> throw Refusal.invalidField(field,
					"Gender must be MALE, FEMALE, NON_BINARY, OTHER or PREFER_NOT_TO_SAY");
		};
	}
}
