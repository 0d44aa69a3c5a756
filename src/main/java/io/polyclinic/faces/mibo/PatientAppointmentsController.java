package io.polyclinic.faces.mibo;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.mibo.MiboAppointments.HistoryItem;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * A patient's appointments as staff see them: {@code /api/patients/{id}/appointments}. A clinician sees them only for
 * a patient they care for, which the scheduling module decides.
 */
@RestController
@RequestMapping("/api/patients/{id}/appointments")
class PatientAppointmentsController {

	private final AppointmentViews views;

	PatientAppointmentsController(AppointmentViews views) {
		this.views = views;
	}

	/** Newest first, a page at a time ({@code page} from 1, {@code limit} up to 100). */
	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK','CLINICIAN')")
	Reply<List<HistoryItem>> list(@PathVariable long id,
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(views.ofPatient(Ref.id(id), page.pageable(), actor).map(HistoryItem::of)
			.getContent());
	}
}
