package io.polyclinic.assistant;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The companion's answer to one question.
 *
 * @param sessionId the session it was said in (opened by the question when it named none)
 * @param crisis what crisis was detected; null when none was
 */
public record CompanionReply(String reply, CompanionAction action, UUID sessionId, @Nullable CrisisCategory crisis) {

	public boolean crisisDetected() {
		return crisis != null;
	}
}
