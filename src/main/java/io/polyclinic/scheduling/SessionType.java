package io.polyclinic.scheduling;

/** Where a consultation happens. */
public enum SessionType {
	ONLINE, IN_PERSON
}
