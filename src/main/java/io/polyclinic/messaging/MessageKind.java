package io.polyclinic.messaging;

/** What a message carries. */
public enum MessageKind {

	/** Words, as typed. */
	TEXT,

	/** A report shared in the conversation (its text names or describes it). */
	REPORT
}
