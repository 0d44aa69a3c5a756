package io.polyclinic.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as its party's list shows it: the other party, the last message and how many the caller has not
 * read.
 *
 * @param partnerAccountId the public id of the other party's account
 * @param lastMessageAt when the last message was sent, or when the conversation opened while it has none
 * @param kind what opened it
 * @param partnerActive whether the other party's account is still active (neither deactivated nor deleted)
 */
public record ConversationSummary(UUID id, UUID partnerAccountId, String partnerName, @Nullable String partnerAvatar,
		@Nullable String lastMessage, Instant lastMessageAt, int unreadCount, ConversationKind kind,
		boolean partnerActive) {
}
