package io.polyclinic.assistant.internal;

import java.util.Set;

/**
 * The language someone wrote in, as far as the companion answers in it: Hindi when there is Devanagari, else whichever
 * of Hinglish, Spanish and French has most of its common little words in the text, else English.
 */
enum Language {
	ENGLISH("en"), HINDI("hi"), HINGLISH("hi-Latn"), SPANISH("es"), FRENCH("fr");

	private static final Set<String> HINGLISH_WORDS = Set.of("hai", "hain", "mujhe", "mera", "meri", "mere", "nahi",
			"kya", "main", "hun", "hu", "raha", "rahi", "rahe", "kar", "ko", "se", "mein", "bahut", "aur", "ho", "gaya",
			"gaye", "gayi", "kuch", "sab", "ab", "liya", "diya", "karna", "chahta", "papa", "maine", "ke", "ki", "ka");
	private static final Set<String> SPANISH_WORDS = Set.of("el", "la", "los", "las", "que", "de", "quiero", "tengo",
			"estoy", "mi", "por", "para", "con", "una", "es", "muy", "puedo", "se", "mas", "ya", "hijo", "hija",
			"padre", "madre", "todo", "todas", "y", "dolor", "pecho", "esta", "cara");
	private static final Set<String> FRENCH_WORDS = Set.of("je", "le", "la", "les", "de", "ne", "pas", "est", "suis",
			"mon", "ma", "mes", "et", "une", "un", "avec", "veux", "jai", "j", "ai", "plus", "tout", "du", "des", "au",
			"mal", "bebe", "pere", "mere", "sont", "dans", "il", "elle");

	private final String code;

	Language(String code) {
		this.code = code;
	}

	/** A short tag (BCP 47-like) for the record: "en", "hi", "hi-Latn", "es", "fr". */
	String code() {
		return code;
	}

	/** @param normalised text as {@link Normaliser#normalise} gives it */
	static Language of(String normalised) {
		if (normalised.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)) {
			return HINDI;
		}
		int hinglish = 0;
		int spanish = 0;
		int french = 0;
		for (String word : normalised.split("[ |]+")) {
			if (HINGLISH_WORDS.contains(word)) {
				hinglish++;
			}
			if (SPANISH_WORDS.contains(word)) {
				spanish++;
			}
			if (FRENCH_WORDS.contains(word)) {
				french++;
			}
		}
		int best = Math.max(hinglish, Math.max(spanish, french));
		if (best < 2) {
			return ENGLISH;
		}
		return best == hinglish ? HINGLISH : best == spanish ? SPANISH : FRENCH;
	}
}
