package io.polyclinic.assistant;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One question put to the care companion in a session and its answer, as stored.
 *
 * @param imageUrl the picture the question came with, if any (kept, not analysed)
 */
public record CompanionExchange(String query, @Nullable String imageUrl, String reply, CompanionAction action,
		boolean crisisDetected, Instant askedAt) {
}
