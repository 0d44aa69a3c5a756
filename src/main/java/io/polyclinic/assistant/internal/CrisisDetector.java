package io.polyclinic.assistant.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.assistant.CrisisCategory;

/**
 * Decides whether what someone wrote is a crisis, offline and deterministically: the red-flag rules first (direct
 * statements, several languages, negation understood), then — unless the text states a red flag only to deny it
 * ("I'm not suicidal") — the semantic layer (indirect statements). No LLM takes part.
 */
@Component
public class CrisisDetector {

	/** The layers, as interventions record which one fired. */
	public enum Layer {
		RED_FLAG, SEMANTIC
	}

	/**
	 * A crisis found.
	 *
	 * @param evidence what matched: the words the rule found, or the nearest exemplar with its similarity
	 * @param exemplarVersion the exemplar set's version, when the semantic layer decided
	 */
	public record Detection(CrisisCategory category, Layer layer, String evidence, @Nullable String exemplarVersion) {
	}

	private final RedFlagRules rules = new RedFlagRules();
	private final SemanticLayer semantic = new SemanticLayer();

	/** The crisis in the text, or null when there is none. */
	public @Nullable Detection detect(String text) {
		String normalised = Normaliser.normalise(text);
		RedFlagRules.Hit hit = rules.find(normalised);
		if (hit != null) {
			return new Detection(hit.category(), Layer.RED_FLAG, clip(hit.evidence()), null);
		}
		if (rules.negatedOnly(normalised)) {
			return null;
		}
		SemanticLayer.Match match = semantic.find(text);
		if (match != null) {
			return new Detection(match.category(), Layer.SEMANTIC,
					clip(String.format(java.util.Locale.ROOT, "%.3f ~ %s", match.similarity(), match.exemplar())),
					semantic.version());
		}
		return null;
	}

	/** Loads the embedding model now rather than on the first question. */
	public void warmUp() {
		semantic.version();
	}

	private static String clip(String evidence) {
		return evidence.length() <= 500 ? evidence : evidence.substring(0, 499) + "…";
	}
}
