package io.polyclinic.faces.diabcare;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.faces.CursorQuery;
import io.polyclinic.faces.Ids;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.PageSize;
import io.polyclinic.messaging.Conversations;
import io.polyclinic.messaging.MessageQuery;
import io.polyclinic.messaging.Messages;
import io.polyclinic.platform.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Chat, as the original backend's conversations controller: open a conversation, each party's list, a conversation's
 * messages (paged by {@code page} or {@code before}), send one, mark them read. Who may do what is the messaging
 * module's answer: the parties only, each for themself.
 */
@RestController
class DiabcareConversationController {

	private final Conversations conversations;
	private final Messages messages;

	DiabcareConversationController(Conversations conversations, Messages messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	/**
	 * The app also sends {@code type} ("doctor") and, for a pharmacy chat, {@code pharmacistId}: accepted, but only a
	 * patient–doctor conversation is opened, so {@code doctorId} is required.
	 */
	record NewConversation(@NotBlank(message = "patientId should not be empty") String patientId,
			@NotBlank(message = "doctorId should not be empty") String doctorId,
			@Nullable @Pattern(regexp = "doctor|pharmacist", message = "type must be one of the following values: doctor, pharmacist") String type,
			@Nullable String pharmacistId) {
	}

	/** The app also sends {@code senderId} and {@code receiverId}: the sender is the caller, the receiver the other party. */
	record NewMessage(@NotNull(message = "content should not be empty") @Size(max = Messages.MAX_LENGTH, message = "content must be shorter than or equal to 4000 characters") String content,
			@Nullable String senderId, @Nullable String receiverId) {
	}

	record ConversationList(List<?> conversations) {
	}

	record MessageList(List<DiabcareChat.MessageJson> messages, boolean hasMore) {
	}

	@PostMapping("/api/conversations")
	@ResponseStatus(HttpStatus.CREATED)
	DiabcareChat.ConversationJson open(@Valid @RequestBody NewConversation body, @AuthenticationPrincipal Actor actor) {
		return DiabcareChat.created(conversations.open(Ids.uuid("patientId", body.patientId()).publicId(),
				Ids.uuid("doctorId", body.doctorId()).publicId(), actor));
	}

	@GetMapping("/api/patients/{patientId}/conversations")
	ConversationList ofPatient(@PathVariable String patientId, @AuthenticationPrincipal Actor actor) {
		return new ConversationList(conversations
			.ofPatient(Ids.uuid("patientId", patientId).publicId(), Conversations.MAX_LIMIT, actor).stream()
			.map(DiabcareChat::ofPatient).toList());
	}

	@GetMapping("/api/doctors/{doctorId}/conversations")
	ConversationList ofDoctor(@PathVariable String doctorId, @AuthenticationPrincipal Actor actor) {
		return new ConversationList(conversations
			.ofClinician(Ids.uuid("doctorId", doctorId).publicId(), Conversations.MAX_LIMIT, actor).stream()
			.map(DiabcareChat::ofDoctor).toList());
	}

	@GetMapping("/api/conversations/{id}/messages")
	MessageList messages(@PathVariable String id,
			@PageSize(defaultSize = MessageQuery.DEFAULT_LIMIT, maxSize = MessageQuery.MAX_LIMIT) PageQuery page,
			@PageSize(defaultSize = MessageQuery.DEFAULT_LIMIT, maxSize = MessageQuery.MAX_LIMIT) CursorQuery cursor,
			@AuthenticationPrincipal Actor actor) {
		var read = messages.read(conversation(id), new MessageQuery(page.size(), cursor.beforeInstant(), page.number()),
				actor);
		return new MessageList(read.messages().stream().map(DiabcareChat::message).toList(), read.hasMore());
	}

	@PostMapping("/api/conversations/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	DiabcareChat.MessageJson send(@PathVariable String id, @Valid @RequestBody NewMessage body,
			@AuthenticationPrincipal Actor actor) {
		return DiabcareChat.message(messages.send(conversation(id), body.content(), actor));
	}

	/** As the original: 200 with no body. */
	@PatchMapping("/api/conversations/{id}/read/{userId}")
	void markRead(@PathVariable String id, @PathVariable String userId, @AuthenticationPrincipal Actor actor) {
		messages.markRead(conversation(id), Ids.uuid("userId", userId).publicId(), actor);
	}

	private static UUID conversation(String id) {
		return Ids.uuid("id", id).publicId();
	}
}
