package io.polyclinic.assistant;

/** What a companion session was about, as its list shows it: its first question's kind, or a crisis once one was detected. */
public enum SessionType {
	HEALTH_QUERY, SYMPTOM_CHECK, MEDICATION_QUERY, MENTAL_HEALTH, CRISIS_SUPPORT
}
