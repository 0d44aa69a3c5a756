package io.polyclinic.video;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AppointmentStatus;

/**
 * The WebRTC room of an appointment, the same room whichever face asks (its {@code roomId} is the
 * {@link VideoConsultation}'s {@code roomSid}). Its participants are the appointment's patient and clinician.
 *
 * @param id the room's numeric id
 * @param roomId the unguessable name clients join it by
 * @param patientId the appointment's patient record
 * @param clinicianId the appointment's clinician record
 * @param status where the room stands now: {@link Status#EXPIRED} once {@code expiresAt} has passed before it ended
 * @param appointmentStatus where its appointment stands, read with the room
 * @param appointmentStartsAt when its appointment starts
 */
public record RtcRoom(long id, String roomId, long appointmentId, long patientId, long patientUserId,
		long clinicianId, long clinicianUserId, Status status, int maxParticipants, boolean recordingEnabled,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt, Instant expiresAt,
		AppointmentStatus appointmentStatus, Instant appointmentStartsAt) {

	public enum Status {
		CREATED, ACTIVE, ENDED, EXPIRED;

		/** Whether participants may still signal in it and connect to it. */
		public boolean isOpen() {
			return this == CREATED || this == ACTIVE;
		}
	}

	public boolean hasParticipant(long userId) {
		return userId == patientUserId || userId == clinicianUserId;
	}

	/** The accounts of its participants: the patient's and the clinician's. */
	public List<Long> participantUserIds() {
		return patientUserId == clinicianUserId ? List.of(patientUserId) : List.of(patientUserId, clinicianUserId);
	}

	/** Whole minutes between start and end, once it has both. */
	public @Nullable Integer durationMinutes() {
		if (startedAt == null || endedAt == null) {
			return null;
		}
		return (int) Duration.between(startedAt, endedAt).toMinutes();
	}
}
