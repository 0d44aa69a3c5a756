package io.polyclinic.faces.clinico;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.Actor;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The appointment's doctor or patient cancels it ({@code POST /api/appointments/{id}/cancel}); its time is free again
 * at once, in every face. Staff cancel through the other faces.
 */
@RestController
@RequestMapping("/api/appointments")
class ClinicoCancelController {

	private final AppointmentBook book;

	ClinicoCancelController(AppointmentBook book) {
		this.book = book;
	}

	record Cancellation(@Size(max = 500, message = "must be at most 500 characters") @Nullable String reason) {
	}

	record Cancelled(long appointmentId, String status, boolean slotReleased) {
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasAnyRole('PATIENT','CLINICIAN')")
	Cancelled cancel(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Cancellation request,
			@AuthenticationPrincipal Actor actor) {
		var cancelled = book.cancel(id, request == null ? null : request.reason(), actor);
		// only a cancelled appointment comes back: its time is no longer held
		return new Cancelled(cancelled.id(), "Cancelled", cancelled.status() == AppointmentStatus.CANCELLED);
	}
}
