package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.NewConsultation;
import io.polyclinic.platform.Actor;

/**
 * clinico.md's consultation: the outcome of an appointment, saved by its doctor once; saving it completes the
 * appointment. It is the appointment's encounter, the same record hcp's EMR shows.
 */
@RestController
@RequestMapping("/api/consultations")
class ClinicoConsultationController {

	private final Encounters encounters;

	ClinicoConsultationController(Encounters encounters) {
		this.encounters = encounters;
	}

	record ConsultationBody(@Nullable Long appointmentId, @Nullable String diagnosis,
			@Nullable String doctorRecommendations, @Nullable String followUpInstructions, @Nullable String notes) {
	}

	record Saved(UUID consultationIdUuid, Instant createdAt) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Saved save(@RequestBody ConsultationBody body, @AuthenticationPrincipal Actor actor) {
		Encounter saved = encounters.conclude(new NewConsultation(body.appointmentId(), body.diagnosis(),
				body.doctorRecommendations(), body.followUpInstructions(), body.notes()), actor);
		return new Saved(saved.publicId(), saved.createdAt());
	}
}
