package io.polyclinic.faces.clinico;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.video.MeetingRooms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The video room of an appointment (clinico.md's WebRTC signaling): its room and link for its doctor or patient, the
 * same for both, and who the caller is in a room. The signals themselves go over the Socket.IO socket
 * ({@link ClinicoSignalingSocket}).
 */
@RestController
@RequestMapping("/api/signaling")
class ClinicoSignalingController {

	private final MeetingRooms rooms;

	ClinicoSignalingController(MeetingRooms rooms) {
		this.rooms = rooms;
	}

	record NewRoom(@NotNull @Positive Long appointmentId) {
	}

	/**
	 * clinico.md's room, and the same fields again under the original's {@code {success, data}}, which its client
	 * reads: the document's shape stays whole, so both are served.
	 */
	record Room(String roomId, String consultationLink, boolean success, Link data) {

		Room(String roomId, String consultationLink) {
			this(roomId, consultationLink, true, new Link(roomId, consultationLink));
		}
	}

	record Link(String roomId, String consultationLink) {
	}

	/** clinico.md's answer, mirrored under {@code {success, data}} as {@link Room} is. */
	record Validation(boolean isValid, String role, String identityName, boolean success, Identity data) {

		Validation(boolean isValid, String role, String identityName) {
			this(isValid, role, identityName, true, new Identity(isValid, role, identityName));
		}
	}

	record Identity(boolean isValid, String role, String identityName) {
	}

	/** 201 when this call made the room, 200 when the appointment had it already. */
	@PostMapping("/room")
	ResponseEntity<Room> room(@Valid @RequestBody NewRoom body, @AuthenticationPrincipal Actor actor) {
		MeetingRooms.Invitation invitation = rooms.open(Ref.id(body.appointmentId()), actor);
		return ResponseEntity.status(invitation.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new Room(invitation.room().roomId(), invitation.link()));
	}

	@GetMapping("/validate/{roomId}")
	Validation validate(@PathVariable String roomId, @AuthenticationPrincipal Actor actor) {
		MeetingRooms.Attendance attendance = rooms.attendance(roomId, actor);
		return new Validation(attendance.mayJoin(),
				attendance.side() == MeetingRooms.Attendance.Side.CLINICIAN ? "Doctor" : "Patient", attendance.name());
	}
}
