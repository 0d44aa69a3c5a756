package io.polyclinic.platform.realtime;

import java.util.UUID;

/**
 * Tells a user's connected clients of an update. Stored first, pushed after: inside a transaction the update leaves
 * only once it commits (and never if it rolls back); outside one it leaves at once. A user with no client connected
 * simply misses it and reads it later through the REST endpoints.
 */
public interface LivePush {

	void toUser(long userId, String topic, UUID subjectId);
}
