package io.polyclinic.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A message was sent in a conversation between a patient and a clinician.
 *
 * @param senderUserId the sender's account
 * @param receiverUserId the other participant's account
 * @param senderName the sender's name as the receiver sees it
 * @param content the message's text
 */
public record MessageSent(UUID messageId, UUID conversationId, long senderUserId, long receiverUserId,
		String senderName, String content, Instant sentAt) {
}
