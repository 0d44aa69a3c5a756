package io.polyclinic.video;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The video consultation of an online appointment: its room and where it stands, which follows the appointment
 * (scheduled until it starts, then in progress, completed or cancelled with it).
 *
 * @param patientAccountId the public id of the patient's account
 * @param clinicianAccountId the public id of the clinician's account
 * @param roomSid the room's id, the name clients join it by
 */
public record VideoConsultation(UUID id, UUID appointmentId, UUID patientAccountId, UUID clinicianAccountId,
		String roomSid, Status status, @Nullable Instant startedAt, @Nullable Instant endedAt,
		@Nullable Long durationSeconds, Instant createdAt, Instant updatedAt) {

	public enum Status {
		SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED
	}
}
