package io.polyclinic.faces.diabcare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Totalled;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentChanges;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.ConsultationType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Appointments: the document's six endpoints (section 1) and the original backend's paths the app calls
 * ({@code /api/appointments/doctor/:doctorId}, {@code .../upcoming}, {@code .../stats},
 * {@code /api/appointments/patient/:patientId}, {@code POST /api/appointments/:id/patient-confirm}). A booking is a
 * free instant of the doctor's time, one consultation long; who may book, change, confirm and read what — a doctor's
 * diary only for that doctor, a patient's only for that patient — is the appointment book's rule.
 */
@RestController
@RequestMapping("/api")
class DiabcareAppointmentController {

	private static final String ISO = "\\s*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?\\s*";
	private static final String DATE_TIME = "dateTime must be a valid ISO 8601 date string";
	private static final String TYPE = "type must be one of the following values: " + DiabcareAppointments.TYPES;
	private static final String STATUS = "status must be one of the following values: "
			+ DiabcareAppointments.STATUSES;
	/** The original's upcoming appointments: the next seven days, at most ten. */
	private static final Duration UPCOMING = Duration.ofDays(7);
	private static final int UPCOMING_LIMIT = 10;

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final ClinicianRegistry clinicians;
	private final DiabcareAppointments diabcare;
	private final Clock clock;

	DiabcareAppointmentController(AppointmentBook book, AppointmentViews views, ClinicianRegistry clinicians,
			DiabcareAppointments diabcare, Clock clock) {
		this.book = book;
		this.views = views;
		this.clinicians = clinicians;
		this.diabcare = diabcare;
		this.clock = clock;
	}

	record NewAppointment(@NotBlank(message = "patientId should not be empty") String patientId,
			@NotBlank(message = "doctorId should not be empty") String doctorId,
			@NotBlank(message = "dateTime should not be empty") @Pattern(regexp = ISO, message = DATE_TIME) String dateTime,
			@NotBlank(message = "type should not be empty") @Pattern(regexp = "(?i)\\s*(online|physical)\\s*", message = TYPE) String type,
			@Nullable String notes) {
	}

	/** The document's {@code status} and {@code notes}; the app also sends {@code dateTime} and {@code type}. */
	record AppointmentUpdate(
			@Nullable @Pattern(regexp = "(?i)\\s*(pending|confirmed|completed|cancelled)\\s*", message = STATUS) String status,
			@Nullable String notes, @Nullable @Pattern(regexp = ISO, message = DATE_TIME) String dateTime,
			@Nullable @Pattern(regexp = "(?i)\\s*(online|physical)\\s*", message = TYPE) String type) {
	}

	record Message(String message) {
	}

	/** A numbered page as the original's services answer one. */
	record Paged(List<Map<String, Object>> data, long total, int page, int limit) {
	}

	record StatusCount(@com.fasterxml.jackson.annotation.JsonProperty("_id") String id, long count) {
	}

	record Stats(long total, List<StatusCount> byStatus, long completed, long cancelled) {
	}

	// ---- the document's endpoints ----

	/**
	 * 1.1: a patient books for themself with any doctor, a doctor for a patient of theirs with themself. The time is
	 * one consultation of the doctor's, anywhere the doctor is free (409 when it is not).
	 */
	@PostMapping("/appointments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@Valid @RequestBody NewAppointment body, @AuthenticationPrincipal Actor actor) {
		UUID patient = Ids.uuid("patientId", body.patientId().trim()).publicId();
		Clinician doctor = clinicians.forAccount(Ids.uuid("doctorId", body.doctorId().trim()).publicId())
			.orElseThrow(() -> Refusal.notFound("Doctor"));
		ConsultationType kind = DiabcareAppointments.kind(body.type());
		var request = new AppointmentRequest(new AppointmentRequest.PatientAccount(patient), Ref.id(doctor.id()), null,
				AppointmentRequest.Interval.oneConsultationAt(
						DiabcareAppointments.dateTime("dateTime", body.dateTime(), doctor.timeZone())),
				kind.sessionType(), null, blankToNull(body.notes()), kind, List.of(), null);
		var booked = book.book(request, actor).appointment();
		return diabcare.detail(views.get(Ref.of(booked.publicId()), actor));
	}

	/** 1.2: the doctor's own appointments, by a day on their clock, status and type; newest first. */
	@GetMapping("/doctors/{doctorId}/appointments")
	Totalled<Map<String, Object>> doctors(@PathVariable String doctorId, PageQuery page,
			@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String type, @AuthenticationPrincipal Actor actor) {
		var query = AppointmentQuery.all().on(day(date)).inStatus(DiabcareAppointments.statuses(status))
			.ofKind(DiabcareAppointments.kinds(type));
		var found = views.clinicianDiary(account("doctorId", doctorId), query, page.pageable(), actor);
		return new Totalled<>(diabcare.doctorsItems(found.getContent()), found.getTotalElements());
	}

	/** 1.3: the patient's own appointments, newest first; by status and type too. */
	@GetMapping("/patients/{patientId}/appointments")
	Totalled<Map<String, Object>> patients(@PathVariable String patientId, PageQuery page,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String type, @AuthenticationPrincipal Actor actor) {
		var query = AppointmentQuery.all().inStatus(DiabcareAppointments.statuses(status))
			.ofKind(DiabcareAppointments.kinds(type));
		var found = views.patientDiary(account("patientId", patientId), query, page.pageable(), actor);
		return new Totalled<>(diabcare.patientsItems(found.getContent()), found.getTotalElements());
	}

	/** 1.4: one appointment, for its patient and its doctor (and the clinic's staff). */
	@GetMapping("/appointments/{id}")
	Map<String, Object> one(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		return diabcare.detail(views.get(Ids.uuid("id", id), actor));
	}

	/**
	 * 1.5: a party's edit — the doctor confirms, completes, cancels, moves ({@code dateTime}) and retypes; the patient
	 * cancels; both write notes. Answers the appointment as 1.4 does.
	 */
	@PatchMapping("/appointments/{id}")
	Map<String, Object> update(@PathVariable String id, @Valid @RequestBody AppointmentUpdate body,
			@AuthenticationPrincipal Actor actor) {
		Ref appointment = Ids.uuid("id", id);
		AppointmentRequest.Interval moveTo = null;
		if (body.dateTime() != null) {
			var current = views.get(appointment, actor).appointment();
			moveTo = AppointmentRequest.Interval.oneConsultationAt(
					DiabcareAppointments.dateTime("dateTime", body.dateTime(), current.timeZone()));
		}
		var changes = new AppointmentChanges(null, null, moveTo, DiabcareAppointments.target(body.status()),
				body.notes(), DiabcareAppointments.kind(body.type()), null, null, false);
		book.arrange(appointment, changes, actor);
		return diabcare.detail(views.get(appointment, actor));
	}

	/** 1.6: either party removes it (before it takes place); its time is freed and it is found no more. */
	@DeleteMapping("/appointments/{id}")
	Message delete(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		book.remove(Ids.uuid("id", id), actor);
		return new Message("Appointment deleted successfully");
	}

	// ---- the original backend's paths ----

	/** The doctor's own appointments as the original pages them, by status and a window of start times. */
	@GetMapping("/appointments/doctor/{doctorId}")
	Paged doctorsOriginal(@PathVariable String doctorId, PageQuery page,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate, @AuthenticationPrincipal Actor actor) {
		Instant from = bound("startDate", startDate, false);
		Instant to = bound("endDate", endDate, true);
		var query = AppointmentQuery.all().inStatus(DiabcareAppointments.statuses(status)).between(from, to);
		var found = views.clinicianDiary(account("doctorId", doctorId), query, page.pageable(), actor);
		return new Paged(diabcare.originals(found.getContent()), found.getTotalElements(), page.number(), page.size());
	}

	/** The doctor's next appointments: the coming seven days, soonest first, at most ten, cancelled ones left out. */
	@GetMapping("/appointments/doctor/{doctorId}/upcoming")
	List<Map<String, Object>> upcoming(@PathVariable String doctorId, @AuthenticationPrincipal Actor actor) {
		Instant now = clock.instant();
		var query = AppointmentQuery.all().between(now, now.plus(UPCOMING))
			.inStatus(EnumSet.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS,
					AppointmentStatus.COMPLETED))
			.ordered(AppointmentQuery.Order.SOONEST_FIRST);
		var found = views.clinicianDiary(account("doctorId", doctorId), query, PageRequest.of(0, UPCOMING_LIMIT), actor);
		return diabcare.originals(found.getContent());
	}

	/** How many appointments the doctor has, by the original's statuses (those with none left out), counted in SQL. */
	@GetMapping("/appointments/doctor/{doctorId}/stats")
	Stats stats(@PathVariable String doctorId, @AuthenticationPrincipal Actor actor) {
		Map<String, Long> byWord = new LinkedHashMap<>();
		views.clinicianTally(account("doctorId", doctorId), actor).forEach((status, count) -> byWord
			.merge(DiabcareAppointments.status(status).toUpperCase(java.util.Locale.ROOT), count, Long::sum));
		List<StatusCount> byStatus = new ArrayList<>();
		byWord.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey())
			.forEach(e -> byStatus.add(new StatusCount(e.getKey(), e.getValue())));
		long total = byWord.values().stream().mapToLong(Long::longValue).sum();
		return new Stats(total, byStatus, byWord.getOrDefault("COMPLETED", 0L), byWord.getOrDefault("CANCELLED", 0L));
	}

	/** The patient's own appointments as the original pages them; by status too. */
	@GetMapping("/appointments/patient/{patientId}")
	Paged patientsOriginal(@PathVariable String patientId, PageQuery page,
			@RequestParam(required = false) @Nullable String status, @AuthenticationPrincipal Actor actor) {
		var query = AppointmentQuery.all().inStatus(DiabcareAppointments.statuses(status));
		var found = views.patientDiary(account("patientId", patientId), query, page.pageable(), actor);
		return new Paged(diabcare.originals(found.getContent()), found.getTotalElements(), page.number(), page.size());
	}

	/** The patient agrees to a time their doctor booked for them. */
	@PostMapping("/appointments/{id}/patient-confirm")
	Map<String, Object> confirmByPatient(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		Ref appointment = Ids.uuid("id", id);
		book.confirmByPatient(appointment, actor);
		return diabcare.original(views.get(appointment, actor));
	}

	private static UUID account(String field, String id) {
		return Ids.uuid(field, id).publicId();
	}

	private static @Nullable LocalDate day(@Nullable String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.trim());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw Refusal.invalidField("date", "date must be a valid ISO 8601 date string");
		}
	}

	/**
	 * A bound of the original's window: an ISO-8601 instant, or a date (its start in UTC, as JavaScript reads one);
	 * the end is included, as the original's {@code $lte}.
	 */
	private static @Nullable Instant bound(String field, @Nullable String value, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant at;
		try {
			at = value.trim().length() == 10 ? LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant()
					: DiabcareAppointments.dateTime(field, value, ZoneOffset.UTC);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw Refusal.invalidField(field, field + " must be a valid ISO 8601 date string");
		}
		return end ? at.plusNanos(1000) : at;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
