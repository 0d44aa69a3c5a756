package io.polyclinic.faces.clinico;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.SlotBooking;
import io.polyclinic.scheduling.SlotId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The original Clinico server's booking of a slot by its id and the caller's own appointments — what its client's
 * appointment service calls, in the original's words: the booking camelCase in and out ({@code slotId},
 * {@code appointmentId}), the list bare and snake_case.
 */
@RestController
@RequestMapping("/api/appointments")
class ClinicoOriginalAppointmentController {

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final ClinicianRegistry clinicians;
	private final Clock clock;

	ClinicoOriginalAppointmentController(AppointmentBook book, AppointmentViews views, ClinicianRegistry clinicians,
			Clock clock) {
		this.book = book;
		this.views = views;
		this.clinicians = clinicians;
		this.clock = clock;
	}

	/** The original's booking: the slot, the patient's notes; the slot's own length decides the duration. */
	record Booking(@JsonProperty("slotId") @NotNull(message = "A slot ID is required to book an appointment.") Long slotId,
			@JsonProperty("patientNotes") @Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String patientNotes,
			@JsonProperty("durationMinutes") @Nullable Integer durationMinutes,
			@JsonProperty("appointmentCode") @Nullable String appointmentCode) {
	}

	record Booked(@JsonProperty("message") String message, @JsonProperty("appointmentId") long appointmentId) {
	}

	/** A video consultation in the calling patient's name, on a free slot of any face's grid. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Booked book(@Valid @RequestBody Booking body, @AuthenticationPrincipal Actor actor) {
		SlotId slot;
		try {
			slot = SlotId.of(body.slotId());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("slotId", "Unknown slot");
		}
		var booked = book.bookSlot(slot, new SlotBooking(ConsultationType.VIDEO, body.patientNotes(), List.of(), null),
				actor);
		return new Booked("Appointment booked successfully!", booked.appointment().id());
	}

	/** The caller's appointments, newest first: {@code status} "upcoming" (not started yet), "past", or all. */
	@GetMapping("/me")
	List<Map<String, Object>> mine(PageQuery page, @RequestParam(required = false) @Nullable String status,
			@AuthenticationPrincipal Actor actor) {
		Instant now = clock.instant();
		AppointmentQuery query = switch (status == null ? "" : status.trim()) {
			case "upcoming" -> AppointmentQuery.all().between(now, null);
			case "past" -> AppointmentQuery.all().between(null, now);
			case "" -> AppointmentQuery.all();
			default -> throw Refusal.invalidField("status", "Status must be upcoming or past");
		};
		// "me": a patient's or a professional's own; the original lists nothing for its other roles
		if (!actor.is(Role.PATIENT) && !actor.is(Role.CLINICIAN)) {
			return List.of();
		}
		List<AppointmentView> found = views.find(query, page.pageable(), actor).getContent();
		Map<Long, Clinician> doctors = clinicians
			.findAll(found.stream().map(v -> v.appointment().clinicianId()).toList());
		return found.stream().map(v -> row(v, doctors.get(v.appointment().clinicianId()), actor)).toList();
	}

	/** A patient's row names the professional, a professional's the patient, as the original's did. */
	private static Map<String, Object> row(AppointmentView view, @Nullable Clinician doctor, Actor actor) {
		var a = view.appointment();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("appointment_id", a.id());
		row.put("appointment_id_uuid", a.publicId());
		row.put("appointment_time", a.startsAt());
		row.put("status", ClinicoOriginalDialect.status(a.status()));
		row.put("appointment_type", ClinicoOriginalDialect.type(a.consultationType()));
		row.put("duration_minutes", Duration.between(a.startsAt(), a.endsAt()).toMinutes());
		row.put("patient_notes", a.notes());
		row.put("consultation_link", view.meetingLink());
		row.put("professional_id", a.clinicianId());
		row.put("patient_id", a.patientId());
		if (actor.is(Role.PATIENT)) {
			row.put("professional_name", view.clinician().fullName());
			row.put("specialty", doctor == null ? null : ClinicoOriginalDialect.specialty(doctor));
		}
		else {
			row.put("patient_name", view.patient().fullName());
		}
		return row;
	}
}
