package io.polyclinic.faces.diabcare;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.ConsultationType;

/**
 * DiabCare's appointment in both directions. The document's words (type {@code Online|Physical}, status
 * {@code Pending|Confirmed|Completed|Cancelled}) on its own paths, the original backend's (ONLINE|PHYSICAL,
 * PENDING|CONFIRMED|COMPLETED|CANCELLED, the patient and the doctor as nested objects) on the original's paths; either
 * spelling is read back, in any case. People are shown by their account's id; their records are read once per page.
 */
@Component
class DiabcareAppointments {

	static final String TYPES = "Online, Physical";
	static final String STATUSES = "Pending, Confirmed, Completed, Cancelled";

	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;

	DiabcareAppointments(PatientRegistry patients, ClinicianRegistry clinicians) {
		this.patients = patients;
		this.clinicians = clinicians;
	}

	/** The patient and the doctor of a page of appointments, each read once. */
	record Parties(Map<Long, Patient> patients, Map<Long, Clinician> doctors) {

		Patient patient(Appointment a) {
			return patients.get(a.patientId());
		}

		Clinician doctor(Appointment a) {
			return doctors.get(a.clinicianId());
		}
	}

	Parties parties(Collection<AppointmentView> views) {
		Set<Long> patientIds = views.stream().map(v -> v.appointment().patientId()).collect(Collectors.toSet());
		Set<Long> doctorIds = views.stream().map(v -> v.appointment().clinicianId()).collect(Collectors.toSet());
		return new Parties(patients.findAll(patientIds), clinicians.findAll(doctorIds));
	}

	// ---- the document's shapes ----

	/**
	 * One appointment as the document's detail shows it (1.4): creating (1.1, with its {@code updatedAt} too) and
	 * updating (1.5, with the rest of the appointment) answer it as well, so that the app reads one model.
	 */
	Map<String, Object> detail(AppointmentView view) {
		Appointment a = view.appointment();
		Parties found = parties(List.of(view));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("_id", a.publicId().toString());
		json.put("patientId", found.patient(a).accountId().toString());
		json.put("patientName", view.patient().fullName());
		json.put("doctorId", found.doctor(a).accountId().toString());
		json.put("doctorName", view.clinician().fullName());
		json.put("dateTime", instant(a.startsAt()));
		json.put("type", type(a.consultationType()));
		json.put("status", status(a.status()));
		json.put("notes", notes(a));
		json.put("createdAt", instant(a.createdAt()));
		json.put("updatedAt", instant(a.updatedAt()));
		return json;
	}

	/** A doctor's list item (1.2): the patient, not the doctor. */
	List<Map<String, Object>> doctorsItems(List<AppointmentView> views) {
		Parties found = parties(views);
		return views.stream().map(view -> {
			Appointment a = view.appointment();
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("_id", a.publicId().toString());
			json.put("patientId", found.patient(a).accountId().toString());
			json.put("patientName", view.patient().fullName());
			json.put("dateTime", instant(a.startsAt()));
			json.put("type", type(a.consultationType()));
			json.put("status", status(a.status()));
			json.put("notes", notes(a));
			return json;
		}).toList();
	}

	/** A patient's list item (1.3): the doctor and their specialty, not the patient. */
	List<Map<String, Object>> patientsItems(List<AppointmentView> views) {
		Parties found = parties(views);
		return views.stream().map(view -> {
			Appointment a = view.appointment();
			Clinician doctor = found.doctor(a);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("_id", a.publicId().toString());
			json.put("doctorId", doctor.accountId().toString());
			json.put("doctorName", view.clinician().fullName());
			json.put("specialty", specialty(doctor));
			json.put("dateTime", instant(a.startsAt()));
			json.put("type", type(a.consultationType()));
			json.put("status", status(a.status()));
			return json;
		}).toList();
	}

	// ---- the original backend's shape ----

	/**
	 * Appointments as the original backend answers them on its own paths: its stored document with the patient
	 * ({@code _id, prenom, nom, email, telephone}) and the doctor ({@code _id, prenom, nom, email, specialite})
	 * nested, who created it ({@code MEDECIN} when the doctor booked it, else {@code PATIENT}), and the original's
	 * words for type and status. The clinic does not let a doctor's booking lapse, so {@code expiresAt} is null; it
	 * keeps no separate time of the patient's confirmation, so {@code patientConfirmedAt} is null too.
	 */
	List<Map<String, Object>> originals(List<AppointmentView> views) {
		Parties found = parties(views);
		return views.stream().map(view -> original(view, found)).toList();
	}

	Map<String, Object> original(AppointmentView view) {
		return original(view, parties(List.of(view)));
	}

	private static Map<String, Object> original(AppointmentView view, Parties found) {
		Appointment a = view.appointment();
		Patient patient = found.patient(a);
		Clinician doctor = found.doctor(a);
		Map<String, Object> nestedPatient = new LinkedHashMap<>();
		nestedPatient.put("_id", patient.accountId().toString());
		nestedPatient.put("prenom", DiabcareUsers.prenom(patient.fullName()));
		nestedPatient.put("nom", DiabcareUsers.nom(patient.fullName()));
		nestedPatient.put("email", patient.email());
		nestedPatient.put("telephone", patient.phone());
		Map<String, Object> nestedDoctor = new LinkedHashMap<>();
		nestedDoctor.put("_id", doctor.accountId().toString());
		nestedDoctor.put("prenom", DiabcareUsers.prenom(doctor.fullName()));
		nestedDoctor.put("nom", DiabcareUsers.nom(doctor.fullName()));
		nestedDoctor.put("email", doctor.email());
		nestedDoctor.put("specialite", specialty(doctor));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("_id", a.publicId().toString());
		json.put("patientId", nestedPatient);
		json.put("doctorId", nestedDoctor);
		json.put("dateTime", instant(a.startsAt()));
		json.put("type", type(a.consultationType()).toUpperCase(Locale.ROOT));
		json.put("status", status(a.status()).toUpperCase(Locale.ROOT));
		json.put("createdByRole",
				a.bookedByUserId() != null && a.bookedByUserId() == doctor.userId() ? "MEDECIN" : "PATIENT");
		json.put("expiresAt", null);
		json.put("patientConfirmedAt", null);
		json.put("notes", notes(a));
		json.put("createdAt", instant(a.createdAt()));
		json.put("updatedAt", instant(a.updatedAt()));
		return json;
	}

	// ---- words ----

	/**
	 * Online for every remote consultation (online, video, chat — as other faces book them), Physical for a visit in
	 * person (at a centre or at home).
	 */
	static String type(ConsultationType type) {
		return type.sessionType() == io.polyclinic.scheduling.SessionType.ONLINE ? "Online" : "Physical";
	}

	/**
	 * DiabCare knows four statuses: a visit in progress is still Confirmed, a missed one is Cancelled — what the
	 * patient and the doctor can still do with it is the same.
	 */
	static String status(AppointmentStatus status) {
		return switch (status) {
			case PENDING -> "Pending";
			case CONFIRMED, IN_PROGRESS -> "Confirmed";
			case COMPLETED -> "Completed";
			case CANCELLED, NO_SHOW -> "Cancelled";
		};
	}

	/** A type asked for, in either spelling; null is none. */
	static @Nullable ConsultationType kind(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "online" -> ConsultationType.ONLINE;
			case "physical" -> ConsultationType.IN_PERSON;
			default -> throw Refusal.invalidField("type", "type must be one of the following values: " + TYPES);
		};
	}

	/** A status asked for, in either spelling; null is none. */
	static @Nullable AppointmentStatus target(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "pending" -> AppointmentStatus.PENDING;
			case "confirmed" -> AppointmentStatus.CONFIRMED;
			case "completed" -> AppointmentStatus.COMPLETED;
			case "cancelled" -> AppointmentStatus.CANCELLED;
			default -> throw Refusal.invalidField("status", "status must be one of the following values: " + STATUSES);
		};
	}

	/** The statuses a filter by DiabCare's word selects (see {@link #status}); blank selects all. */
	static Set<AppointmentStatus> statuses(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		AppointmentStatus status = target(value);
		return switch (status) {
			case CONFIRMED -> Set.of(AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS);
			case CANCELLED -> Set.of(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW);
			default -> Set.of(status);
		};
	}

	/** The kinds of consultation a filter by DiabCare's type selects (see {@link #type}); blank selects all. */
	static Set<ConsultationType> kinds(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return kind(value) == ConsultationType.ONLINE
				? Set.of(ConsultationType.ONLINE, ConsultationType.VIDEO, ConsultationType.CHAT)
				: Set.of(ConsultationType.IN_PERSON, ConsultationType.HOME);
	}

	/**
	 * A {@code dateTime} as the app sends it: an ISO-8601 instant with its offset ({@code 2024-02-25T10:00:00Z}), or
	 * a date and time without one — Dart's {@code toIso8601String()} of a local time — read on the doctor's clock.
	 */
	static Instant dateTime(String field, String value, ZoneId doctorsZone) {
		return LocalFormats.instantOrLocal(field, value, doctorsZone);
	}

	private static @Nullable String specialty(Clinician doctor) {
		return doctor.specializations().isEmpty() ? null : doctor.specializations().get(0);
	}

	/** The original keeps notes as text, empty when there are none. */
	private static String notes(Appointment a) {
		return a.notes() == null ? "" : a.notes();
	}

	static String instant(Instant instant) {
		return LocalFormats.instant(instant).toString();
	}
}
