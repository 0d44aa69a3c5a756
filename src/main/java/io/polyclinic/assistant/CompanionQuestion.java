package io.polyclinic.assistant;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a person asks the companion.
 *
 * @param query what they wrote, 1 to {@value CareCompanion#QUERY_MAX} characters
 * @param sessionId the session it continues (one of the caller's own); null to open a new one
 * @param imageUrl a picture they attached (kept with the question; the built-in engine does not look at it)
 */
public record CompanionQuestion(String query, @Nullable UUID sessionId, @Nullable String imageUrl) {
}
