package io.polyclinic.faces.mibo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.clinical.ClinicalNote;
import io.polyclinic.clinical.ClinicalNotes;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.mibo.MiboAppointments.Row;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The admin panel's clinician dashboard and session calls (the original backend's dialect, not in mibo.md):
 * {@code GET /api/appointments/dashboard/stats} and {@code /dashboard/appointments} over a range of days,
 * {@code POST /api/appointments/{id}/end-session}, {@code /clinician-notes} and {@code GET …/previous-notes}. Scheduling decides whose appointments
 * a caller sees and who may end a visit; clinical who may write a note.
 */
@RestController
@RequestMapping("/api/appointments")
class PanelAppointmentController {

	/** The contract's "View All" roles and the clinician, who sees their own. */
	private static final String VIEWERS = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK','CLINICIAN')";
	private static final int LONGEST_RANGE_DAYS = 93;

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final ClinicalNotes notes;
	private final ClinicianRegistry clinicians;
	private final ZoneId defaultZone;

	PanelAppointmentController(AppointmentBook book, AppointmentViews views, ClinicalNotes notes,
			ClinicianRegistry clinicians, @Value("${polyclinic.default-time-zone:Asia/Kolkata}") String defaultZone) {
		this.book = book;
		this.views = views;
		this.notes = notes;
		this.clinicians = clinicians;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	/**
	 * The dashboard's boxes over the range: {@code waiting} is PENDING and CONFIRMED (the panel's BOOKED and
	 * CONFIRMED), {@code ongoing} is always 0 (a visit has no in-progress state here).
	 */
	record DashboardStats(long total, long waiting, long ongoing, long confirmed, long completed, long cancelled,
			long noShow) {
	}

	record SessionNotes(@JsonProperty("session_notes") @NotBlank(message = "Session notes are required")
			@Size(max = ClinicalNotes.MAXIMUM_LENGTH, message = "Session notes must be at most 4000 characters") String session_notes) {
	}

	record NoteWritten(long id, long appointmentId, long patientId, String note,
			@JsonProperty("session_notes") String session_notes, String authorName, Instant createdAt) {

		static NoteWritten of(ClinicalNote n, long appointmentId) {
			return new NoteWritten(n.id(), appointmentId, n.patientId(), n.note(), n.note(), n.authorName(),
					n.createdAt());
		}
	}

	@GetMapping("/dashboard/stats")
	@PreAuthorize(VIEWERS)
	Reply<DashboardStats> stats(@RequestParam String startDate, @RequestParam String endDate,
			@AuthenticationPrincipal Actor actor) {
		AppointmentQuery range = range(startDate, endDate, actor);
		long pending = count(range, EnumSet.of(AppointmentStatus.PENDING), actor);
		long confirmed = count(range, EnumSet.of(AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS), actor);
		long completed = count(range, EnumSet.of(AppointmentStatus.COMPLETED), actor);
		long cancelled = count(range, EnumSet.of(AppointmentStatus.CANCELLED), actor);
		long noShow = count(range, EnumSet.of(AppointmentStatus.NO_SHOW), actor);
		return Reply.of(new DashboardStats(pending + confirmed + completed + cancelled + noShow, pending + confirmed, 0,
				confirmed, completed, cancelled, noShow));
	}

	/** The range's appointments, soonest first, a page at a time. */
	@GetMapping("/dashboard/appointments")
	@PreAuthorize(VIEWERS)
	Reply<List<Row>> appointments(@RequestParam String startDate, @RequestParam String endDate,
			@RequestParam(required = false) @Nullable String status, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var query = range(startDate, endDate, actor).ordered(AppointmentQuery.Order.SOONEST_FIRST)
			.inStatus(MiboAppointments.statuses(MiboAppointments.status("status", status)));
		return Reply.of(views.find(query, page.pageable(), actor).map(Row::of).getContent());
	}

	/** Ends the visit (COMPLETED): its clinician, or staff who reach it. */
	@PostMapping("/{id}/end-session")
	@PreAuthorize(VIEWERS)
	Reply<Row> endSession(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		book.complete(Ref.id(id), actor);
		return Reply.of("Session ended successfully", Row.of(views.get(Ref.id(id), actor)));
	}

	/** The clinician's notes of the session, kept as a clinical note on the patient about this appointment. */
	@PostMapping("/{id}/clinician-notes")
	@PreAuthorize("hasAnyRole('CLINICIAN','ADMIN')")
	Reply<NoteWritten> clinicianNotes(@PathVariable long id, @Valid @RequestBody SessionNotes request,
			@AuthenticationPrincipal Actor actor) {
		long patientId = views.get(Ref.id(id), actor).appointment().patientId();
		return Reply.of("Notes saved successfully",
				NoteWritten.of(notes.write(patientId, id, request.session_notes(), actor), id));
	}

	/** An earlier note on the patient, with the start of the appointment it is about (null for none). */
	record PreviousNote(long id, @Nullable Long appointmentId, @JsonProperty("appointment_id") @Nullable Long appointment_id,
			String note, @JsonProperty("session_notes") String session_notes,
			@JsonProperty("scheduled_start_at") @Nullable Instant scheduled_start_at, String authorName,
			Instant createdAt) {
	}

	/**
	 * The notes on the appointment's patient, newest first, but those about this appointment; {@code patientId}, if
	 * given, must be the appointment's patient.
	 */
	@GetMapping("/{id}/previous-notes")
	@PreAuthorize("hasAnyRole('CLINICIAN','ADMIN')")
	Reply<List<PreviousNote>> previousNotes(@PathVariable long id,
			@RequestParam(required = false) @Nullable Long patientId, @AuthenticationPrincipal Actor actor) {
		long patient = views.get(Ref.id(id), actor).appointment().patientId();
		if (patientId != null && patientId != patient) {
			throw Refusal.invalidField("patientId", "Not this appointment's patient");
		}
		List<ClinicalNote> earlier = notes.ofPatient(patient, actor).stream()
			.filter(n -> n.appointmentId() == null || n.appointmentId() != id).toList();
		Map<Long, Appointment> about = book.findAll(earlier.stream().map(ClinicalNote::appointmentId)
			.filter(Objects::nonNull).collect(Collectors.toSet()));
		return Reply.of(earlier.stream().map(n -> {
			Appointment a = n.appointmentId() == null ? null : about.get(n.appointmentId());
			return new PreviousNote(n.id(), n.appointmentId(), n.appointmentId(), n.note(), n.note(),
					a == null ? null : MiboFormats.instant(a.startsAt()), n.authorName(),
					MiboFormats.instant(n.createdAt()));
		}).toList());
	}

	/** First to last day inclusive, on the clinician's clock for a clinician and the clinic's otherwise. */
	private AppointmentQuery range(String startDate, String endDate, Actor actor) {
		LocalDate first = MiboAppointments.parseDate("startDate", startDate);
		LocalDate last = MiboAppointments.parseDate("endDate", endDate);
		if (last.isBefore(first)) {
			throw Refusal.invalidField("endDate", "Must not be before startDate");
		}
		if (ChronoUnit.DAYS.between(first, last) >= LONGEST_RANGE_DAYS) {
			throw Refusal.invalidField("endDate", "At most " + LONGEST_RANGE_DAYS + " days at once");
		}
		ZoneId zone = actor.is(Role.CLINICIAN)
				? clinicians.forUser(actor.userId()).map(Clinician::timeZone).orElse(defaultZone)
				: defaultZone;
		return AppointmentQuery.all().between(first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant());
	}

	private long count(AppointmentQuery range, Set<AppointmentStatus> statuses, Actor actor) {
		return views.find(range.inStatus(statuses), PageRequest.of(0, 1), actor).getTotalElements();
	}
}
