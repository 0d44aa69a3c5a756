package io.polyclinic.faces.clinico;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.ReportRequests;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Verification;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * The signed-in professional's dashboard: each figure one module's own query for the caller (the directory's rating,
 * reviews, verification and volunteering; clinical's patients treated and pending report requests; scheduling's
 * appointments of today on the doctor's clock). Only a doctor has one. And the house's addition: the doctor says
 * whether they volunteer.
 */
@RestController
@RequestMapping("/api/professionals/me")
class ClinicoDashboardController {

	private final ClinicianRegistry clinicians;
	private final Encounters encounters;
	private final ReportRequests reportRequests;
	private final AppointmentViews appointments;

	ClinicoDashboardController(ClinicianRegistry clinicians, Encounters encounters, ReportRequests reportRequests,
			AppointmentViews appointments) {
		this.clinicians = clinicians;
		this.encounters = encounters;
		this.reportRequests = reportRequests;
		this.appointments = appointments;
	}

	record Dashboard(double rating, int totalReviews, long patientsTreated, String verificationStatus,
			boolean isVolunteer, long appointmentsTodayCount, long pendingReportsCount) {
	}

	record Volunteering(@Nullable Boolean isVolunteer) {
	}

	@GetMapping("/dashboard")
	Dashboard dashboard(@AuthenticationPrincipal Actor actor) {
		Clinician own = clinicians.own(actor);
		return new Dashboard(own.listing().rating(), own.listing().ratingCount(), encounters.patientsTreated(actor),
				status(own.verification()), own.practice().volunteers(), appointments.countToday(actor),
				reportRequests.pendingCount(actor));
	}

	@PutMapping("/volunteer")
	Volunteering volunteer(@RequestBody Volunteering body, @AuthenticationPrincipal Actor actor) {
		if (body.isVolunteer() == null) {
			throw Refusal.invalidField("isVolunteer", "must be true or false");
		}
		return new Volunteering(clinicians.volunteer(body.isVolunteer(), actor).practice().volunteers());
	}

	static String status(Verification verification) {
		return switch (verification) {
			case VERIFIED -> "Verified";
			case PENDING -> "Pending";
			case REJECTED -> "Rejected";
		};
	}
}
