package io.polyclinic.faces.mibo;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.mibo.MiboAppointments.Visit;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentViews;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The patient dashboard: {@code /api/patient}, the caller's own data only (the scheduling module scopes a patient to
 * their own appointments).
 */
@RestController
@RequestMapping("/api/patient")
@PreAuthorize("hasRole('PATIENT')")
class PatientDashboardController {

	private final AppointmentBook book;
	private final AppointmentViews views;

	PatientDashboardController(AppointmentBook book, AppointmentViews views) {
		this.book = book;
		this.views = views;
	}

	record Cancellation(@Nullable @Size(max = 500, message = "Reason must be at most 500 characters") String reason) {
	}

	/** The caller's own appointments, newest first, a page at a time. */
	@GetMapping("/appointments")
	Reply<List<Visit>> appointments(
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(views.find(AppointmentQuery.all(), page.pageable(), actor).map(Visit::of)
			.getContent());
	}

	/** Cancels at once (the slot is freed); the contract's wording is kept for the message. */
	@PostMapping("/appointments/{id}/cancel")
	Reply<Void> cancel(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Cancellation request,
			@AuthenticationPrincipal Actor actor) {
		book.cancel(Ref.id(id), request == null ? null : request.reason(), actor);
		return Reply.message("Appointment cancellation requested");
	}
}
