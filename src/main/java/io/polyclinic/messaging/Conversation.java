package io.polyclinic.messaging;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.DiabetesType;

/**
 * A conversation with both its parties, as one of them sees it.
 *
 * @param patientAccountId the public id of the patient's account
 * @param diabetesType the patient's diabetes type, when their profile names one
 * @param clinicianAccountId the public id of the clinician's account
 * @param specialty the clinician's first specialization, if any
 * @param lastMessage the last message's text; null while there is none
 * @param lastMessageAt when the last message was sent, or when the conversation opened while it has none
 * @param unreadCount how many messages to the caller the caller has not read
 * @param kind what opened it
 */
public record Conversation(UUID id, UUID patientAccountId, String patientName, @Nullable DiabetesType diabetesType,
		UUID clinicianAccountId, String clinicianName, @Nullable String specialty, @Nullable String lastMessage,
		Instant lastMessageAt, int unreadCount, Instant createdAt, ConversationKind kind) {
}
