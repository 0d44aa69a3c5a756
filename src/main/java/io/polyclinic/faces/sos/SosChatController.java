package io.polyclinic.faces.sos;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.messaging.Conversations;
import io.polyclinic.platform.Actor;

/**
 * Chat conversations: {@code /api/v1/chat/conversations}, in camelCase as the document shows them. A patient and a
 * doctor have one once they have an appointment; {@code partnerName} is the other party.
 */
@RestController
@RequestMapping("/api/v1/chat")
class SosChatController {

	private final Conversations conversations;

	SosChatController(Conversations conversations) {
		this.conversations = conversations;
	}

	record ConversationList(List<Conversation> conversations) {
	}

	record Conversation(@JsonProperty("id") UUID id, @JsonProperty("partnerId") UUID partnerId,
			@JsonProperty("partnerName") String partnerName, @JsonProperty("partnerAvatar") @Nullable String partnerAvatar,
			@JsonProperty("lastMessage") @Nullable String lastMessage,
			@JsonProperty("lastMessageAt") Instant lastMessageAt, @JsonProperty("unreadCount") int unreadCount) {
	}

	@GetMapping("/conversations")
	ConversationList conversations(@RequestParam(defaultValue = "20") int limit, @AuthenticationPrincipal Actor actor) {
		return new ConversationList(conversations.mine(limit, actor).stream()
			.map(c -> new Conversation(c.id(), c.partnerAccountId(), c.partnerName(), c.partnerAvatar(),
					c.lastMessage(), c.lastMessageAt(), c.unreadCount()))
			.toList());
	}
}
