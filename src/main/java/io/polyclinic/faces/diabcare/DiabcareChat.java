package io.polyclinic.faces.diabcare;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.messaging.Conversation;
import io.polyclinic.messaging.Message;

/**
 * DiabCare's JSON of conversations and messages, as diabcare.md shows them: one rendering, used by the REST
 * endpoints and by the socket's {@code message} frames alike. People's ids are their accounts' public ids.
 */
final class DiabcareChat {

	private DiabcareChat() {
	}

	record MessageJson(@JsonProperty("_id") UUID id, @JsonProperty("conversationId") UUID conversationId,
			@JsonProperty("senderId") UUID senderId, @JsonProperty("senderName") String senderName,
			@JsonProperty("receiverId") UUID receiverId, @JsonProperty("content") String content,
			@JsonProperty("timestamp") Instant timestamp, @JsonProperty("isRead") boolean isRead) {
	}

	/** A patient's list entry: the doctor's name and specialty. */
	record PatientConversationJson(@JsonProperty("_id") UUID id, @JsonProperty("doctorId") UUID doctorId,
			@JsonProperty("doctorName") String doctorName, @JsonProperty("specialty") @Nullable String specialty,
			@JsonProperty("patientId") UUID patientId, @JsonProperty("patientName") String patientName,
			@JsonProperty("lastMessage") String lastMessage, @JsonProperty("lastMessageTime") Instant lastMessageTime,
			@JsonProperty("unreadCount") int unreadCount) {
	}

	/** A doctor's list entry: the patient's name and diabetes type. */
	record DoctorConversationJson(@JsonProperty("_id") UUID id, @JsonProperty("patientId") UUID patientId,
			@JsonProperty("patientName") String patientName, @JsonProperty("typeDiabete") @Nullable String typeDiabete,
			@JsonProperty("doctorId") UUID doctorId, @JsonProperty("doctorName") String doctorName,
			@JsonProperty("lastMessage") String lastMessage, @JsonProperty("lastMessageTime") Instant lastMessageTime,
			@JsonProperty("unreadCount") int unreadCount) {
	}

	/** A conversation as its creation answers it. */
	record ConversationJson(@JsonProperty("_id") UUID id, @JsonProperty("patientId") UUID patientId,
			@JsonProperty("patientName") String patientName, @JsonProperty("doctorId") UUID doctorId,
			@JsonProperty("doctorName") String doctorName, @JsonProperty("lastMessage") String lastMessage,
			@JsonProperty("lastMessageTime") Instant lastMessageTime, @JsonProperty("unreadCount") int unreadCount,
			@JsonProperty("createdAt") Instant createdAt) {
	}

	static MessageJson message(Message m) {
		return new MessageJson(m.id(), m.conversationId(), m.senderAccountId(), m.senderName(), m.receiverAccountId(),
				m.content(), m.sentAt(), m.read());
	}

	static PatientConversationJson ofPatient(Conversation c) {
		return new PatientConversationJson(c.id(), c.clinicianAccountId(), c.clinicianName(), c.specialty(),
				c.patientAccountId(), c.patientName(), last(c), c.lastMessageAt(), c.unreadCount());
	}

	static DoctorConversationJson ofDoctor(Conversation c) {
		return new DoctorConversationJson(c.id(), c.patientAccountId(), c.patientName(),
				DiabcareUsers.diabetesType(c.diabetesType()), c.clinicianAccountId(), c.clinicianName(), last(c),
				c.lastMessageAt(), c.unreadCount());
	}

	static ConversationJson created(Conversation c) {
		return new ConversationJson(c.id(), c.patientAccountId(), c.patientName(), c.clinicianAccountId(),
				c.clinicianName(), last(c), c.lastMessageAt(), c.unreadCount(), c.createdAt());
	}

	/** The original's schema defaults the last message to the empty text. */
	private static String last(Conversation c) {
		return c.lastMessage() == null ? "" : c.lastMessage();
	}
}
