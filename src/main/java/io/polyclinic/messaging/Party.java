package io.polyclinic.messaging;

/** A side of a conversation: every conversation has one patient and one clinician. */
public enum Party {
	PATIENT, CLINICIAN
}
