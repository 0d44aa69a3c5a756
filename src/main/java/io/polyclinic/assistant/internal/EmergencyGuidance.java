package io.polyclinic.assistant.internal;

import io.polyclinic.assistant.CrisisCategory;

/**
 * What the companion says to a crisis: call for help now, with the emergency numbers of the places the clinic serves,
 * a crisis line when someone may harm themself, and one thing to do while help comes — in the language of the
 * question where it can (English, Hindi, Hinglish, Spanish, French).
 */
final class EmergencyGuidance {

	static final String NUMBERS_EN = "India 112 (ambulance 108), US 911, UK 999, EU 112";
	static final String CRISIS_LINES_EN = "US 988 (Suicide & Crisis Lifeline, call or text), India Tele-MANAS 14416,"
			+ " UK Samaritans 116 123";

	private EmergencyGuidance() {
	}

	/** @param careTeamTold whether the person has clinicians who are being told (a patient with a care team) */
	static String reply(CrisisCategory category, Language language, boolean careTeamTold) {
		return careTeamTold ? guidance(category, language) + " " + told(language) : guidance(category, language);
	}

	private static String told(Language language) {
		return switch (language) {
			case HINDI -> "आपकी देखभाल टीम को सूचित किया जा रहा है।";
			case HINGLISH -> "Aapki care team ko bataya ja raha hai.";
			case SPANISH -> "Estamos avisando a tu equipo médico.";
			case FRENCH -> "Votre équipe soignante est prévenue.";
			case ENGLISH -> "Your care team is being told so they can reach out.";
		};
	}

	private static String guidance(CrisisCategory category, Language language) {
		return switch (language) {
			case HINDI -> hindi(category);
			case HINGLISH -> hinglish(category);
			case SPANISH -> spanish(category);
			case FRENCH -> french(category);
			case ENGLISH -> english(category);
		};
	}

	private static String english(CrisisCategory category) {
		String call = "This sounds like an emergency (" + category.description() + "). Please call your local emergency"
				+ " number now — " + NUMBERS_EN + " — or go to the nearest emergency department.";
		if (category.mentalHealth()) {
			return "I'm really sorry you're going through this, and I'm glad you told me. Your safety matters right now. "
					+ "If you might act on these thoughts, call your local emergency number now — " + NUMBERS_EN
					+ ". You can also reach a crisis line any time: " + CRISIS_LINES_EN + ". If you can, stay with"
					+ " someone you trust and move away from anything you could use to hurt yourself.";
		}
		return call + " " + firstStep(category) + " Do not wait to see if it passes.";
	}

	private static String firstStep(CrisisCategory category) {
		return switch (category) {
			case CARDIAC_CHEST_PAIN -> "Stop what you are doing, sit down and rest, and unlock the door for the"
					+ " ambulance.";
			case STROKE -> "Note the time the symptoms started: treatment depends on it. Do not give food or drink.";
			case ANAPHYLAXIS -> "If an adrenaline auto-injector (EpiPen) is available, use it now; lie down with"
					+ " the legs raised, or sit up if breathing is hard.";
			case SEVERE_BLEEDING -> "Press firmly on the wound with a clean cloth and keep pressing; do not lift it to"
					+ " look.";
			case BREATHING_DIFFICULTY -> "Sit upright and stay calm; use a reliever inhaler if you have one.";
			case SEIZURE -> "Move hard objects away, do not hold the person down or put anything in their mouth,"
					+ " and time the seizure.";
			case UNRESPONSIVE -> "Check whether they are breathing; if not, start CPR (hard and fast in the centre of"
					+ " the chest) and follow the dispatcher's instructions.";
			case OVERDOSE_POISONING -> "Keep the packet or bottle to show the paramedics; do not try to make"
					+ " anyone vomit. If the person is drowsy, lie them on their side.";
			case PREGNANCY_EMERGENCY -> "Lie on your left side while you wait, and tell them how many weeks pregnant"
					+ " you are or when you gave birth.";
			case CHILD_EMERGENCY -> "Stay with the child; if they are not breathing, start CPR and follow the"
					+ " dispatcher's instructions. Keep anything they swallowed to show.";
			case SUICIDAL_IDEATION, SELF_HARM -> "Stay with someone you trust.";
		};
	}

	private static String hindi(CrisisCategory category) {
		if (category.mentalHealth()) {
			return "मुझे बहुत दुख है कि आप इससे गुजर रहे हैं, और अच्छा किया कि आपने बताया। आपकी सुरक्षा सबसे ज़रूरी है। "
					+ "अभी आपातकालीन नंबर 112 (एम्बुलेंस 108) पर कॉल करें, या Tele-MANAS हेल्पलाइन 14416 पर बात करें"
					+ " (US 988, UK 116 123)। किसी भरोसेमंद व्यक्ति के साथ रहें।";
		}
		return "यह आपातकाल लगता है। कृपया अभी 112 (एम्बुलेंस 108) पर कॉल करें या नज़दीकी इमरजेंसी विभाग जाएँ"
				+ " (US 911, UK 999, EU 112)। इंतज़ार न करें।";
	}

	private static String hinglish(CrisisCategory category) {
		if (category.mentalHealth()) {
			return "Mujhe bahut afsos hai ki aap itna mushkil waqt jhel rahe hain, aur achha kiya ki aapne bataya. Abhi"
					+ " apni safety sabse zaroori hai: emergency number 112 (ambulance 108) par call karein, ya Tele-MANAS"
					+ " 14416 par baat karein (US 988, UK 116 123). Kisi bharosemand insaan ke saath rahein.";
		}
		return "Yeh emergency lag rahi hai. Abhi 112 (ambulance 108) par call karein ya sabse nazdeeki emergency mein"
				+ " jaayein (US 911, UK 999, EU 112). Intezaar na karein.";
	}

	private static String spanish(CrisisCategory category) {
		if (category.mentalHealth()) {
			return "Siento mucho que estés pasando por esto, y gracias por contármelo. Tu seguridad es lo primero: llama"
					+ " ahora al número de emergencias — 112 en la UE, 911 en EE. UU., 112/108 en India, 999 en Reino"
					+ " Unido — o a una línea de crisis (988 en EE. UU., 024 en España). Quédate con alguien de confianza.";
		}
		return "Esto parece una emergencia. Llama ahora al número de emergencias — 112 en la UE, 911 en EE. UU., 112/108"
				+ " en India, 999 en Reino Unido — o ve a urgencias. No esperes.";
	}

	private static String french(CrisisCategory category) {
		if (category.mentalHealth()) {
			return "Je suis vraiment désolé que vous traversiez cela, et merci de me l'avoir dit. Votre sécurité passe"
					+ " avant tout : appelez maintenant le 112 (UE), le 911 (États-Unis), le 112/108 (Inde) ou le 999"
					+ " (Royaume-Uni), ou une ligne de crise (3114 en France, 988 aux États-Unis). Restez avec une"
					+ " personne de confiance.";
		}
		return "Cela ressemble à une urgence. Appelez maintenant le 112 (UE), le 911 (États-Unis), le 112/108 (Inde) ou"
				+ " le 999 (Royaume-Uni), ou rendez-vous aux urgences. N'attendez pas.";
	}
}
