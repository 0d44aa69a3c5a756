package io.polyclinic.assistant.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.assistant.CompanionAction;
import io.polyclinic.assistant.SessionType;

/**
 * One turn of the companion's conversation, decided before anything is stored: the crisis detector reads the question
 * first; a crisis gets emergency guidance in the question's language; anything else gets the LLM's answer when one is
 * configured and answers, the built-in triage engine's otherwise (and its suggested action either way).
 */
@Component
public class Conversation {

	/**
	 * What to answer and record.
	 *
	 * @param summary the session's summary if this turn opens it (or finds a crisis in it)
	 * @param answeredBy {@code EMERGENCY}, {@code LLM} or {@code TRIAGE}
	 * @param language the question's language tag
	 */
	public record Turn(String reply, CompanionAction action, SessionType type, String summary, String answeredBy,
			String language, CrisisDetector.@Nullable Detection crisis) {
	}

	private final CrisisDetector detector;
	private final LlmAnswers llm;

	Conversation(CrisisDetector detector, LlmAnswers llm) {
		this.detector = detector;
		this.llm = llm;
	}

	/** @param careTeam whether the person is a patient whose clinicians a crisis is told to */
	public Turn answer(String query, boolean careTeam) {
		String normalised = Normaliser.normalise(query);
		Language language = Language.of(normalised);
		CrisisDetector.Detection crisis = detector.detect(query);
		if (crisis != null) {
			String summary = "Crisis support: " + crisis.category().description() + "; emergency guidance given.";
			return new Turn(EmergencyGuidance.reply(crisis.category(), language, careTeam),
					CompanionAction.TRIAGE_ESCALATION, SessionType.CRISIS_SUPPORT, summary, "EMERGENCY",
					language.code(), crisis);
		}
		TriageEngine.Answer triage = TriageEngine.answer(normalised);
		String summary = "User asked about " + triage.topic() + ".";
		String fromLlm = llm.answer(query);
		// an LLM may escalate in words, never in action: only the detector escalates
		return new Turn(fromLlm != null ? fromLlm : triage.reply(), triage.action(), triage.type(), summary,
				fromLlm != null ? "LLM" : "TRIAGE", language.code(), null);
	}
}
