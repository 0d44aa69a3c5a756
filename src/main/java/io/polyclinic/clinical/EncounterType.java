package io.polyclinic.clinical;

/** Why the patient was seen. */
public enum EncounterType {
	CONSULTATION, FOLLOW_UP, EMERGENCY, ROUTINE
}
