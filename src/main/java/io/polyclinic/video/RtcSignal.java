package io.polyclinic.video;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One WebRTC signal sent in a room, stored before it is relayed to the other participants.
 *
 * @param id the signal's numeric id
 * @param roomPk the numeric id of its room
 * @param roomId the room's name
 * @param signalType {@code offer}, {@code answer}, {@code ice_candidate} (or {@code ice-candidate}, as the original web
 *        app spells it: kept as sent), {@code join} or {@code leave}
 * @param payload JSON text, as the sender's client sent it
 * @param senderConnection the socket connection it came from, if it came over a socket that names itself
 * @param recipientConnection the one connection of the other party it is meant for, or null for all of theirs
 */
public record RtcSignal(long id, UUID publicId, long roomPk, String roomId, long senderUserId, String senderName,
		String signalType, String payload, Instant createdAt, @Nullable String senderConnection,
		@Nullable String recipientConnection) {

	public static final String JOIN = "join";
	public static final String LEAVE = "leave";
	public static final Set<String> TYPES = Set.of("offer", "answer", "ice_candidate", "ice-candidate", JOIN, LEAVE);

	/** The longest payload a signal may carry, in characters of JSON: an SDP description fits many times over. */
	public static final int MAX_PAYLOAD = 65_536;

	/** Whether the connection named should hear it: not its own sender, and the one it is meant for if it names one. */
	public boolean isFor(String connectionId) {
		return !connectionId.equals(senderConnection)
				&& (recipientConnection == null || recipientConnection.equals(connectionId));
	}
}
