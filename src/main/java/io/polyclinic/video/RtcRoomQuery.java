package io.polyclinic.video;

import org.jspecify.annotations.Nullable;

/**
 * Which rooms to list, besides the caller's reach.
 *
 * @param clinicianId rooms of this clinician's appointments
 * @param patientUserId rooms of this patient's appointments, the patient named by their account
 * @param newestStartedFirst order by start (rooms not started last) rather than by creation
 */
public record RtcRoomQuery(RtcRoom.@Nullable Status status, @Nullable Long clinicianId, @Nullable Long patientUserId,
		Order order) {

	public enum Order {
		CREATED_ASC, CREATED_DESC, STARTED_ASC, STARTED_DESC
	}
}
