package io.polyclinic.video;

import java.time.Instant;

/**
 * A short-lived token that lets its holder's client open one room's signaling socket as them, without their access
 * token in the socket's address.
 *
 * @param roomPk the numeric id of the room
 * @param token what the client sends as {@code ?token=}; an HMAC over this token's row, never stored
 */
public record RtcJoinToken(long id, long roomPk, String roomId, long userId, String userName, String token,
		Instant expiresAt, Instant createdAt) {
}
