package io.polyclinic.video.internal;

import org.jspecify.annotations.Nullable;

import io.polyclinic.video.MeetingRequest;

/**
 * Creates the place where a meeting happens.
 */
public interface MeetingProvider {

	String name();

	Created create(MeetingRequest request);

	/** Removes the meeting at the provider, where it keeps one. */
	default void cancel(@Nullable String eventId) {
	}

	record Created(String url, @Nullable String eventId) {
	}
}
