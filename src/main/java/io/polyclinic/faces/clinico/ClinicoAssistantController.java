package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.assistant.CareCompanion;
import io.polyclinic.assistant.CompanionAction;
import io.polyclinic.assistant.CompanionQuestion;
import io.polyclinic.assistant.CompanionReply;
import io.polyclinic.assistant.CompanionSession;
import io.polyclinic.assistant.SessionType;
import io.polyclinic.platform.Actor;

/**
 * The AI care companion (clinico.md's agent endpoints): a question answered in one of the caller's sessions, and the
 * caller's sessions newest first. What is a crisis, who may continue which session, and what is stored is the
 * assistant module's to decide.
 */
@RestController
class ClinicoAssistantController {

	private final CareCompanion companion;

	ClinicoAssistantController(CareCompanion companion) {
		this.companion = companion;
	}

	record Query(@Nullable String query, @Nullable UUID sessionId, @Nullable String imageUrl) {
	}

	record Reply(String reply, String action, UUID sessionId, boolean crisisDetected) {
	}

	record Session(UUID sessionId, Instant startedAt, String sessionSummary, String sessionType) {
	}

	@PostMapping("/v1/agent/orchestrate")
	Reply orchestrate(@RequestBody Query query, @AuthenticationPrincipal Actor actor) {
		CompanionReply reply = companion.ask(
				new CompanionQuestion(query.query() == null ? "" : query.query(), query.sessionId(), query.imageUrl()),
				actor);
		return new Reply(reply.reply(), action(reply.action()), reply.sessionId(), reply.crisisDetected());
	}

	@GetMapping("/api/ai/sessions")
	List<Session> sessions(@RequestParam(defaultValue = "" + CareCompanion.DEFAULT_SESSIONS) int limit,
			@AuthenticationPrincipal Actor actor) {
		return companion.sessions(limit, actor).stream().map(ClinicoAssistantController::session).toList();
	}

	private static Session session(CompanionSession s) {
		return new Session(s.id(), s.startedAt(), s.summary(), type(s.type()));
	}

	/** clinico's spelling of an action: lower case with underscores ({@code triage_escalation}). */
	static String action(CompanionAction action) {
		return action.name().toLowerCase(Locale.ROOT);
	}

	/** clinico's spelling of a session type, as its example's "Health Query". */
	static String type(SessionType type) {
		return switch (type) {
			case HEALTH_QUERY -> "Health Query";
			case SYMPTOM_CHECK -> "Symptom Check";
			case MEDICATION_QUERY -> "Medication Query";
			case MENTAL_HEALTH -> "Mental Health";
			case CRISIS_SUPPORT -> "Crisis Support";
		};
	}
}
