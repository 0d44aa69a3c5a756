package io.polyclinic.assistant;

/** What the companion suggests the person does next. Only a detected crisis escalates. */
public enum CompanionAction {
	/** An answer to a question; nothing in particular to do. */
	ANSWER,
	/** Something that can be looked after at home, with the signs that call for a clinician. */
	SELF_CARE,
	/** Something a clinician should see: book an appointment. */
	BOOK_APPOINTMENT,
	/** A crisis: call the emergency number (or a crisis line) now. Always with {@code crisisDetected}. */
	TRIAGE_ESCALATION
}
