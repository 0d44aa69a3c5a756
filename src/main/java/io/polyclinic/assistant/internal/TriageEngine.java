package io.polyclinic.assistant.internal;

import java.util.List;
import java.util.regex.Pattern;

import io.polyclinic.assistant.CompanionAction;
import io.polyclinic.assistant.SessionType;

/**
 * The built-in answers to ordinary questions, when no LLM is configured (or it fails): the question's topic is
 * recognised by its words, and the answer is general, safe guidance — what helps at home, and the signs that call for a
 * clinician — never a diagnosis. A question the engine does not recognise gets an honest general answer that suggests
 * booking an appointment.
 */
final class TriageEngine {

	/** The engine's answer: what to say, what to suggest, and the topic for the session's summary. */
	record Answer(String reply, CompanionAction action, SessionType type, String topic) {
	}

	private record Topic(String name, Pattern words, SessionType type, CompanionAction action, String reply) {
	}

	private static final String WORSE = " If it gets worse, lasts more than a few days, or new symptoms appear, book an"
			+ " appointment with a doctor.";

	private static final List<Topic> TOPICS = List.of(
			topic("booking an appointment", "\\b(book|booking|appointment|schedule|reschedule|see a doctor|consult\\w*"
					+ "|check ?up|specialist)\\b", SessionType.HEALTH_QUERY, CompanionAction.BOOK_APPOINTMENT,
					"You can book an appointment with one of our doctors from the app: choose a specialty and a free"
							+ " slot that suits you. If your symptoms are urgent, tell the clinic when you book."),
			topic("medicine doses", "\\b(dose|doses|dosage|mg|tablets?|pills?|paracetamol|acetaminophen|tylenol|ibuprofen"
					+ "|aspirin|antibiotic\\w*|medicine|medication|side effects?|dosis|pastillas|comprimes|dawai|goli)\\b",
					SessionType.MEDICATION_QUERY, CompanionAction.ANSWER,
					"Take any medicine as its label or your prescription says, and never more than the maximum daily"
							+ " amount on the label (for paracetamol that is usually 4 g a day for adults, less for people"
							+ " with liver problems, low weight or who drink alcohol). Children's doses go by weight and"
							+ " age. A pharmacist can check a dose or an interaction with your other medicines; if you"
							+ " think someone took too much, call your emergency number even if they feel well."),
			topic("headache", "\\b(headache|head ache|migraine|head hurts|sir dard|sar dard|dolor de cabeza|mal a la tete"
					+ "|cabeza)\\b", SessionType.SYMPTOM_CHECK, CompanionAction.SELF_CARE,
					"For most headaches: rest in a quiet, dark room, drink water, eat something, and take a simple"
							+ " painkiller as the label says. Seek urgent care for a sudden, severe \"worst ever\" headache,"
							+ " one with a stiff neck, fever, confusion, weakness or trouble speaking, or after a head"
							+ " injury." + WORSE),
			topic("fever, cough or cold", "\\b(fever|temperature|cough\\w*|cold|flu|sore throat|runny nose|sneez\\w*"
					+ "|congest\\w*|bukhar|khansi|zukam|fiebre|tos|fievre|toux|rhume)\\b", SessionType.SYMPTOM_CHECK,
					CompanionAction.SELF_CARE,
					"Colds and flu usually get better on their own in a week or so: rest, drink plenty of fluids, and"
							+ " use paracetamol or ibuprofen for fever and aches as the label says. Get help quickly for"
							+ " difficulty breathing, chest pain, a fever above 39.5 °C that does not come down, a baby"
							+ " under 3 months with any fever, or drowsiness or confusion." + WORSE),
			topic("stomach trouble", "\\b(stomach|tummy|belly|diarrh\\w*|vomit\\w*|nause\\w*|constipat\\w*|acidity"
					+ "|heartburn|indigestion|pet dard|pet kharab|food poisoning)\\b", SessionType.SYMPTOM_CHECK,
					CompanionAction.SELF_CARE,
					"Sip water or an oral rehydration solution often, eat small bland meals when you can, and rest."
							+ " Get help quickly for blood in vomit or stool, severe or constant belly pain, signs of"
							+ " dehydration (very little urine, dizziness), or if a child or older person cannot keep"
							+ " fluids down." + WORSE),
			topic("muscle and joint pain", "\\b(back pain|backache|knee|joint|muscle|sprain\\w*|strain\\w*|sore|ache|aches"
					+ "|neck pain|shoulder|gym|workout|exercise|bench press)\\b", SessionType.SYMPTOM_CHECK,
					CompanionAction.SELF_CARE,
					"Strains and soreness after activity usually settle with relative rest, a cold pack for the first"
							+ " day or two, gentle movement, and a simple painkiller as the label says. See a doctor for"
							+ " severe swelling, pain that stops you bearing weight, numbness, or pain that does not"
							+ " improve within a week. Chest pain with breathlessness, sweating or pain spreading to the"
							+ " arm or jaw is an emergency." + WORSE),
			topic("sleep, stress or mood", "\\b(sleep|insomnia|stress\\w*|anxi\\w*|worried|low|sad|down|lonely|mood"
					+ "|tired|exhausted|burn ?out|neend|tension)\\b", SessionType.MENTAL_HEALTH,
					CompanionAction.SELF_CARE,
					"Thank you for sharing that. Regular sleep and wake times, daylight and some movement each day, less"
							+ " caffeine and screens late in the evening, and talking to someone you trust all help. If"
							+ " low mood or worry lasts more than two weeks or gets in the way of daily life, book an"
							+ " appointment — a doctor or counsellor can help. If you ever have thoughts of harming"
							+ " yourself, call your emergency number or a crisis line (US 988, India Tele-MANAS 14416)."),
			topic("skin problems", "\\b(rash|itch\\w*|acne|eczema|skin|burn|burns|blister\\w*|hives|sunburn)\\b",
					SessionType.SYMPTOM_CHECK, CompanionAction.SELF_CARE,
					"Keep the area clean and dry, avoid scratching, and use a gentle moisturiser; cool small burns under"
							+ " running water for 20 minutes. See a doctor for a rash with fever, a rash that does not"
							+ " fade when pressed with a glass, a spreading red painful area, or a burn larger than your"
							+ " palm." + WORSE),
			topic("blood pressure, sugar or heart", "\\b(blood pressure|bp|hypertension|sugar|diabet\\w*|glucose"
					+ "|cholesterol|heart rate|palpitation\\w*)\\b", SessionType.HEALTH_QUERY,
					CompanionAction.BOOK_APPOINTMENT,
					"Regular checks, a balanced diet with less salt and sugar, activity most days, not smoking and"
							+ " taking your medicines as prescribed keep blood pressure and sugar in range. Your doctor"
							+ " can set your own targets and adjust treatment: book a check-up if your readings are"
							+ " often out of range."),
			topic("pregnancy and children", "\\b(pregnan\\w*|trimester|baby|babies|infant|toddler|child|children|kid"
					+ "|vaccin\\w*|breastfeed\\w*)\\b", SessionType.HEALTH_QUERY, CompanionAction.BOOK_APPOINTMENT,
					"Every pregnancy and every child is different, so your doctor or midwife is the best person to ask;"
							+ " you can book an appointment in the app. Get urgent help for bleeding or severe pain in"
							+ " pregnancy, a baby who is floppy, feeding poorly or under 3 months with a fever, or a"
							+ " child who is struggling to breathe."),
			topic("healthy living", "\\b(diet|weight|lose weight|healthy|nutrition|water|exercise|smok\\w*|alcohol"
					+ "|vitamin\\w*)\\b", SessionType.HEALTH_QUERY, CompanionAction.ANSWER,
					"Small steady changes work best: plenty of vegetables, fruit and whole grains, less sugar, salt and"
							+ " processed food, water rather than sugary drinks, about 150 minutes of activity a week,"
							+ " enough sleep, and help to stop smoking. A doctor can help you set a plan that fits your"
							+ " health."));

	private TriageEngine() {
	}

	/** @param normalised the question as {@link Normaliser#normalise} gives it */
	static Answer answer(String normalised) {
		for (Topic topic : TOPICS) {
			if (topic.words().matcher(normalised).find()) {
				return new Answer(topic.reply(), topic.action(), topic.type(), topic.name());
			}
		}
		return new Answer("I can help with general health questions, symptoms and booking. I can't examine you, so for"
				+ " anything that worries you, please book an appointment with one of our doctors. If you ever feel"
				+ " it's an emergency, call your local emergency number (India 112/108, US 911, UK 999, EU 112).",
				CompanionAction.ANSWER, SessionType.HEALTH_QUERY, "a health question");
	}

	private static Topic topic(String name, String regex, SessionType type, CompanionAction action, String reply) {
		return new Topic(name, Pattern.compile(Normaliser.pattern(regex), Pattern.UNICODE_CHARACTER_CLASS), type, action,
				reply);
	}
}
