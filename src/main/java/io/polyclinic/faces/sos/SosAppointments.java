package io.polyclinic.faces.sos;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.PaymentStanding;

/**
 * sos's appointment in both directions: the appointment object (times on the doctor's clock, people by their
 * account's id, the status in sos's words from the appointment's status and its payment's standing), with its nested
 * patient and doctor read in one query each for a whole page; and sos's enum words read back from requests.
 */
@Component
class SosAppointments {

	static final String STATUSES = "pending_payment, payment_completed, payment_failed, confirmed, in_progress, completed, cancelled";
	static final String KINDS = "home, online, chat, video";

	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final People people;

	SosAppointments(ClinicianRegistry clinicians, PatientRegistry patients, People people) {
		this.clinicians = clinicians;
		this.patients = patients;
		this.people = people;
	}

	/** The appointment of create and update answers. */
	record Item(UUID id, UUID userId, UUID doctorId, String date, String startTime, String endTime, String status,
			@Nullable String streamChannelId, String consultationType, List<String> symptoms,
			@Nullable String additionalNote, @JsonRawValue @Nullable String visitLocation, Instant createdAt,
			Instant updatedAt) {
	}

	/** The appointment of lists and the detail: with its patient and doctor. */
	record Detail(UUID id, UUID userId, UUID doctorId, String date, String startTime, String endTime, String status,
			@Nullable String streamChannelId, String consultationType, List<String> symptoms,
			@Nullable String additionalNote, @JsonRawValue @Nullable String visitLocation, Instant createdAt,
			Instant updatedAt, SosPeople.@Nullable Person patient, SosPeople.@Nullable Doctor doctor) {
	}

	/** Details of a page of views: their patients' accounts and their doctors read once for all of them. */
	List<Detail> details(List<AppointmentView> views) {
		Parties found = found(views.stream().map(AppointmentView::appointment).toList());
		return views.stream().map(v -> {
			Appointment a = v.appointment();
			Account patient = found.patients().get(a.patientId());
			Clinician doctor = found.doctors().get(a.clinicianId());
			return new Detail(a.publicId(), patient.publicId(), doctor.accountId(), LocalFormats.date(a.date()),
					LocalFormats.time(a.time()), LocalFormats.time(end(a)), status(a.status(), v.payment()), null,
					kind(a.consultationType()), a.symptoms(), a.notes(), a.visitLocation(),
					LocalFormats.instant(a.createdAt()), LocalFormats.instant(a.updatedAt()), SosPeople.person(patient),
					SosPeople.doctor(doctor));
		}).toList();
	}

	Item item(AppointmentView view) {
		Appointment a = view.appointment();
		Parties found = found(List.of(a));
		return new Item(a.publicId(), found.patients().get(a.patientId()).publicId(),
				found.doctors().get(a.clinicianId()).accountId(), LocalFormats.date(a.date()), LocalFormats.time(a.time()),
				LocalFormats.time(end(a)), status(a.status(), view.payment()), null, kind(a.consultationType()),
				a.symptoms(), a.notes(), a.visitLocation(), LocalFormats.instant(a.createdAt()),
				LocalFormats.instant(a.updatedAt()));
	}

	private record Parties(Map<Long, Account> patients, Map<Long, Clinician> doctors) {
	}

	private Parties found(Collection<Appointment> appointments) {
		Set<Long> patientIds = appointments.stream().map(Appointment::patientId).collect(Collectors.toSet());
		Map<Long, Patient> byPatient = patients.findAll(patientIds);
		Map<Long, Account> accounts = this.people.byIds(byPatient.values().stream().map(Patient::userId).toList());
		Map<Long, Account> patientAccounts = byPatient.values().stream()
			.collect(Collectors.toMap(Patient::id, p -> accounts.get(p.userId())));
		Map<Long, Clinician> doctors = clinicians
			.findAll(appointments.stream().map(Appointment::clinicianId).collect(Collectors.toSet()));
		return new Parties(patientAccounts, doctors);
	}

	/** The end on the doctor's clock. */
	private static LocalTime end(Appointment a) {
		return a.endsAt().atZone(a.timeZone()).toLocalTime();
	}

	/**
	 * sos's status: the appointment's own, and while it is pending, where its payment stands. A patient who missed
	 * the visit shows as cancelled (sos has no word for it).
	 */
	static String status(AppointmentStatus status, PaymentStanding payment) {
		return switch (status) {
			case PENDING -> switch (payment) {
				case PAID -> "payment_completed";
				case FAILED -> "payment_failed";
				default -> "pending_payment";
			};
			case CONFIRMED -> "confirmed";
			case IN_PROGRESS -> "in_progress";
			case COMPLETED -> "completed";
			case CANCELLED, NO_SHOW -> "cancelled";
		};
	}

	/**
	 * The appointments a status filter selects: the payment words select the pending ones (their payment's standing
	 * is billing's, shown on each item), cancelled also those missed.
	 */
	static Set<AppointmentStatus> statuses(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "pending_payment", "payment_completed", "payment_failed" -> Set.of(AppointmentStatus.PENDING);
			case "confirmed" -> Set.of(AppointmentStatus.CONFIRMED);
			case "in_progress" -> Set.of(AppointmentStatus.IN_PROGRESS);
			case "completed" -> Set.of(AppointmentStatus.COMPLETED);
			case "cancelled" -> Set.of(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW);
			default -> throw Refusal.invalidField(field, "status must be one of " + STATUSES);
		};
	}

	/**
	 * The status an update asks for. The payment words are the payment's to set (a payment's confirm or the
	 * provider's webhook), not an edit's.
	 */
	static @Nullable AppointmentStatus target(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "pending_payment" -> AppointmentStatus.PENDING;
			case "confirmed" -> AppointmentStatus.CONFIRMED;
			case "in_progress" -> AppointmentStatus.IN_PROGRESS;
			case "completed" -> AppointmentStatus.COMPLETED;
			case "cancelled" -> AppointmentStatus.CANCELLED;
			case "payment_completed", "payment_failed" -> throw Refusal.invalidField("status",
					"payment_completed and payment_failed follow the appointment's payment; set pending_payment, "
							+ "confirmed, in_progress, completed or cancelled");
			default -> throw Refusal.invalidField("status", "status must be one of " + STATUSES);
		};
	}

	/** sos's consultation types: a visit in person at a centre (booked through another face) shows as home. */
	static String kind(ConsultationType type) {
		return switch (type) {
			case IN_PERSON, HOME -> "home";
			case ONLINE -> "online";
			case VIDEO -> "video";
			case CHAT -> "chat";
		};
	}

	static ConsultationType kind(String field, String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "home" -> ConsultationType.HOME;
			case "online" -> ConsultationType.ONLINE;
			case "video" -> ConsultationType.VIDEO;
			case "chat" -> ConsultationType.CHAT;
			default -> throw Refusal.invalidField(field, "consultation_type must be one of " + KINDS);
		};
	}

	/** A filter by sos's consultation type: home takes in the visits in person at a centre, which sos shows as home. */
	static Set<ConsultationType> kinds(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		ConsultationType kind = kind("consultationType", value);
		return kind == ConsultationType.HOME ? Set.of(ConsultationType.HOME, ConsultationType.IN_PERSON) : Set.of(kind);
	}

	/** sortBy (date, created_at, start_time) and sortOrder (asc, desc): by date, newest first, unless asked. */
	static AppointmentQuery.Order order(@Nullable String sortBy, @Nullable String sortOrder) {
		var ordering = Ordering.parse("sortBy", sortBy, "sortOrder", sortOrder, SORTS, new Ordering<>("date", true));
		boolean ascending = !ordering.descending();
		return switch (ordering.key()) {
			case "created_at" -> ascending ? AppointmentQuery.Order.BOOKED_FIRST : AppointmentQuery.Order.BOOKED_LAST;
			case "start_time" -> ascending ? AppointmentQuery.Order.EARLIEST_TIME_OF_DAY_FIRST
					: AppointmentQuery.Order.LATEST_TIME_OF_DAY_FIRST;
			default -> ascending ? AppointmentQuery.Order.SOONEST_FIRST : AppointmentQuery.Order.NEWEST_FIRST;
		};
	}

	private static final Map<String, String> SORTS = Map.of("date", "date", "created_at", "created_at", "start_time",
			"start_time");

}
