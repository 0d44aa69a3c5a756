package io.polyclinic.assistant.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings what people write to one spelling before the red-flag rules read it, so that a rule written once matches the
 * ways people type it: lower case; accents folded in Latin script ("está" → "esta"; Devanagari keeps its vowel signs);
 * apostrophes of English contractions dropped ("don't" → "dont"), others parting words ("j'ai" → "j ai"); repeated letters squeezed ("pleeease", "kill" → "plese", "kil" — the rules are
 * squeezed the same way, so they still match); common misspellings and chat slang mapped to their word ("sucide",
 * "kms", "cant breath"); and clause ends (. ! ? ; , and "but") marked with {@code |}, which negation does not cross.
 */
final class Normaliser {

	/** A clause boundary in normalised text. */
	static final String CLAUSE = "|";

	private static final Pattern LATIN_MARKS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");
	/** English contractions lose their apostrophe ("don't" → "dont"); elsewhere (French "j'ai") it parts words. */
	private static final Pattern CONTRACTIONS = Pattern.compile("['’‘`´](?=(?:t|s|m|re|ve|ll|d)\\b)");
	private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
	private static final Pattern CLAUSE_ENDS = Pattern.compile("[.!?;,:\\n\\r।…]+|\\s-\\s|\\b(?:but|pero|mais|lekin)\\b");
	private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{M}\\p{N}|]+");
	private static final Pattern REPEATS = Pattern.compile("(?<!\\\\)(\\p{L})\\1+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Misspellings and slang, written squeezed (as the text is by then), each replaced by its word. Only whole words;
	 * kept short on purpose: a longer list starts to change benign words.
	 */
	private static final Map<String, String> WORDS = Map.ofEntries(
			Map.entry("sucide", "suicide"), Map.entry("suicde", "suicide"), Map.entry("suiside", "suicide"),
			Map.entry("sucidal", "suicidal"), Map.entry("suicdal", "suicidal"), Map.entry("suisidal", "suicidal"),
			Map.entry("suisde", "suicide"), Map.entry("suicid", "suicide"), Map.entry("sewerslide", "suicide"),
			Map.entry("kms", "kil myself"), Map.entry("kys", "kil yourself"), Map.entry("unalive", "kil"),
			Map.entry("unaliving", "kiling"), Map.entry("myslf", "myself"), Map.entry("meself", "myself"),
			Map.entry("mysef", "myself"), Map.entry("breth", "breathe"), Map.entry("brethe", "breathe"),
			Map.entry("breath", "breathe"), Map.entry("breathing", "breathing"), Map.entry("brething", "breathing"),
			Map.entry("breating", "breathing"), Map.entry("breate", "breathe"), Map.entry("brathe", "breathe"),
			Map.entry("cnt", "cant"), Map.entry("carnt", "cant"), Map.entry("canot", "cant"), Map.entry("wont", "wont"),
			Map.entry("dont", "dont"), Map.entry("dnt", "dont"), Map.entry("doesnt", "doesnt"), Map.entry("isnt", "isnt"),
			Map.entry("im", "i am"), Map.entry("ive", "i have"), Map.entry("wanna", "want to"), Map.entry("gona", "going to"),
			Map.entry("wana", "want to"), Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("pils", "pils"),
			Map.entry("tabs", "tablets"), Map.entry("overdosed", "overdosed"), Map.entry("ovrdose", "overdose"),
			Map.entry("overdoze", "overdose"), Map.entry("overdosing", "overdosing"), Map.entry("od", "overdose"),
			Map.entry("oded", "overdosed"), Map.entry("seziure", "seizure"), Map.entry("siezure", "seizure"),
			Map.entry("seizur", "seizure"), Map.entry("sezure", "seizure"), Map.entry("bleding", "bleding"),
			Map.entry("bledding", "bleding"), Map.entry("bleading", "bleding"), Map.entry("chst", "chest"),
			Map.entry("cheast", "chest"), Map.entry("presure", "presure"), Map.entry("unconcious", "unconscious"),
			Map.entry("unconsious", "unconscious"), Map.entry("unresponsve", "unresponsive"), Map.entry("pregnent", "pregnant"),
			Map.entry("pregant", "pregnant"), Map.entry("pregnat", "pregnant"), Map.entry("anaphalaxis", "anaphylaxis"),
			Map.entry("anaphylactic", "anaphylactic"), Map.entry("alergic", "alergic"), Map.entry("stroek", "stroke"),
			Map.entry("nhi", "nahi"), Map.entry("nai", "nahi"), Map.entry("nahin", "nahi"), Map.entry("nahee", "nahi"),
			Map.entry("nhe", "nahi"), Map.entry("mai", "main"), Map.entry("me", "me"), Map.entry("chahti", "chahta"),
			Map.entry("chahata", "chahta"), Map.entry("chata", "chahta"), Map.entry("chahati", "chahta"),
			Map.entry("chati", "chahta"), Map.entry("sans", "sans"), Map.entry("saans", "sans"), Map.entry("sas", "sans"),
			Map.entry("khudkhushi", "khudkushi"), Map.entry("khudkhusi", "khudkushi"), Map.entry("khudkusi", "khudkushi"));

	private Normaliser() {
	}

	/** The text as the rules read it: one line of words separated by single spaces, clause ends as {@code |}. */
	static String normalise(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFD);
		s = LATIN_MARKS.matcher(s).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFC);
		s = s.toLowerCase(Locale.ROOT);
		s = CONTRACTIONS.matcher(s).replaceAll("");
		s = APOSTROPHES.matcher(s).replaceAll(" ");
		s = CLAUSE_ENDS.matcher(s).replaceAll(" " + CLAUSE + " ");
		s = OTHER.matcher(s).replaceAll(" ");
		s = squeeze(s);
		StringBuilder out = new StringBuilder(s.length() + 8);
		for (String word : SPACES.split(s.strip())) {
			if (word.isEmpty()) {
				continue;
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(WORDS.getOrDefault(word, word));
		}
		return out.toString();
	}

	/** Repeated letters as one; a letter after a backslash is a regex escape and is left alone. */
	static String squeeze(String s) {
		Matcher m = REPEATS.matcher(s);
		return m.replaceAll("$1");
	}

	/** A rule's pattern source brought to the same spelling as the text it reads. */
	static String pattern(String regex) {
		String s = Normalizer.normalize(regex, Normalizer.Form.NFD);
		s = LATIN_MARKS.matcher(s).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFC);
		s = s.toLowerCase(Locale.ROOT);
		s = APOSTROPHES.matcher(s).replaceAll("");
		return squeeze(s);
	}
}
