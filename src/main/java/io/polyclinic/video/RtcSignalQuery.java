package io.polyclinic.video;

import org.jspecify.annotations.Nullable;

/**
 * Which signals to list, besides the caller's rooms.
 *
 * @param roomPk the numeric id of one room
 * @param senderUserId the account that sent them
 * @param newestFirst newest first rather than in the order sent
 */
public record RtcSignalQuery(@Nullable Long roomPk, @Nullable String signalType, @Nullable Long senderUserId,
		boolean newestFirst) {
}
