package io.polyclinic.assistant;

/** The emergencies the companion recognises; each answers with emergency guidance and is told to the care team. */
public enum CrisisCategory {
	SUICIDAL_IDEATION("suicidal thoughts"),
	SELF_HARM("self-harm"),
	OVERDOSE_POISONING("an overdose or poisoning"),
	CARDIAC_CHEST_PAIN("chest pain that may be a heart attack"),
	STROKE("signs of a stroke"),
	ANAPHYLAXIS("a severe allergic reaction"),
	SEVERE_BLEEDING("severe bleeding"),
	BREATHING_DIFFICULTY("severe difficulty breathing"),
	SEIZURE("a seizure"),
	UNRESPONSIVE("an unresponsive person"),
	PREGNANCY_EMERGENCY("an emergency in pregnancy or after birth"),
	CHILD_EMERGENCY("an emergency in a child");

	private final String description;

	CrisisCategory(String description) {
		this.description = description;
	}

	/** What it is, in plain words, as a clinician reads it in a notification: "signs of a stroke". */
	public String description() {
		return description;
	}

	/** Whether it is about a person's wish to harm themself, which calls for a crisis line as well as emergency help. */
	public boolean mentalHealth() {
		return this == SUICIDAL_IDEATION || this == SELF_HARM;
	}
}
