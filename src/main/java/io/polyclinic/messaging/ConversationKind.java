package io.polyclinic.messaging;

/** What opened a conversation. */
public enum ConversationKind {

	/** A booking of the pair: every face's booking opens the pair's conversation, or makes theirs this kind. */
	APPOINTMENT,

	/** One of the parties, before any booking of the pair. */
	GENERAL
}
