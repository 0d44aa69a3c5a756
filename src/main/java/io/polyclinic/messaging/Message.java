package io.polyclinic.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation, from one party to the other.
 *
 * @param senderAccountId the public id of the sender's account
 * @param senderParty the sender's side of the conversation
 * @param receiverAccountId the public id of the receiver's account
 * @param kind what it carries
 * @param readAt when the receiver read it; null while unread
 */
public record Message(UUID id, UUID conversationId, UUID senderAccountId, String senderName, Party senderParty,
		UUID receiverAccountId, String content, MessageKind kind, Instant sentAt, @Nullable Instant readAt) {

	public boolean read() {
		return readAt != null;
	}
}
