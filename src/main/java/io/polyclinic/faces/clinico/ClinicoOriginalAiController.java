package io.polyclinic.faces.clinico;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.assistant.CareCompanion;
import io.polyclinic.assistant.CompanionExchange;
import io.polyclinic.assistant.CompanionQuestion;
import io.polyclinic.assistant.CompanionReply;
import io.polyclinic.platform.Actor;

/**
 * The original Clinico server's {@code POST /api/ai/chat}, which its client sends every question to (the original
 * passed it on to its AI service's {@code /v1/agent/orchestrate}): the same question to the same care companion as
 * clinico.md's orchestrate, answered as the original did, with the time of the answer beside it. Also the original's
 * {@code GET /api/ai/sessions/{id}/messages}, which the client reads when a stored session is opened, and
 * {@code DELETE /api/ai/sessions/{id}}, its sidebar's "×".
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

	/**
	 * One line of a session as the client shows it: {@code role} {@code user} or {@code assistant}, which it reads to
	 * place a line, and {@code sender_type} the original server's {@code User} or {@code AI}.
	 */
	record Line(String role, String senderType, String message, @Nullable String imageUrl, Instant timestamp,
			@Nullable String action, boolean crisisDetected) {
	}

	record Done(boolean success, String message) {
	}

	@GetMapping("/api/ai/sessions/{sessionId}/messages")
	List<Line> messages(@PathVariable UUID sessionId, @AuthenticationPrincipal Actor actor) {
		List<Line> lines = new ArrayList<>();
		for (CompanionExchange exchange : companion.exchanges(sessionId, actor)) {
			lines.add(new Line("user", "User", exchange.query(), exchange.imageUrl(), exchange.askedAt(), null, false));
			lines.add(new Line("assistant", "AI", exchange.reply(), null, exchange.askedAt(),
					ClinicoAssistantController.action(exchange.action()), exchange.crisisDetected()));
		}
		return lines;
	}

	@DeleteMapping("/api/ai/sessions/{sessionId}")
	Done end(@PathVariable UUID sessionId, @AuthenticationPrincipal Actor actor) {
		companion.end(sessionId, actor);
		return new Done(true, "Session deleted successfully");
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
