package io.polyclinic.video;

/**
 * One open socket connection to a room's signaling, on any node.
 *
 * @param connectionId the name the connection goes by (a Socket.IO socket's id)
 * @param userId the account connected
 */
public record RtcConnection(String connectionId, long userId) {
}
