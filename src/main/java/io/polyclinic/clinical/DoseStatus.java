package io.polyclinic.clinical;

/** What a patient says of a dose: taken, missed, or put off for a little while (snoozed). */
public enum DoseStatus {
	TAKEN, MISSED, SNOOZED
}
