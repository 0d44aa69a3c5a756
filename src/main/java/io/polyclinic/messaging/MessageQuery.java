package io.polyclinic.messaging;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a conversation's history: the {@code limit} newest messages sent before {@code before} (all of them
 * when null), skipping the {@code page - 1} pages newer than that. A client that keeps its oldest message's time pages
 * with {@code before}; one that counts pages (as DiabCare's app does) with {@code page}.
 *
 * @param limit how many messages, 1 to {@value #MAX_LIMIT}
 * @param page the page counted from the newest, from 1
 */
public record MessageQuery(int limit, @Nullable Instant before, int page) {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 100;

	/** The newest page. */
	public static MessageQuery latest(int limit) {
		return new MessageQuery(limit, null, 1);
	}
}
