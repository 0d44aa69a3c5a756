package io.polyclinic.faces.sos;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.People;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.Pagination;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentChanges;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.ConsultationType;
import tools.jackson.databind.JsonNode;

/**
 * Appointments: {@code /api/v1/appointments}. Free start and end times on the doctor's clock, inside one of the
 * doctor's working windows and clear of every active appointment of the doctor from any face (409); who may see and
 * change what is the appointment book's rule.
 */
@RestController
@RequestMapping("/api/v1/appointments")
class SosAppointmentController {

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final People people;
	private final SosAppointments sos;

	SosAppointmentController(AppointmentBook book, AppointmentViews views, ClinicianRegistry clinicians,
			PatientRegistry patients, People people, SosAppointments sos) {
		this.book = book;
		this.views = views;
		this.clinicians = clinicians;
		this.patients = patients;
		this.people = people;
		this.sos = sos;
	}

	record Appointments(List<SosAppointments.Detail> appointments, Pagination pagination) {
	}

	record One(SosAppointments.Detail appointment) {
	}

	record Saved(String message, SosAppointments.Item appointment) {
	}

	record Message(String message) {
	}

	record NewAppointment(@Nullable UUID userId, @Nullable UUID doctorId, @Nullable String date,
			@Nullable String startTime, @Nullable String endTime, @Nullable String consultationType,
			@Nullable List<String> symptoms, @Nullable String additionalNote, @Nullable JsonNode visitLocation) {
	}

	record AppointmentUpdate(@Nullable String date, @Nullable String startTime, @Nullable String endTime,
			@Nullable String status, @Nullable String consultationType, @Nullable List<String> symptoms,
			@Nullable String additionalNote, @Nullable JsonNode visitLocation) {
	}

	/**
	 * The caller's appointments: a patient's own, a doctor's own, staff's within their reach. {@code userId} (a
	 * patient's account) is a filter for admin and secretary only.
	 */
	@GetMapping
	Appointments list(PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String doctorId,
			@RequestParam(required = false) @Nullable String userId,
			@RequestParam(required = false) @Nullable String consultationType,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate,
			@RequestParam(required = false) @Nullable String sortBy,
			@RequestParam(required = false) @Nullable String sortOrder, @AuthenticationPrincipal Actor actor) {
		if (userId != null && !userId.isBlank() && !actor.isStaff()) {
			throw Refusal.forbidden("FORBIDDEN", "Only admin and secretary may filter by userId");
		}
		LocalDate first = LocalFormats.optionalDate("from", startDate);
		LocalDate last = LocalFormats.optionalDate("to", endDate);
		if (first != null && last != null && last.isBefore(first)) {
			throw Refusal.invalidField("to", "endDate must not be before startDate");
		}
		AppointmentQuery query = AppointmentQuery.all()
			.inStatus(SosAppointments.statuses("status", status))
			.ofKind(SosAppointments.kinds(consultationType))
			.onDays(first, last)
			.ordered(SosAppointments.order(sortBy, sortOrder));
		if (doctorId != null && !doctorId.isBlank()) {
			var doctor = clinicians.forAccount(uuid("doctorId", doctorId));
			if (doctor.isEmpty()) {
				return new Appointments(List.of(), new Pagination(page.number(), page.size(), 0, 0));
			}
			query = query.withClinician(doctor.get().id());
		}
		if (userId != null && !userId.isBlank()) {
			Account account = people.named(Set.of(uuid("userId", userId))).values().stream().findFirst().orElse(null);
			var patient = account == null ? null : patients.forUser(account.id()).orElse(null);
			if (patient == null) {
				return new Appointments(List.of(), new Pagination(page.number(), page.size(), 0, 0));
			}
			query = query.ofPatient(patient.id());
		}
		var found = views.find(query, page.pageable(), actor);
		return new Appointments(sos.details(found.getContent()), Pagination.of(found, page));
	}

	/** Every appointment within the caller's reach, with the same filters: admin and secretary. */
	@GetMapping("/all")
	@PreAuthorize(SosRoles.ADMIN_OR_SECRETARY)
	Appointments all(PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String doctorId,
			@RequestParam(required = false) @Nullable String userId,
			@RequestParam(required = false) @Nullable String consultationType,
			@RequestParam(required = false) @Nullable String startDate,
			@RequestParam(required = false) @Nullable String endDate,
			@RequestParam(required = false) @Nullable String sortBy,
			@RequestParam(required = false) @Nullable String sortOrder, @AuthenticationPrincipal Actor actor) {
		return list(page, status, doctorId, userId, consultationType, startDate, endDate, sortBy, sortOrder, actor);
	}

	/**
	 * Books a doctor's time: a patient for themself, admin or secretary for the patient whose account {@code user_id}
	 * names. The new appointment is pending payment.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Saved create(@RequestBody NewAppointment body, @AuthenticationPrincipal Actor actor) {
		if (body.doctorId() == null) {
			throw Refusal.invalidField("doctorId", "doctor_id is required");
		}
		LocalDate date = LocalFormats.date("date", body.date());
		LocalTime start = LocalFormats.time("startsAt", required("startsAt", body.startTime()));
		LocalTime end = LocalFormats.time("endsAt", required("endsAt", body.endTime()));
		ConsultationType kind = SosAppointments.kind("consultationType",
				required("consultationType", body.consultationType()));
		AppointmentRequest.Attendee attendee = attendee(body.userId(), actor);
		Clinician doctor = clinicians.forAccount(body.doctorId()).orElseThrow(() -> Refusal.notFound("Doctor"));
		var request = new AppointmentRequest(attendee, Ref.id(doctor.id()), null,
				interval(date, start, end, doctor.timeZone()), kind.sessionType(), null, blankToNull(body.additionalNote()),
				kind, body.symptoms() == null ? List.of() : body.symptoms(), json(body.visitLocation()));
		Appointment booked = book.book(request, actor).appointment();
		return new Saved("Appointment created successfully", sos.item(views.get(Ref.id(booked.id()), actor)));
	}

	@GetMapping("/{id}")
	One get(@PathVariable UUID id, @AuthenticationPrincipal Actor actor) {
		return new One(sos.details(List.of(views.get(Ref.of(id), actor))).get(0));
	}

	/**
	 * Changes an appointment: a new date or time (checked again against the doctor's hours and appointments), its
	 * kind, symptoms, note, place, status. Admin and secretary change anything; a patient may cancel their own; the
	 * doctor sets in_progress or completed.
	 */
	@PutMapping("/{id}")
	Saved update(@PathVariable UUID id, @RequestBody AppointmentUpdate body, @AuthenticationPrincipal Actor actor) {
		Appointment current = views.get(Ref.of(id), actor).appointment();
		AppointmentRequest.Interval interval = null;
		if (body.date() != null || body.startTime() != null || body.endTime() != null) {
			LocalDate date = body.date() == null ? current.date() : LocalFormats.date("date", body.date());
			LocalTime start = body.startTime() == null ? current.time() : LocalFormats.time("startsAt", body.startTime());
			LocalTime end = body.endTime() == null ? current.endsAt().atZone(current.timeZone()).toLocalTime()
					: LocalFormats.time("endsAt", body.endTime());
			interval = interval(date, start, end, current.timeZone());
		}
		AppointmentStatus status = SosAppointments.target(body.status());
		ConsultationType kind = body.consultationType() == null ? null
				: SosAppointments.kind("consultationType", body.consultationType());
		boolean clearPlace = body.visitLocation() != null && body.visitLocation().isNull();
		var changes = new AppointmentChanges(null, null, interval, status,
				body.additionalNote() == null ? null : body.additionalNote(), kind, body.symptoms(),
				clearPlace ? null : json(body.visitLocation()), clearPlace);
		book.change(Ref.of(id), changes, actor);
		return new Saved("Appointment updated successfully", sos.item(views.get(Ref.of(id), actor)));
	}

	/** Removes an appointment: its time is freed and it is found no more (404). */
	@DeleteMapping("/{id}")
	Message delete(@PathVariable UUID id, @AuthenticationPrincipal Actor actor) {
		book.remove(Ref.of(id), actor);
		return new Message("Appointment deleted successfully");
	}

	/** A patient books for themself; staff name the patient by account (a patient naming themself is the same). */
	private AppointmentRequest.Attendee attendee(@Nullable UUID userId, Actor actor) {
		if (userId == null || userId.equals(actor.publicId()) && !actor.isStaff()) {
			if (actor.isStaff()) {
				throw Refusal.invalidField("userId", "user_id is required: the patient's account");
			}
			return new AppointmentRequest.Caller();
		}
		Account account = people.get(userId, actor);
		return new AppointmentRequest.KnownPatient(Ref.id(patients.ofAccount(account.id(), actor).id()));
	}

	/** The interval a date and two times make on the doctor's clock. */
	private static AppointmentRequest.Interval interval(LocalDate date, LocalTime start, LocalTime end, ZoneId zone) {
		return new AppointmentRequest.Interval(ZonedDateTime.of(date, start, zone).toInstant(),
				ZonedDateTime.of(date, end, zone).toInstant(), true);
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalidField(field, "Required");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** Any JSON value, kept as its text; JSON null is none. */
	private static @Nullable String json(@Nullable JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode() ? null : value.toString();
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "Must be a UUID");
		}
	}
}
