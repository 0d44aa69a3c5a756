package io.polyclinic.assistant.internal;

import static io.polyclinic.assistant.CrisisCategory.ANAPHYLAXIS;
import static io.polyclinic.assistant.CrisisCategory.BREATHING_DIFFICULTY;
import static io.polyclinic.assistant.CrisisCategory.CARDIAC_CHEST_PAIN;
import static io.polyclinic.assistant.CrisisCategory.CHILD_EMERGENCY;
import static io.polyclinic.assistant.CrisisCategory.OVERDOSE_POISONING;
import static io.polyclinic.assistant.CrisisCategory.PREGNANCY_EMERGENCY;
import static io.polyclinic.assistant.CrisisCategory.SEIZURE;
import static io.polyclinic.assistant.CrisisCategory.SELF_HARM;
import static io.polyclinic.assistant.CrisisCategory.SEVERE_BLEEDING;
import static io.polyclinic.assistant.CrisisCategory.STROKE;
import static io.polyclinic.assistant.CrisisCategory.SUICIDAL_IDEATION;
import static io.polyclinic.assistant.CrisisCategory.UNRESPONSIVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.polyclinic.assistant.CrisisCategory;

/**
 * The first layer: red flags people state directly, in English, Hindi (Devanagari), Hinglish (Hindi in Latin script),
 * Spanish and French. The rules read {@link Normaliser normalised} text and are squeezed the same way, so they are
 * written in plain spelling here.
 *
 * <p>Three kinds of rule: a plain one, which a negation just before it (in its clause) cancels — "I am <em>not</em>
 * suicidal", "<em>no</em> chest pain", "<em>never</em> thought of killing myself"; one whose meaning is itself a
 * negation — "I don't want to live anymore", "bleeding won't stop" — which no negation check touches; and a pair, where
 * two signs together are the emergency though neither alone is (chest pain <em>and</em> breathlessness or pain
 * spreading to the arm; a child <em>and</em> blue lips). Look-alikes stay quiet because the rules ask for what makes
 * the difference: "killing <em>myself</em>" (not "killing me"), a whole bottle (not a dose), chest pain with its
 * companions (not a sore chest after the gym).
 */
final class RedFlagRules {

	/** What the rules found: the category, and the words that matched (normalised), as evidence. */
	record Hit(CrisisCategory category, String evidence) {
	}

	/** Words that negate what follows them in a clause. */
	private static final Set<String> NEGATORS = Set.of("no", "not", "never", "dont", "doesnt", "didnt", "isnt",
			"arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "without", "denies", "deny", "nor", "neither",
			"nahi", "नहीं", "नही", "mat", "nunca", "jamas", "sin", "tampoco", "ningun", "ninguna", "pas", "jamais",
			"aucun", "aucune", "sans", "ni", "nai", "nest");
	/** After these, a negator is no negation: "can't stop thinking of", "no one would care". */
	private static final Set<String> NOT_NEGATING_NEXT = Set.of("stop", "help", "one", "matter", "longer", "doubt",
			"more", "way", "sure", "idea", "reason");
	/** Hindi negates after the verb: "seene mein dard nahi hai". */
	private static final Set<String> POST_NEGATORS = Set.of("nahi", "नहीं", "नही");
	private static final int BEFORE = 5;
	private static final int AFTER = 3;

	private record Rule(CrisisCategory category, Pattern pattern, boolean negationInside, @Nullable Pattern unless) {
	}

	/** Two signs together; {@code context} when the first only says whose emergency it is (a child, a pregnancy). */
	private record Pair(CrisisCategory category, Pattern first, Pattern second, boolean context) {
	}

	private final List<Pair> pairs = new ArrayList<>();
	private final List<Rule> rules = new ArrayList<>();

	RedFlagRules() {
		children();
		pregnancy();
		english();
		hindi();
		hinglish();
		spanish();
		french();
	}

	/** The first red flag in the text (pairs first: a child's or a pregnancy's emergency names itself so). */
	@Nullable
	Hit find(String normalised) {
		for (Pair pair : pairs) {
			String a = firstUnnegated(pair.first(), normalised, null);
			if (a == null) {
				continue;
			}
			String b = firstUnnegated(pair.second(), normalised, null);
			if (b != null && !a.equals(b)) {
				return new Hit(pair.category(), a + " + " + b);
			}
		}
		for (Rule rule : rules) {
			String found = rule.negationInside() ? first(rule.pattern(), normalised, rule.unless())
					: firstUnnegated(rule.pattern(), normalised, rule.unless());
			if (found != null) {
				return new Hit(rule.category(), found);
			}
		}
		return null;
	}

	/**
	 * Whether the text states a red flag only to deny it ("I am not suicidal", "no chest pain"): the semantic layer,
	 * which does not understand negation, then stays out.
	 */
	boolean negatedOnly(String normalised) {
		for (Rule rule : rules) {
			if (!rule.negationInside() && deniedOnly(rule.pattern(), normalised)) {
				return true;
			}
		}
		for (Pair pair : pairs) {
			if ((!pair.context() && deniedOnly(pair.first(), normalised)) || deniedOnly(pair.second(), normalised)) {
				return true;
			}
		}
		return false;
	}

	private static boolean deniedOnly(Pattern pattern, String text) {
		return first(pattern, text, null) != null && firstUnnegated(pattern, text, null) == null;
	}

	/** The first match, unless the text shows the rule does not apply (a question about signs, a period). */
	private static @Nullable String first(Pattern pattern, String text, @Nullable Pattern unless) {
		if (unless != null && unless.matcher(text).find()) {
			return null;
		}
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group().strip() : null;
	}

	private static @Nullable String firstUnnegated(Pattern pattern, String text, @Nullable Pattern unless) {
		if (unless != null && unless.matcher(text).find()) {
			return null;
		}
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			if (!negated(text, m.start(), m.end())) {
				return m.group().strip();
			}
		}
		return null;
	}

	/** A negator among the few words before the match in its clause, or a Hindi one right after it. */
	static boolean negated(String text, int start, int end) {
		int from = text.lastIndexOf(Normaliser.CLAUSE, start);
		String[] before = text.substring(from < 0 ? 0 : from + 1, start).strip().split(" ");
		for (int i = Math.max(0, before.length - BEFORE); i < before.length; i++) {
			if (NEGATORS.contains(before[i])) {
				String next = i + 1 < before.length ? before[i + 1] : "";
				if (!NOT_NEGATING_NEXT.contains(next)) {
					return true;
				}
			}
		}
		int to = text.indexOf(Normaliser.CLAUSE, end);
		String[] after = text.substring(end, to < 0 ? text.length() : to).strip().split(" ");
		for (int i = 0; i < Math.min(AFTER, after.length); i++) {
			if (POST_NEGATORS.contains(after[i])) {
				return true;
			}
		}
		return false;
	}

	private static Pattern compile(String regex) {
		return Pattern.compile(Normaliser.pattern(regex), Pattern.UNICODE_CHARACTER_CLASS);
	}

	private void rule(CrisisCategory category, String regex) {
		rules.add(new Rule(category, compile(regex), false, null));
	}

	private void ruleUnless(CrisisCategory category, String regex, String unless) {
		rules.add(new Rule(category, compile(regex), false, compile(unless)));
	}

	/** A rule whose meaning is a negation ("don't want to live"): no negation check. */
	private void negative(CrisisCategory category, String regex) {
		rules.add(new Rule(category, compile(regex), true, null));
	}

	private void pair(CrisisCategory category, String first, String second) {
		pairs.add(new Pair(category, compile(first), compile(second), false));
	}

	/** A pair whose first part is only the context: who it is happening to. */
	private void inContext(CrisisCategory category, String context, String danger) {
		pairs.add(new Pair(category, compile(context), compile(danger), true));
	}

	/** A question about recognising an emergency, not one happening: "how do I know if someone is having…". */
	private static final String INFORMATIONAL = "\\b(if (someone|somebody|a person|anyone)|how (do|can|would|to) (i |you |we )?"
			+ "(know|tell|recogni[sz]e|spot)|signs of|symptoms of|what (are|is) the)\\b";

	// a few words of the same clause
	private static final String GAP = "[^|]{0,25}?";
	private static final String SHORT = "[^|]{0,12}?";

	private void children() {
		String child = "\\b(baby|babys|infant|newborn|toddler|child|kid|my son|my daughter|our son|our daughter|little one"
				+ "|\\d+ ?(month|months|week|weeks|year|years|yr|yrs|mo) old|बच्चा|बच्चे|बच्ची|शिशु|बेटा|बेटी|baccha|bachcha|bacha"
				+ "|bachi|munna|munni|bebe|nino|nina|mi hijo|mi hija|nene|nena|recien nacido|enfant|nourrisson|mon fils|ma fille"
				+ "|petit|petite)\\b";
		String danger = "\\b(not breathing|stopped breathing|isnt breathing|turning blue|turned blue|gone blue|went blue"
				+ "|lips? (are |is |look |looks )?(blue|purple|grey)|limp|floppy|unresponsive|wont wake|cant wake|hard to wake"
				+ "|wont respond|not responding|ribs (are )?(sucking|pulling) in|grunting|struggling to breathe|cant breathe"
				+ "|rash" + GAP + "(doesnt|does not|wont|not) fade|stiff neck|seizure|fitting|convuls\\w*|febrile"
				+ "|drowning|drowned|pulled (him|her) out of the (pool|water)|head" + GAP + "(vomit\\w*|drowsy|confused)"
				+ "|(swallowed|ate|eaten|drank|drunk|got into|chewed|swallow)" + GAP + "(button batter\\w*|batter\\w*|magnets?"
				+ "|pills?|tablets?|medicine|meds|bleach|detergent|laundry pods?|dishwasher|cleaning|chemicals?|poison"
				+ "|lamp oil|kerosene|iron tablets|coin)"
				+ "|सांस नहीं|साँस नहीं|नीला|नीली|बेहोश|निगल|दौरा|sans nahi|nila|neela|behosh|nigal|daura|jhatke"
				+ "|no respira|azul|morado|no despierta|no responde|convulsi\\w*|se trago|trago|se tomo"
				+ "|ne respire|bleu|bleue|convulse|ne se reveille|avale|inconscient\\w*)\\b";
		inContext(CHILD_EMERGENCY, child, danger);
		inContext(CHILD_EMERGENCY, "\\b(newborn|[1-9] ?(week|weeks|wk|wks) old|[12] ?(month|months|mo) old|one month old"
				+ "|two months? old|recien nacido|nourrisson|नवजात)\\b",
				"\\b(fever|temperature of (3[89]|10[0-4])|temp of (3[89]|10[0-4])|fiebre|fievre|बुखार|bukhar)\\b");
		negative(CHILD_EMERGENCY, "\\b(no|hasnt had a|hasnt had any|not had a|not had any) wet (diapers?|nappy|nappies)\\b");
	}

	private void pregnancy() {
		String pregnant = "\\b(pregnant|pregnancy|weeks along|trimester|gave birth|giving birth|given birth"
				+ "|after (the |my )?(birth|delivery|c section|caesarean|cesarean)|postpartum|post partum"
				+ "|since (the |my )?(delivery|birth)|c section|my baby was born|had my baby"
				+ "|गर्भवती|प्रेग्नेंट|डिलीवरी के बाद|प्रसव|garbhvati|garbhavati|delivery ke baad"
				+ "|embarazada|embarazo|despues del parto|di a luz|posparto|postparto"
				+ "|enceinte|grossesse|accouche\\w*|apres l accouchement)\\b";
		String danger = "\\b((bleeding|bleed|bleeds|blood|clots?)(?! (test|tests|sugar|sugars|presure|group|type|work))"
				+ "|soak\\w*|(severe|bad|terrible|intense|sharp|extreme|unbearable|worst)" + SHORT
				+ "(pain|cramps?|cramping|headache|belly|abdominal|stomach)|(blurr\\w*|spots|flashing|flashes)" + SHORT
				+ "(vision|eyes|lights)|seizure|fitting|convuls\\w*|((harm|hurt|kill|smother|drown|shake)\\w*) (my|the|our) baby"
				+ "|खून|रक्तस्राव|तेज दर्द|तेज़ दर्द|khoon|khun|tez dard|bahut dard"
				+ "|sangr\\w*|dolor (fuerte|intenso|muy fuerte)|vision borrosa|saign\\w*|sang|douleur (forte|intense|violente)"
				+ "|vision floue)\\b";
		inContext(PREGNANCY_EMERGENCY, pregnant, danger);
		negative(PREGNANCY_EMERGENCY, "\\b(havent|hasnt|not|didnt|cant) (felt|feel|noticed|notice) (the |my )?baby"
				+ " (move|moving|kick\\w*)\\b");
		negative(PREGNANCY_EMERGENCY, "\\b(baby|babys|fetus|bebe|बच्चा|baccha|bacha)\\b" + SHORT
				+ "\\b(not moving|stopped moving|isnt moving|hasnt moved|moving less|no movements?|not kicking|stopped kicking"
				+ "|no se mueve|ne bouge plus|hil nahi|हिल नहीं)\\b");
		rule(PREGNANCY_EMERGENCY, "\\b(thoughts?|thinking|urges?|want|feel like|scared i will|afraid i will|afraid i might"
				+ "|might)\\b" + GAP + "\\b(harm|hurt|kill|smother|drown|shake)\\w* (my|the|our) (baby|newborn|infant)\\b");
	}

	private void english() {
		// suicidal thoughts and plans
		rule(SUICIDAL_IDEATION, "\\bsuicidal\\b");
		rule(SUICIDAL_IDEATION, "\\b(commit|committing|attempt\\w*|tried|try|trying|thinking about|thinking of"
				+ "|thoughts? (of|about)|considering|contemplat\\w*|plan\\w*|going to|want to|ideation|ideas of)\\b" + GAP
				+ "\\bsuicide\\b");
		rule(SUICIDAL_IDEATION, "\\bsuicide (note|letter|plan|attempt|pact)s?\\b");
		rule(SUICIDAL_IDEATION, "\\b(kill|killing|killed|kills)\\s+(myself|himself|herself|themselves|themself|yourself)\\b");
		rule(SUICIDAL_IDEATION, "\\b(end|ending|take|taking|took)\\s+(it all|my (own )?life|my own life|his (own )?life"
				+ "|her (own )?life)\\b");
		rule(SUICIDAL_IDEATION, "\\bwant to end it( all)?\\s*(\\||$)");
		negative(SUICIDAL_IDEATION, "\\b(dont|do not|no longer|dont even|doesnt|does not)\\s+want to (live|be alive|exist"
				+ "|be here anymore|be here any more|wake up|go on living)\\b(?!\\s+(in|at|near|on|abroad|there|here|together"
				+ "|with (my|him|her|them|you|a|an|the))\\b)");
		rule(SUICIDAL_IDEATION, "\\bwants? to die\\b");
		// looking up how much of a drug would kill: a plan, whatever the words around it
		rule(SUICIDAL_IDEATION, "\\bhow (many|much)\\b" + SHORT + "\\b(pills|tablets|paracetamol|tylenol|insulin|sleeping pills)\\b"
				+ SHORT + "\\b(it takes|would it take|does it take|to die|to overdose|to kill|would kill|is lethal|is fatal)\\b");
		rule(SUICIDAL_IDEATION, "\\b(wish|wished|wishing) (i|he|she) (was|were|could be) dead\\b");
		rule(SUICIDAL_IDEATION, "\\bwish i (could )?(just )?(die|disappear forever|never woke up|wasnt born|had never been born"
				+ "|would not wake up|wouldnt wake up|could sleep forever|could just disappear)\\b");
		rule(SUICIDAL_IDEATION, "\\bbetter off (dead|without me)\\b");
		// the warning signs said around the edges: a place to fall from, a crash, goodbyes, belongings given away
		pair(SUICIDAL_IDEATION, "\\b(roof|bridge|ledge|edge|balcony|cliff|tracks|top of the|platform)\\b",
				"\\b(thinking about|thinking of|going to|want to|about to|ready to|gonna|urge to)\\b" + SHORT
						+ "\\b(step|stepping|jump|jumping|throw myself|throwing myself|fall|falling|let go)\\b");
		rule(SUICIDAL_IDEATION, "\\b(thoughts? of|thinking (of|about)|want to|urge to|urges to|tempted to)\\b" + SHORT
				+ "\\b(drive|driving|crash\\w*|steer\\w*|swerv\\w*)\\b" + GAP + "\\b(into|off|in front of)\\b");
		String farewell = "\\b(said|saying|say|told|written|wrote|writing|goodbye letters?|farewell)\\b" + SHORT
				+ "\\b(goodbye|goodbyes|farewell|adieu|adios|alvida)\\b|\\b(dit|dire|fait|fais) (mes )?adieux?\\b"
				+ "|\\balvida (keh|kah|bol)\\w*\\b|अलविदा|\\b(me despedi|despidiendome|me estoy despidiendo)\\b";
		String gone = "\\b(wont be (here|around)|wont need|when i am gone|after i am gone|after (tonight|this weekend|today)"
				+ "|last time|for the last time|by tomorrow|ne serai plus|serai plus la|nahi rahunga|nahi rahungi|nahi rahu"
				+ "|नहीं रहूँगा|नहीं रहूंगा|नहीं रहूँगी|ya no (estare|voy a estar)|no estare)\\b";
		pair(SUICIDAL_IDEATION, farewell, gone);
		pair(SUICIDAL_IDEATION, "\\b(giving|given|gave|give) (away )?(all )?(my|of my) (things|stuff|belongings|possessions"
				+ "|prized|precious)\\b|\\b(regalando|regale) (todas )?(mis|todas mis) cosas\\b"
				+ "|\\b(donne|donner) (toutes )?mes affaires\\b",
				"\\b(letters?|goodbye|goodbyes|farewell|wont need|no (las|los) voy a necesitar|ya no|plus besoin|notes? to"
						+ "|adieu|will|sorted out)\\b");
		negative(SUICIDAL_IDEATION, "\\b(sleep|fall asleep)\\b" + SHORT + "\\b(and )?(never|not) wake up\\b");
		negative(SUICIDAL_IDEATION, "\\b(no reason|no reasons|nothing( left)?) to live( for)?\\b");
		negative(SUICIDAL_IDEATION, "\\b(life is not|life isnt|life is no longer|life aint|not) worth living\\b");
		negative(SUICIDAL_IDEATION, "\\b(cant|can not) go on (living|like this)\\b");
		// "noose" squeezes to "nose": only with what one does with it
		rule(SUICIDAL_IDEATION, "\\b(hang|hanging|hanged) (myself|himself|herself)\\b|\\b(tie|tied|tying|made|make|making"
				+ "|bought|have) (a )?noose\\b");
		rule(SUICIDAL_IDEATION, "\\b(jump|jumping) (off|from|in front of)" + GAP
				+ "\\b(bridge|building|roof|tower|train|cliff|balcony|terrace)\\b");
		rule(SUICIDAL_IDEATION, "\\b(slit|slash|slice|cut|cutting) (my|his|her) (wrists?|throat)\\b");
		rule(SUICIDAL_IDEATION, "\\bshoot (myself|himself|herself)\\b");
		rule(SUICIDAL_IDEATION, "\\b(painless|quick|easy|quickest|easiest|best) (way|ways|method|methods) to (die|end it)\\b"
				+ "|\\bhow (to|do i|can i|could i) (die|kill myself|end my life)\\b");
		rule(SUICIDAL_IDEATION, "\\b(miss|care|notice|better)\\b" + GAP + "\\bif i (died|was gone|were gone|disappeared"
				+ "|wasnt here|was not here|were dead|was dead)\\b");
		// self-harm
		rule(SELF_HARM, "\\bself ?(harm|injur|mutilat)\\w*");
		rule(SELF_HARM, "\\b(want to|urge to|urges to|feel like|tempted to|thinking about|going to|started|keep|been"
				+ "|relapsed)\\s+(hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing|scratch|scratching)"
				+ "\\s+(myself|my arms?|my wrists?|my thighs?|my skin)\\b");
		rule(SELF_HARM, "\\b(i|been|keep|started|have been|am)\\s+(cutting|harming|burning|hurting)\\s+myself\\b");
		rule(SELF_HARM, "\\b(started|been|relapsed and|keep) cutting (again|myself)\\b");
		rule(SELF_HARM, "\\bcut(ting)? (my|her|his) (wrists?|thighs?|arms?) (on purpose|deliberately|again|with)\\b");
		rule(SELF_HARM, "\\b(razor|blade)s?\\b" + GAP + "\\b(my|her|his) (wrists?|thighs?|arms?|skin)\\b");
		// overdose and poisoning
		String took = "\\b(took|taken|take|taking|swallowed|swalowed|ate|downed|popped|had|drank|drunk|has taken|have taken)\\b";
		rule(OVERDOSE_POISONING, "\\b(overdosed|overdosing)\\b");
		rule(OVERDOSE_POISONING, took + " (an |a )?overdose\\b|\\b(i|he|she|they|just) overdose on\\b");
		rule(OVERDOSE_POISONING, took + GAP + "\\b(whole|entire|full|all the|all of the|all of my|all my)\\b" + SHORT
				+ "\\b(bottle|packet|strip|pack|box|jar|blister|sleeping pills|pills|tablets)\\b");
		rule(OVERDOSE_POISONING, took + GAP + "\\b(handful|bunch|lot|lots|dozens?|too many|way too many|loads"
				+ "|\\d{2,}(?!\\s*(mg|ml|mcg|g|gm|grams?|milligrams?|units?|iu|percent|days?|hours?|times?|minutes?))"
				+ "|twenty|thirty|forty|fifty|hundred)\\b" + GAP + "\\b(pills?|tablets?|capsules?|meds|painkillers"
				+ "|paracetamol|tylenol|sleeping pills|ibuprofen|aspirin|antidepressants|insulin)\\b");
		rule(OVERDOSE_POISONING, "\\b(drank|drunk|drink|drinking|swallowed|swalowed|ate|eaten|ingested|took|had)\\b" + GAP
				+ "\\b(bleach|poison|pesticide|insecticide|rat poison|antifreeze|drain cleaner|kerosene|weed killer|weedkiller"
				+ "|detergent|laundry pod|button batter\\w*|batteries|battery|paraquat|phenyl|phenyle|turpentine|methanol"
				+ "|organophosphate)\\b");
		rule(OVERDOSE_POISONING, "(?<!food )\\b(poisoned|poisoning)\\b");
		rule(OVERDOSE_POISONING, "\\blethal dose\\b|\\b(how much|how many)\\b" + GAP + "\\b(to die|to kill|would kill"
				+ "|is fatal|to overdose|lethal|fatal|to not wake up|never wake up)\\b");
		// chest pain that may be a heart attack
		String chest = "\\b(chest|chests)\\b" + SHORT + "\\b(pain|pains|presure|tight|tightness|hurts|hurting|heavy"
				+ "|heaviness|squeez\\w*|crushing|ache|aching|discomfort)\\b|\\b(pain|presure|tightness|heaviness|weight"
				+ "|elephant|squeezing|crushing)\\b" + SHORT + "\\b(in|on|across) (my |his |her |the )?chest\\b";
		String companion = "\\b(short of breathe|shortness of breathe|breathless\\w*|cant breathe|cant catch (my|his|her)"
				+ " breathe|hard to breathe|struggling to breathe|trouble breathing|difficulty breathing|out of breathe"
				+ "|left arm|jaw|sweat\\w*|clammy|faint\\w*|passing out|(spread\\w*|radiat\\w*|going|goes|moving|shooting"
				+ "|travel\\w*)" + SHORT + "(arm|arms|jaw|neck|shoulder|back))\\b";
		pair(CARDIAC_CHEST_PAIN, chest, companion);
		ruleUnless(CARDIAC_CHEST_PAIN, "\\b(having|having a|is having|am having|think i am having|might be having|just had)"
				+ " (a )?heart attack\\b", INFORMATIONAL);
		rule(CARDIAC_CHEST_PAIN, "\\b(severe|crushing|terrible|intense|excruciating|worst)\\b" + SHORT
				+ "\\bchest (pain|presure)\\b");
		// stroke
		rule(STROKE, "\\b(face|mouth|smile)\\b" + GAP + "\\b(droop\\w*|lopsided|uneven|crooked|twisted|sagging|sags"
				+ "|fallen on one side|numb on one side|paraly\\w*)\\b");
		rule(STROKE, "\\b(one side|half|left side|right side) of (my |his |her |the |their )?(\\w+ )?(face|body)\\b" + GAP
				+ "\\b(numb|weak|droop\\w*|cant move|paraly\\w*|dead|not working|slack|gone slack|fallen|dropped)\\b");
		rule(STROKE, "\\b(numb|weak|weakness|numbness|paraly\\w*)\\b" + GAP
				+ "\\b(one side|left side|right side|half) of (my|his|her|the) (face|body)\\b");
		rule(STROKE, "\\bslurr\\w* (speech|words|his words|her words|my words|speaking)\\b|\\bspeech (is |was )?slurr\\w*\\b"
				+ "|\\b(talking|speaking|speech)\\b" + SHORT + "\\b(slurr\\w*|garbled|jumbled)\\b");
		negative(STROKE, "\\b(cant|can not|unable to|struggling to|trouble|difficulty)\\b[^|]{0,8}?\\b(get (the |his |her |my"
				+ " )?words out|speak properly|find (the |his |her )?words|form words|talk properly|speak suddenly)\\b");
		ruleUnless(STROKE, "\\b(having|is having|just had|might be having|think (i am|he is|she is) having|suffering) a stroke\\b",
				INFORMATIONAL);
		rule(STROKE, "\\bsudden\\w*\\b" + GAP + "\\b(numb\\w*|weakness|confus\\w*|blind\\w*|vision loss|lost vision|cant see"
				+ "|severe headache|cant speak|cant talk|cant walk|paraly\\w*|cant understand|doesnt understand|cant lift|cant move"
				+ "|slurr\\w*)\\b");
		rule(STROKE, "\\b(worst headache of (my|his|her) life|thunderclap headache)\\b");
		// severe allergic reaction
		rule(ANAPHYLAXIS, "\\b(throat|tongue|airway)\\b" + SHORT + "\\b(swell\\w*|swolen|closing|closing up|puff\\w*)\\b");
		rule(ANAPHYLAXIS, "\\b(anaphyla\\w*)\\b|\\b(used|gave|give|need|needs|using|inject\\w*) (my |his |her |an |the )?epi ?pen\\b");
		pair(ANAPHYLAXIS, "\\b(alerg\\w*|peanuts?|nuts|bee sting|wasp sting|stung|shellfish|penicillin)\\b",
				"\\b(cant breathe|hard to breathe|trouble breathing|difficulty breathing|struggling to breathe|wheez\\w*"
						+ "|throat" + SHORT + "(swell\\w*|swolen|closing|tight\\w*)|lips? (are |is )?(swell\\w*|swolen)"
						+ "|face (is )?(swell\\w*|swolen)|swollen (face|lips)|hives all over|faint\\w*|pass(ed|ing) out"
						+ "|collaps\\w*)\\b");
		// severe bleeding
		negative(SEVERE_BLEEDING, "\\b(bleeding|bleed|bleeds|blood)\\b" + SHORT
				+ "\\b(wont|will not|doesnt|does not|isnt|is not|not|cant|can not) (stop\\w*|slow\\w*)\\b");
		negative(SEVERE_BLEEDING, "\\b(cant|can not|unable to) stop (the |his |her |my )?(bleeding|blood)\\b");
		ruleUnless(SEVERE_BLEEDING, "\\b(lots of|a lot of|so much|pool of|heavy|heavily|profuse\\w*|gushing|spurting|pouring"
				+ "|squirting|massive)\\b" + SHORT + "\\b(blood|bleeding|bleeds)\\b|\\b(bleeding|blood)\\b[^|]{0,8}?"
				+ "\\b(heavily|profusely|everywhere|gushing|spurting|pouring|squirting|all over)\\b",
				"\\b(period|periods|menstrua\\w*|every month|gums|nose ?bleeds? (as a|when))\\b");
		rule(SEVERE_BLEEDING, "\\b(coughing|vomiting|throwing|spitting) up (blood|bright red blood)\\b|\\bvomit\\w* blood\\b");
		rule(SEVERE_BLEEDING, "\\b(cut|severed|sliced|nicked)\\b" + SHORT + "\\bartery\\b");
		rule(SEVERE_BLEEDING, "\\b(deep|big|large) (cut|wound|gash|laceration)\\b" + GAP + "\\b(bleeding|blood)\\b");
		rule(SEVERE_BLEEDING, "\\bstab\\w*\\b" + GAP + "\\b(bleeding|blood)\\b|\\b(was|been|got|is|has been) (stabbed|shot)\\b");
		// severe breathing difficulty
		negative(BREATHING_DIFFICULTY, "\\b(cant|can not|unable to|struggling to|hard to|hardly|barely|trouble|difficulty)"
				+ " (breathe|breathing)\\b(?! (through|thru|out of|from) (my |the |his |her |one )?(nose|nostril))");
		negative(BREATHING_DIFFICULTY, "\\bcant catch (my|his|her) breathe\\b");
		rule(BREATHING_DIFFICULTY, "\\bgasping\\b|\\b(lips|face)\\b" + SHORT + "\\b(blue|bluish|purple|grey|gray)\\b");
		rule(BREATHING_DIFFICULTY, "\\b(is|am|he is|she is|keeps|started) choking\\b|\\bchoking on\\b");
		negative(BREATHING_DIFFICULTY, "\\binhaler\\b" + SHORT + "\\b(not|isnt|is not|doesnt|does not|wont|no longer)\\b"
				+ "[^|]{0,8}?\\b(working|helping|help|work)\\b");
		rule(BREATHING_DIFFICULTY, "\\b(severe|really bad|extreme\\w*|very|worst)\\b" + SHORT
				+ "\\b(shortness of breathe|short of breathe|breathless\\w*|asthma attack)\\b");
		rule(BREATHING_DIFFICULTY, "\\b(drowning|drowned|nearly drowned)\\b");
		// seizures
		rule(SEIZURE, "\\b(having|is having|started having|keeps having|just had|had another) (a |another |several |multiple )?"
				+ "(seizure|seizures|fit|fits|convulsion|convulsions)\\b");
		rule(SEIZURE, "\\b(seizing|convulsing)\\b|\\b(is|he is|she is|started|keeps) fitting\\b");
		negative(SEIZURE, "\\b(seizure|fit|convulsion)\\b" + SHORT + "\\b(wont|will not|hasnt|has not|doesnt|not) stop\\w*\\b");
		rule(SEIZURE, "\\b(seizure|fit|convulsion)\\b" + SHORT + "\\b(\\d+|five|ten|several) ?(minutes|mins)\\b");
		rule(SEIZURE, "\\b(shaking|jerking|twitching) (uncontrollably|all over)\\b|\\bfoaming at the mouth\\b");
		// an unresponsive person
		negative(UNRESPONSIVE, "\\b(unresponsive|unconscious|not responding|wont respond|not waking up|wont wake up|cant wake"
				+ " (him|her|them|my \\w+)|cant be woken|will not wake up|no pulse|not breathing|stopped breathing)\\b"
				+ "(?! (for|in time for|early|on time))");
		rule(UNRESPONSIVE, "\\b(collapsed|colapsed)\\b");
		negative(UNRESPONSIVE, "\\b(passed out|blacked out|fainted)\\b" + GAP + "\\b(wont|not|cant|isnt|hasnt)"
				+ " (wake|waking|woken|respond\\w*|come round|come to)\\b");
	}

	private void hindi() {
		rule(SUICIDAL_IDEATION, "(आत्महत्या|खुदकुशी|ख़ुदकुशी)");
		rule(SUICIDAL_IDEATION, "(मरना|मर जाना) चाहत|मर जाऊं|मर जाऊँ|मर जाना है");
		negative(SUICIDAL_IDEATION, "(जीना नहीं चाहत|जीने का मन नहीं|जीने की इच्छा नहीं|जीने की वजह नहीं)");
		rule(SUICIDAL_IDEATION, "(ज़िंदगी|जिंदगी|जिन्दगी) (खत्म|ख़त्म)|अपनी जान (ले|दे)|खुद को (मार|ख़त्म|खत्म)");
		rule(SELF_HARM, "खुद को (चोट|नुकसान|नुक़सान)|नस काट");
		rule(OVERDOSE_POISONING, "(सारी|बहुत सारी|पूरी|ढेर सारी)[^|]{0,20}(गोलियां|गोलियाँ|गोली|दवाइयां|दवा)[^|]{0,10}खा"
				+ "|(ज़हर|जहर|कीटनाशक)[^|]{0,10}(खा|पी) (लिया|ली)");
		pair(CARDIAC_CHEST_PAIN, "(सीने|छाती) (में|मे) (दर्द|दबाव|भारीपन|जकड़न)",
				"(सांस|साँस|बाएं हाथ|बायें हाथ|बाएँ हाथ|जबड़े|पसीना)");
		rule(CARDIAC_CHEST_PAIN, "दिल का दौरा");
		rule(STROKE, "(चेहरा|मुंह|मुँह)[^|]{0,12}(टेढ़ा|टेढा|लटक)|लकवा|(ज़ुबान|जुबान|आवाज़|आवाज) लड़खड़");
		negative(STROKE, "बोल नहीं पा");
		rule(ANAPHYLAXIS, "(गला|गले|जीभ)[^|]{0,8}(सूज|बंद हो)");
		negative(SEVERE_BLEEDING, "(खून|ख़ून)[^|]{0,10}(रुक नहीं|नहीं रुक|बंद नहीं)");
		rule(SEVERE_BLEEDING, "बहुत (खून|ख़ून)");
		negative(BREATHING_DIFFICULTY, "(सांस|साँस)[^|]{0,8}(नहीं ले पा|नहीं आ रही|लेने में बहुत)|दम घुट");
		ruleUnless(SEIZURE, "(दौरा|झटके|मिर्गी)[^|]{0,8}(पड़|पड|आ रहे|आया|आ रहा)", "दिल");
		rule(UNRESPONSIVE, "बेहोश");
		negative(UNRESPONSIVE, "होश नहीं|जवाब नहीं दे (रहा|रही)");
	}

	private void hinglish() {
		rule(SUICIDAL_IDEATION, "\\b(suicide|khudkushi|atmahatya|aatmahatya)\\b" + SHORT
				+ "\\b(karna|karne|kar|karunga|karungi|kar lunga|kar lungi|ka khayal|ke khayal|ka vichar|ke vichar|ki soch)\\b");
		rule(SUICIDAL_IDEATION, "\\b(marna|mar jana|mar jaun|mar jaunga|mar jaungi|mar jau)\\b" + SHORT
				+ "\\b(chahta|hai|chahiye)\\b");
		negative(SUICIDAL_IDEATION, "\\bjeena nahi chahta\\b|\\b(jeene|jine) ka (man|mann|mood) nahi\\b"
				+ "|\\b(jeene|jine) ki (icha|ichha|wajah) nahi\\b");
		rule(SUICIDAL_IDEATION, "\\b(zindagi|zindgi|jindagi) (khatam|khtm|khatm)\\b|\\bkhud ko (mar|khatam|khatm)"
				+ " (dunga|dungi|lunga|lungi|dalunga|dalungi|dena|dalna|karna)\\b|\\bapni jaan (le|de)\\b");
		rule(SUICIDAL_IDEATION, "\\b(sab|sabkuch|sab kuch) khatam kar (dena|dunga|dungi|na|du)\\b");
		rule(SELF_HARM, "\\bkhud ko (hurt|chot|nuksan|harm|kaat|kat)\\b|\\bnas (kaat|kat)\\b");
		rule(OVERDOSE_POISONING, "\\b(saari|sari|bahut saari|bohot saari|puri|poori|ek saath)\\b" + SHORT
				+ "\\b(goli|goliyan|goliya|tablets?|pills?|dawai|dawaiyan)\\b" + SHORT + "\\b(kha|khali|le li|khaa)\\w*\\b");
		rule(OVERDOSE_POISONING, "\\b(zeher|zehar|jeher|jahar|keetnashak)\\b" + SHORT
				+ "\\b(kha|pi|pee|piya|khaya|li|liya)\\b");
		pair(CARDIAC_CHEST_PAIN, "\\b(seene|sine|chhati|chhaati|chaati|chati)\\b" + SHORT
				+ "\\b(dard|pain|dabav|dabaav|jakdan|bhari)\\b",
				"\\b(sans|saans|baye haath|bayen haath|baaye haath|left haath|left arm|pasina|paseena|jabda)\\b");
		rule(CARDIAC_CHEST_PAIN, "\\bdil ka daura\\b");
		rule(STROKE, "\\b(chehra|muh|munh|mooh)\\b" + SHORT + "\\b(tedha|tehda|latak|tircha)\\w*\\b|\\b(lakwa|lakva)\\b"
				+ "|\\b(juban|zuban|jubaan|zubaan) (ladkhada|ladkhad)\\w*\\b");
		negative(STROKE, "\\bbol nahi (pa|paa) (raha|rahi|rahe)\\b");
		rule(ANAPHYLAXIS, "\\b(gala|gale|jeebh|jibh)\\b" + SHORT + "\\b(sooj|suj|band ho)\\w*\\b");
		negative(SEVERE_BLEEDING, "\\b(khoon|khun)\\b" + SHORT + "\\b(ruk nahi|nahi ruk|band nahi)\\w*\\b");
		rule(SEVERE_BLEEDING, "\\b(bahut|bohot|bahot) (khoon|khun)\\b");
		ruleUnless(BREATHING_DIFFICULTY, "\\b(sans|saans)\\b[^|]{0,10}?\\b(nahi (aa|le|ho)|lene mein (bahut )?(dikkat|taklif|takleef"
				+ "|pareshani))\\w*\\b", "\\b(naak|nose|zukam|jukam|sardi)\\b");
		ruleUnless(SEIZURE, "\\b(daura|dora|mirgi|jhatke)\\b[^|]{0,10}?\\b(pad|pada|padh|padha|aa|aya|aaya|rahe|raha)\\w*\\b",
				"\\bdil\\b");
		rule(UNRESPONSIVE, "\\b(behosh|behoosh)\\b");
		negative(UNRESPONSIVE, "\\bhosh (mein )?nahi\\b|\\bjawab nahi de (raha|rahi|rahe)\\b");
	}

	private void spanish() {
		rule(SUICIDAL_IDEATION, "\\b(suicidarme|suicidarse|suicidarte|suicidar|suicidare|me suicido|suicidandome|suicida|suicidas|pienso en el suicidio"
				+ "|pienso en suicidio|intento de suicidio)\\b");
		rule(SUICIDAL_IDEATION, "\\b(quiero|quisiera|deseo|ganas de|me quiero) morir(me)?\\b|\\bquitarme la vida\\b"
				+ "|\\bmatarme\\b|\\bme voy a matar\\b|\\bacabar con (todo|mi vida)\\b");
		negative(SUICIDAL_IDEATION, "\\bno quiero (vivir|seguir viviendo|seguir aqui|despertar|estar vivo|estar viva)\\b"
				+ "|\\bno vale la pena vivir\\b|\\bno (tengo|hay) (razones|razon|motivos?) para vivir\\b");
		rule(SUICIDAL_IDEATION, "\\b(estarian|estaria|estarán|estaran) mejor sin mi\\b");
		rule(SELF_HARM, "\\b(me corto|cortarme|me estoy cortando) (los brazos|las venas|las munecas|la piel)\\b"
				+ "|\\b(hacerme dano|me hago dano|lastimarme|autolesion\\w*)\\b");
		rule(OVERDOSE_POISONING, "\\bsobredosis\\b");
		rule(OVERDOSE_POISONING, "\\b(tome|me tome|trague|me trague|tomo|se tomo)\\b" + GAP
				+ "\\b(todas las|toda la|un frasco|una caja|muchas|un monton de|\\d{2,})\\b" + SHORT
				+ "\\b(pastillas|pildoras|tabletas|capsulas|medicinas|caja|frasco)\\b");
		rule(OVERDOSE_POISONING, "\\b(tome|bebi|trague|bebio|tomo|comio|se trago)\\b" + SHORT
				+ "\\b(veneno|lejia|cloro|raticida|insecticida)\\b");
		pair(CARDIAC_CHEST_PAIN, "\\bdolor\\b" + SHORT + "\\b(pecho|toracico)\\b|\\b(opresion|presion|peso) en el pecho\\b",
				"\\b(falta de aire|no puedo respirar|me falta el aire|ahogo|brazo izquierdo|brazo|mandibula|sudor\\w*|sudando)\\b");
		rule(CARDIAC_CHEST_PAIN, "\\b(estoy teniendo|esta teniendo|me esta dando|le esta dando) un (infarto|ataque al corazon"
				+ "|ataque cardiaco)\\b");
		rule(STROKE, "\\b(cara|boca)\\b" + SHORT + "\\b(torcida|caida|paralizada|chueca|de lado)\\b|\\b(derrame cerebral|ictus)\\b"
				+ "|\\barrastra (las|sus) palabras\\b");
		negative(STROKE, "\\bno (puede|puedo) hablar\\b" + SHORT + "\\b(de repente|bien)\\b");
		rule(STROKE, "\\b(un lado|la mitad|una parte) de (la|su) cara\\b");
		rule(ANAPHYLAXIS, "\\bgarganta\\b" + SHORT + "\\b(se (me )?(esta )?cierra\\w*|cerrando)\\b|\\blengua\\b" + SHORT
				+ "\\bhinchad\\w*\\b|\\b(anafila\\w*|choque anafilactico|reaccion alergica (grave|fuerte|severa))\\b");
		rule(SEVERE_BLEEDING, "\\bsangr\\w*\\b" + SHORT + "\\b(mucho|sin parar|a chorros|abundante\\w*)\\b|\\bmucha sangre\\b"
				+ "|\\bhemorragia\\b|\\b(vomit\\w*|tos\\w*) (con )?sangre\\b");
		negative(SEVERE_BLEEDING, "\\bsangr\\w*\\b" + SHORT + "\\b(no para|no se detiene)\\b");
		negative(BREATHING_DIFFICULTY, "\\bno puedo respirar\\b|\\b(me ahogo|me estoy ahogando|se esta ahogando"
				+ "|dificultad para respirar|me cuesta (mucho )?respirar|labios morados|labios azules)\\b");
		rule(SEIZURE, "\\b(esta|tiene|tuvo|le dio|le esta dando|teniendo) (una )?(convulsion|convulsiones|ataque epileptico"
				+ "|crisis epileptica)\\b|\\bconvulsionando\\b");
		negative(UNRESPONSIVE, "\\b(inconsciente|no responde|no reacciona|no despierta|sin pulso|no respira)\\b");
	}

	private void french() {
		rule(SUICIDAL_IDEATION, "\\b(suicidaire|suicidaires|me suicider|se suicider|idees suicidaires|pensees suicidaires)\\b");
		rule(SUICIDAL_IDEATION, "\\b(veux|voudrais) mourir\\b|\\benvie de mourir\\b|\\bme tuer\\b"
				+ "|\\bmettre fin a (mes jours|ma vie)\\b|\\b(je veux|envie d|jai envie d) en finir\\b");
		negative(SUICIDAL_IDEATION, "\\b(ne (veux|voudrais) plus|ne plus jamais|plus envie de) me reveiller\\b");
		negative(SUICIDAL_IDEATION, "\\b(ne veux plus|veux plus|plus envie de|plus la force de) vivre\\b"
				+ "|\\bla vie ne vaut (plus|pas) la peine\\b");
		rule(SUICIDAL_IDEATION, "\\b(seraient|serait|serais) mieux sans moi\\b");
		negative(SUICIDAL_IDEATION, "\\b(ne jamais|plus jamais|jamais plus) me reveiller\\b");
		rule(SELF_HARM, "\\b(me faire du mal|me scarifier|scarification|me mutiler|automutilation"
				+ "|me couper (les veines|les bras|les poignets))\\b");
		rule(OVERDOSE_POISONING, "\\b(surdose)\\b");
		rule(OVERDOSE_POISONING, "\\b(avale|pris)\\b" + GAP + "\\b(toute la|tous les|toute une|une boite|une plaquette"
				+ "|plein de|des dizaines de|\\d{2,})\\b" + SHORT + "\\b(comprimes|cachets|pilules|medicaments|boite|plaquette)\\b");
		rule(OVERDOSE_POISONING, "\\b(bu|avale)\\b" + SHORT + "\\b(javel|poison|produit menager|insecticide|mort aux rats)\\b");
		pair(CARDIAC_CHEST_PAIN, "\\b(douleur|mal|serrement|oppression|poids)\\b" + SHORT + "\\b(poitrine|thoracique|thorax)\\b",
				"\\b(essouffl\\w*|respirer|souffle|bras gauche|machoire|sueurs?|transpir\\w*)\\b");
		rule(CARDIAC_CHEST_PAIN, "\\b(fais|fait|en train de faire) (une )?(crise cardiaque|infarctus)\\b");
		rule(STROKE, "\\b(visage|bouche)\\b" + SHORT + "\\b(tordu\\w*|affaiss\\w*|de travers|paralys\\w*)\\b|\\bavc\\b");
		negative(STROKE, "\\b(n arrive plus a parler|narrive plus a parler|ne peut plus parler|mots ne sortent pas)\\b");
		rule(ANAPHYLAXIS, "\\bgorge\\b" + SHORT + "\\b(gonfl\\w*|se ferme|enfle)\\b|\\blangue (gonfl\\w*|enfle)\\b"
				+ "|\\b(choc anaphylactique|anaphylax\\w*|reaction allergique (grave|severe))\\b");
		negative(SEVERE_BLEEDING, "\\b(saigne|saignement|saigner)\\b" + SHORT
				+ "\\b(beaucoup|abondamment|sans arret|ne s arrete pas|narrete pas|enormement)\\b");
		rule(SEVERE_BLEEDING, "\\bbeaucoup de sang\\b|\\bhemorragie\\b|\\b(vomi|crache|tousse)\\w* du sang\\b");
		negative(BREATHING_DIFFICULTY, "\\b(n arrive (pas|plus) a respirer|narrive (pas|plus) a respirer"
				+ "|ne peux (pas|plus) respirer|du mal a respirer|j etouffe|jetouffe|suffoque|levres bleues)\\b");
		rule(SEIZURE, "\\b(fait|a|fais|en train de faire) (une |des )?(convulsions?|crise d ?epilepsie|crise convulsive)\\b"
				+ "|\\bconvulse\\b");
		negative(UNRESPONSIVE, "\\b(inconscient\\w*|ne repond (plus|pas)|ne se reveille pas|ne respire (plus|pas)"
				+ "|sans connaissance)\\b");
	}
}
