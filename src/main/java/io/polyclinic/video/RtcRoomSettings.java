package io.polyclinic.video;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a room's clinician may set: how many may take part, whether it is recorded, until when it is open. A null is
 * left as it is (or the default, for a new room).
 *
 * @param status where the room should stand: only {@code ACTIVE} (started, as {@link RtcRooms#start}) and
 *        {@code ENDED} (as {@link RtcRooms#end}) are moves a caller can ask for
 */
public record RtcRoomSettings(@Nullable Integer maxParticipants, @Nullable Boolean recordingEnabled,
		@Nullable Instant expiresAt, RtcRoom.@Nullable Status status) {

	public static final RtcRoomSettings DEFAULTS = new RtcRoomSettings(null, null, null, null);
}
