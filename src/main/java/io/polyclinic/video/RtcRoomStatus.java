package io.polyclinic.video;

import java.util.List;

/**
 * A room and who is connected to its signaling socket now, on any node.
 *
 * @param presentUserIds the accounts of the participants with a connection open, in order of arrival
 */
public record RtcRoomStatus(RtcRoom room, List<Long> presentUserIds) {

	public RtcRoomStatus {
		presentUserIds = List.copyOf(presentUserIds);
	}
}
