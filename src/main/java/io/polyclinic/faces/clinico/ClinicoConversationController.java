package io.polyclinic.faces.clinico;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.CursorQuery;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.PageSize;
import io.polyclinic.messaging.ConversationKind;
import io.polyclinic.messaging.ConversationSummary;
import io.polyclinic.messaging.Conversations;
import io.polyclinic.messaging.Message;
import io.polyclinic.messaging.MessageKind;
import io.polyclinic.messaging.MessageQuery;
import io.polyclinic.messaging.Messages;
import io.polyclinic.messaging.Party;
import io.polyclinic.platform.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Chat between a patient and their doctor (clinico.md §3): the caller's conversations, a conversation's messages
 * (reading them marks what the caller received as read) and sending one. The messaging module decides who may: the
 * conversation's two parties only.
 */
@RestController
class ClinicoConversationController {

	private static final int DEFAULT_LIMIT = 50;

	private final Conversations conversations;
	private final Messages messages;

	ClinicoConversationController(Conversations conversations, Messages messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	record ConversationJson(UUID conversationId, String otherUserName, Instant lastMessageAt, boolean isActive,
			String conversationType) {
	}

	record MessageJson(UUID messageId, String senderType, String messageContent, String messageType,
			@Nullable String attachmentUrl, Instant sentAt, boolean isRead) {
	}

	/** The original client always sends {@code message_type}; without one a message is "Text", as the original. */
	record NewMessage(
			@NotBlank(message = "message_content must not be blank") @Size(max = Messages.MAX_LENGTH, message = "message_content must be at most 4000 characters") @Nullable String messageContent,
			@Pattern(regexp = "Text|Report", message = "message_type must be one of: Text, Report") @Nullable String messageType) {
	}

	record SentJson(UUID messageId, Instant sentAt) {
	}

	/** Paged as the face's other Express-style lists: {@code limit} (1 to 100, 50 unless asked) after {@code offset}. */
	@GetMapping("/api/conversations")
	List<ConversationJson> mine(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
			@RequestParam(defaultValue = "0") long offset, @AuthenticationPrincipal Actor actor) {
		return conversations.mine(limit, offset, actor).stream().map(ClinicoConversationController::conversation)
			.toList();
	}

	/**
	 * The newest {@code limit} messages (100 unless asked; the original sent the whole history, which its client
	 * asks for without paging) sent before {@code before} (an instant; none for the newest), oldest first.
	 */
	@GetMapping("/api/conversations/{id}/messages")
	List<MessageJson> messages(@PathVariable String id,
			@PageSize(defaultSize = MessageQuery.MAX_LIMIT, maxSize = MessageQuery.MAX_LIMIT) CursorQuery cursor,
			@AuthenticationPrincipal Actor actor) {
		return messages.read(conversation(id), new MessageQuery(cursor.limit(), cursor.beforeInstant(), 1), actor)
			.messages().stream().map(ClinicoConversationController::message).toList();
	}

	@PostMapping("/api/conversations/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	SentJson send(@PathVariable String id, @Valid @RequestBody NewMessage body, @AuthenticationPrincipal Actor actor) {
		Message sent = messages.send(conversation(id), body.messageContent(),
				"Report".equals(body.messageType()) ? MessageKind.REPORT : MessageKind.TEXT, actor);
		return new SentJson(sent.id(), sent.sentAt());
	}

	private static UUID conversation(String id) {
		return Ids.uuid("id", id).publicId();
	}

	private static ConversationJson conversation(ConversationSummary c) {
		return new ConversationJson(c.id(), c.partnerName(), c.lastMessageAt(), c.partnerActive(),
				c.kind() == ConversationKind.APPOINTMENT ? "Appointment" : "General");
	}

	private static MessageJson message(Message m) {
		// the original stores no attachment with a chat message; a report is named in its text
		return new MessageJson(m.id(), m.senderParty() == Party.CLINICIAN ? "Doctor" : "Patient", m.content(),
				m.kind() == MessageKind.REPORT ? "Report" : "Text", null, m.sentAt(), m.read());
	}
}
