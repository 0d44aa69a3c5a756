package io.polyclinic.faces.diabcare;

import java.util.Optional;
import java.util.UUID;

import io.polyclinic.platform.Actor;

/**
 * How DiabCare's socket renders the live updates of one topic: a frame {@code {"event": topic, "data": …}} whose data
 * is the thing the update names, read through its module as the connected user and rendered as the face's REST
 * endpoint renders it. Each topic is one bean; the socket collects them all.
 */
interface DiabcareLiveFrames {

	/** The live update's topic, also the frame's {@code event}. */
	String topic();

	/** The frame's data, as the user may see it; empty when they may not see it (or it is gone): no frame then. */
	Optional<Object> render(UUID subjectId, Actor actor);
}
