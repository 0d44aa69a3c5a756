package io.polyclinic.faces.clinico;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.assistant.CareCompanion;
import io.polyclinic.assistant.CompanionQuestion;
import io.polyclinic.assistant.CompanionReply;
import io.polyclinic.platform.Actor;

/**
 * The original Clinico server's {@code POST /api/ai/chat}, which its client sends every question to (the original
 * passed it on to its AI service's {@code /v1/agent/orchestrate}): the same question to the same care companion as
 * clinico.md's orchestrate, answered as the original did, with the time of the answer beside it.
 */
@RestController
class ClinicoOriginalAiController {

	private final CareCompanion companion;
	private final Clock clock;

	ClinicoOriginalAiController(CareCompanion companion, Clock clock) {
		this.companion = companion;
		this.clock = clock;
	}

	record Query(@Nullable String query, @Nullable UUID sessionId, @Nullable String imageUrl) {
	}

	record Reply(UUID sessionId, String reply, String action, boolean crisisDetected, Instant timestamp) {
	}

	@PostMapping("/api/ai/chat")
	Reply chat(@RequestBody Query query, @AuthenticationPrincipal Actor actor) {
		CompanionReply reply = companion.ask(
				new CompanionQuestion(query.query() == null ? "" : query.query(), query.sessionId(), query.imageUrl()),
				actor);
		return new Reply(reply.sessionId(), reply.reply(), ClinicoAssistantController.action(reply.action()),
				reply.crisisDetected(), clock.instant());
	}
}
