package io.polyclinic.faces.sos;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.Ids;
import io.polyclinic.platform.Actor;
import io.polyclinic.video.VideoConsultation;
import io.polyclinic.video.VideoConsultations;

/**
 * Video consultations: {@code /api/v1/video-consultations}. Every online appointment (sos's online and video
 * consultations) has one, with its room; its status follows the appointment.
 */
@RestController
@RequestMapping("/api/v1/video-consultations")
class SosVideoController {

	private final VideoConsultations consultations;

	SosVideoController(VideoConsultations consultations) {
		this.consultations = consultations;
	}

	record Status(Consultation consultation) {
	}

	record Consultation(UUID id, UUID appointmentId, UUID userId, UUID doctorId, String roomSid, String status,
			@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Long duration, Instant createdAt,
			Instant updatedAt) {
	}

	@GetMapping("/status/{appointmentId}")
	Status status(@PathVariable String appointmentId, @AuthenticationPrincipal Actor actor) {
		VideoConsultation c = consultations.of(Ids.uuid("appointmentId", appointmentId), actor);
		return new Status(new Consultation(c.id(), c.appointmentId(), c.patientAccountId(), c.clinicianAccountId(),
				c.roomSid(), c.status().name().toLowerCase(Locale.ROOT), c.startedAt(), c.endedAt(),
				c.durationSeconds(), c.createdAt(), c.updatedAt()));
	}
}
