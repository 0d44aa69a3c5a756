package io.polyclinic.faces.hcp;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
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
import io.polyclinic.directory.People;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Money;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.OpenSlot;
import io.polyclinic.scheduling.Reminder;
import io.polyclinic.scheduling.SlotId;
import io.polyclinic.scheduling.VisitDetails;

/**
 * hcp's appointment, slot and reminder in both directions, as the original's serializers write them: statuses and
 * appointment types in lower case ({@code pending|confirmed|in_progress|completed|cancelled|no_show};
 * {@code video|in_person}), the fee as a decimal string, the patient named by their user id. Symptoms are one text in
 * hcp and a list of phrases in the clinic: the text is split at commas and joined with a comma and a space. People and doctors are
 * read once per page.
 */
@Component
class HcpAppointments {

	static final String REQUIRED = "This field is required.";

	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final People people;
	private final HcpUsers users;
	private final Clock clock;

	HcpAppointments(PatientRegistry patients, ClinicianRegistry clinicians, People people, HcpUsers users,
			Clock clock) {
		this.patients = patients;
		this.clinicians = clinicians;
		this.people = people;
		this.users = users;
		this.clock = clock;
	}

	// ---- words ----

	static String status(AppointmentStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	/** A status as hcp writes it; INVALID_INPUT on {@code field} for anything else. */
	static AppointmentStatus status(String field, String value) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(AppointmentStatus.values()).filter(s -> status(s).equals(v)).findFirst()
			.orElseThrow(() -> choice(field, value));
	}

	/** Video for every remote kind; in person for a visit at a centre or at home. */
	static String type(ConsultationType type) {
		return type.sessionType() == io.polyclinic.scheduling.SessionType.ONLINE ? "video" : "in_person";
	}

	static ConsultationType type(String field, String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "video" -> ConsultationType.VIDEO;
			case "in_person", "in-person" -> ConsultationType.IN_PERSON;
			default -> throw choice(field, value);
		};
	}

	static Refusal choice(String field, String value) {
		return invalid(field, "\"" + value + "\" is not a valid choice.");
	}

	static Refusal invalid(String field, String message) {
		return new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, "Invalid input.", Map.of(field, message));
	}

	/** A whole number as DRF's IntegerField reads one: a JSON number or a string of digits. */
	static long integer(String field, @Nullable Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			throw invalid(field, REQUIRED);
		}
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return n.longValue();
		}
		if (value instanceof String s && s.trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(s.trim());
		}
		throw invalid(field, "A valid integer is required.");
	}

	static List<String> symptoms(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static String symptoms(List<String> symptoms) {
		return String.join(", ", symptoms);
	}

	static String fee(Appointment a) {
		return Money.major(a.feeMinor(), a.currency()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	// ---- the parties, read once per answer ----

	record Parties(Map<Long, Patient> patients, Map<Long, Clinician> doctors, Map<Long, Account> accounts) {
	}

	Parties parties(Collection<AppointmentView> views, boolean withAccounts) {
		Set<Long> patientIds = views.stream().map(v -> v.appointment().patientId()).collect(Collectors.toSet());
		Set<Long> doctorIds = views.stream().map(v -> v.appointment().clinicianId()).collect(Collectors.toSet());
		Map<Long, Patient> ps = patients.findAll(patientIds);
		Map<Long, Clinician> ds = clinicians.findAll(doctorIds);
		Map<Long, Account> accounts = Map.of();
		if (withAccounts) {
			Set<Long> userIds = new java.util.HashSet<>();
			ps.values().forEach(p -> userIds.add(p.userId()));
			ds.values().forEach(d -> userIds.add(d.userId()));
			accounts = people.byIds(userIds);
		}
		return new Parties(ps, ds, accounts);
	}

	// ---- appointments ----

	/** The original's list serializer, with the two parties' ids and the doctor's local date and time beside it. */
	Map<String, Object> item(AppointmentView view, Parties parties) {
		Appointment a = view.appointment();
		Patient patient = parties.patients().get(a.patientId());
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", a.id());
		item.put("doctor", a.clinicianId());
		item.put("doctor_name", view.clinician().fullName());
		item.put("patient", patient == null ? null : patient.userId());
		item.put("patient_name", view.patient().fullName());
		item.put("appointment_type", type(a.consultationType()));
		item.put("status", status(a.status()));
		item.put("scheduled_at", LocalFormats.instant(a.startsAt()));
		item.put("end_time", LocalFormats.instant(a.endsAt()));
		item.put("date", LocalFormats.date(a.date()));
		item.put("time", LocalFormats.time(a.time()));
		item.put("timezone", a.timeZone().getId());
		item.put("consultation_fee", fee(a));
		item.put("payment_status", view.payment().name().toLowerCase(Locale.ROOT));
		item.put("is_upcoming", upcoming(a));
		item.put("created_at", LocalFormats.instant(a.createdAt()));
		return item;
	}

	/** The original's appointment serializer: the patient as a user, the doctor, the slot it holds, the visit. */
	Map<String, Object> detail(AppointmentViews.Detail detail) {
		AppointmentView view = detail.view();
		Appointment a = view.appointment();
		VisitDetails visit = detail.visit();
		Parties parties = parties(List.of(view), true);
		Patient patient = parties.patients().get(a.patientId());
		Clinician doctor = parties.doctors().get(a.clinicianId());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", a.id());
		Account patientAccount = patient == null ? null : parties.accounts().get(patient.userId());
		out.put("patient", patientAccount == null ? null : users.user(patientAccount, patient));
		out.put("doctor", doctor == null ? null : doctor(doctor, parties.accounts().get(doctor.userId())));
		out.put("slot", heldSlot(a, view.clinician().fullName()));
		out.put("appointment_type", type(a.consultationType()));
		out.put("status", status(a.status()));
		out.put("reason", a.notes() == null ? "" : a.notes());
		out.put("symptoms", symptoms(a.symptoms()));
		out.put("medical_history", orEmpty(visit.medicalHistory()));
		out.put("video_room_id", "");
		out.put("consultation_fee", fee(a));
		out.put("payment_status", view.payment().name().toLowerCase(Locale.ROOT));
		out.put("scheduled_at", LocalFormats.instant(a.startsAt()));
		out.put("end_time", LocalFormats.instant(a.endsAt()));
		out.put("date", LocalFormats.date(a.date()));
		out.put("time", LocalFormats.time(a.time()));
		out.put("timezone", a.timeZone().getId());
		out.put("started_at", LocalFormats.instantOrNull(visit.startedAt()));
		out.put("ended_at", LocalFormats.instantOrNull(visit.endedAt()));
		out.put("doctor_notes", orEmpty(visit.doctorNotes()));
		out.put("patient_feedback", orEmpty(visit.patientFeedback()));
		out.put("requires_follow_up", visit.requiresFollowUp());
		out.put("follow_up_date", LocalFormats.instantOrNull(visit.followUpDate()));
		out.put("duration_minutes", visit.startedAt() != null && visit.endedAt() != null
				? (int) Duration.between(visit.startedAt(), visit.endedAt()).toMinutes() : null);
		out.put("cancellation_reason", orEmpty(a.cancellationReason()));
		out.put("is_upcoming", upcoming(a));
		boolean ahead = a.status().isAhead() && clock.instant().isBefore(a.startsAt());
		out.put("can_be_cancelled", ahead);
		out.put("can_be_rescheduled", ahead);
		out.put("created_at", LocalFormats.instant(a.createdAt()));
		out.put("updated_at", LocalFormats.instant(a.updatedAt()));
		return out;
	}

	/** The doctor as the list of doctors shows one, with their user. */
	private Map<String, Object> doctor(Clinician doctor, @Nullable Account account) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", doctor.id());
		out.put("user", account == null ? doctor.userId() : users.user(account, null));
		out.put("full_name", doctor.fullName());
		out.put("specialties", doctor.specializations());
		out.put("years_of_experience", doctor.yearsOfExperience());
		out.put("consultation_fee", Money.major(doctor.feeMinor(), doctor.currency())
			.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
		out.put("timezone", doctor.timeZone().getId());
		return out;
	}

	/** The slot an appointment holds, booked while it is open; its id names the same slot as the open list did. */
	private static Map<String, Object> heldSlot(Appointment a, String doctorName) {
		Map<String, Object> slot = new LinkedHashMap<>();
		Long id;
		try {
			id = new SlotId(a.clinicianId(), a.startsAt()).value();
		}
		catch (Refusal e) {
			id = null; // a free time off any grid (another face's) has no slot id
		}
		boolean holds = a.status().isOpen();
		slot.put("id", id);
		slot.put("doctor", a.clinicianId());
		slot.put("doctor_name", doctorName);
		slot.put("start_time", LocalFormats.instant(a.startsAt()));
		slot.put("end_time", LocalFormats.instant(a.endsAt()));
		slot.put("status", holds ? "booked" : "open");
		slot.put("duration_minutes", (int) Duration.between(a.startsAt(), a.endsAt()).toMinutes());
		slot.put("notes", "");
		slot.put("is_available", !holds);
		return slot;
	}

	private boolean upcoming(Appointment a) {
		return a.status().isAhead() && a.startsAt().isAfter(clock.instant());
	}

	// ---- slots and reminders ----

	/** The original's schedule slot, with the doctor's local date and times beside it. */
	static Map<String, Object> slot(OpenSlot s, String doctorName) {
		Map<String, Object> slot = new LinkedHashMap<>();
		slot.put("id", s.id().value());
		slot.put("doctor", s.id().clinicianId());
		slot.put("doctor_name", doctorName);
		slot.put("start_time", LocalFormats.instant(s.startsAt()));
		slot.put("end_time", LocalFormats.instant(s.endsAt()));
		slot.put("date", LocalFormats.date(s.date()));
		slot.put("time", LocalFormats.time(s.time()));
		slot.put("end", LocalFormats.time(s.endTime()));
		slot.put("timezone", s.zone().getId());
		slot.put("status", "open");
		slot.put("duration_minutes", s.minutes());
		slot.put("notes", "");
		slot.put("is_available", true);
		return slot;
	}

	static Map<String, Object> reminder(Reminder r) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", r.id());
		out.put("appointment", r.appointmentId());
		out.put("reminder_type", r.type());
		out.put("channel", r.channel());
		out.put("scheduled_for", LocalFormats.instant(r.scheduledFor()));
		out.put("sent_at", LocalFormats.instantOrNull(r.sentAt()));
		out.put("delivery_status", r.deliveryStatus());
		out.put("message_content", r.messageContent());
		out.put("created_at", LocalFormats.instant(r.createdAt()));
		return out;
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}
}
