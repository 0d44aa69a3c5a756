package io.polyclinic.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.messaging.internal.ConversationRows;
import io.polyclinic.messaging.internal.ConversationRows.Parties;
import io.polyclinic.messaging.internal.MessageRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.realtime.LivePush;

/**
 * The messages of a conversation: read a page of its history (which marks what the reader received as read), send
 * one, mark them read. Only the conversation's two parties read or write it; anyone else is refused (FORBIDDEN,
 * audited), an unknown conversation is NOT_FOUND.
 *
 * <p>A message is stored first; once its transaction commits, its receiver's connected clients and the sender's other
 * ones hear of it (topic {@value #LIVE_TOPIC}, the message's id), and {@link MessageSent} goes to the modules that
 * listen.
 */
@Service
@Transactional
public class Messages {

	/** The live update's topic: the subject is the message's public id. */
	public static final String LIVE_TOPIC = "message";
	public static final int MAX_LENGTH = 4000;

	private final ConversationRows conversations;
	private final MessageRows rows;
	private final AccessPolicy access;
	private final LivePush push;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Messages(ConversationRows conversations, MessageRows rows, AccessPolicy access, LivePush push,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.rows = rows;
		this.access = access;
		this.push = push;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A page of the conversation's history, oldest first within the page; reading it marks the caller's received
	 * messages up to the page's newest as read (and the page shows them so).
	 */
	public MessagePage read(UUID conversationId, MessageQuery query, Actor actor) {
		check(query);
		Parties parties = participantOf(conversationId, actor, "READ");
		long offset = (long) (query.page() - 1) * query.limit();
		List<Message> newestFirst = rows.newestFirst(parties.id(), query.before(), offset, query.limit() + 1);
		boolean hasMore = newestFirst.size() > query.limit();
		List<Message> page = new ArrayList<>(newestFirst.subList(0, Math.min(query.limit(), newestFirst.size())));
		if (!page.isEmpty()) {
			Instant now = now();
			if (rows.markRead(parties.id(), actor.userId(), page.get(0).sentAt(), now) > 0) {
				UUID reader = parties.accountOf(actor.userId());
				page.replaceAll(
						m -> m.readAt() == null && m.receiverAccountId().equals(reader) ? withReadAt(m, now) : m);
			}
		}
		Collections.reverse(page);
		return new MessagePage(List.copyOf(page), hasMore);
	}

	/** Sends {@code content} (trimmed; 1 to {@value #MAX_LENGTH} characters) to the conversation's other party. */
	public Message send(UUID conversationId, @Nullable String content, Actor actor) {
		return send(conversationId, content, MessageKind.TEXT, actor);
	}

	/**
	 * Sends a message of the given kind: {@code content} (trimmed; 1 to {@value #MAX_LENGTH} characters) to the
	 * conversation's other party.
	 */
	public Message send(UUID conversationId, @Nullable String content, MessageKind kind, Actor actor) {
		String text = content == null ? "" : content.strip();
		if (text.isEmpty()) {
			throw Refusal.invalidField("content", "content should not be empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw Refusal.invalidField("content",
					"content must be shorter than or equal to " + MAX_LENGTH + " characters");
		}
		Parties parties = participantOf(conversationId, actor, "SEND");
		long receiver = parties.partnerOf(actor.userId());
		UUID id = UUID.randomUUID();
		Instant sentAt = now();
		rows.insert(id, parties.id(), actor.userId(), receiver, text, kind, sentAt);
		conversations.lastMessage(parties.id(), text, sentAt);
		Message message = rows.find(id).orElseThrow().message();
		events.publishEvent(new MessageSent(id, conversationId, actor.userId(), receiver, message.senderName(), text,
				sentAt));
		push.toUser(receiver, LIVE_TOPIC, id);
		push.toUser(actor.userId(), LIVE_TOPIC, id);
		return message;
	}

	/**
	 * Marks read every message of the conversation that {@code readerAccountId} received: only the reader's own
	 * (naming anyone else is FORBIDDEN). Answers how many it marked.
	 */
	public int markRead(UUID conversationId, UUID readerAccountId, Actor actor) {
		Parties parties = participantOf(conversationId, actor, "MARK_READ");
		if (conversations.userOfAccount(readerAccountId).filter(id -> id == actor.userId()).isEmpty()) {
			throw access.denied(actor, "MARK_READ", "CONVERSATION", conversationId, parties.patientId());
		}
		Instant now = now();
		return rows.markRead(parties.id(), actor.userId(), now, now);
	}

	/** One message, for a party of its conversation: how a live update is rendered for the client it reaches. */
	@Transactional(readOnly = true)
	public Message get(UUID messageId, Actor actor) {
		var located = rows.find(messageId).orElseThrow(() -> Refusal.notFound("Message"));
		Parties parties = conversations.parties(located.conversationId()).orElseThrow();
		if (actor.isSystem() || !parties.includes(actor.userId())) {
			throw access.denied(actor, "READ", "MESSAGE", messageId, parties.patientId());
		}
		return located.message();
	}

	private Parties participantOf(UUID conversationId, Actor actor, String action) {
		Parties parties = conversations.parties(conversationId).orElseThrow(() -> Refusal.notFound("Conversation"));
		if (actor.isSystem() || !parties.includes(actor.userId())) {
			throw access.denied(actor, action, "CONVERSATION", conversationId, parties.patientId());
		}
		return parties;
	}

	private static void check(MessageQuery query) {
		if (query.limit() < 1 || query.limit() > MessageQuery.MAX_LIMIT) {
			throw Refusal.invalidField("limit", "limit must be between 1 and " + MessageQuery.MAX_LIMIT);
		}
		if (query.page() < 1) {
			throw Refusal.invalidField("page", "page must not be less than 1");
		}
	}

	/** Milliseconds: what the faces render is what is stored, so a client's {@code before} names an exact instant. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Message withReadAt(Message m, Instant at) {
		return new Message(m.id(), m.conversationId(), m.senderAccountId(), m.senderName(), m.senderParty(),
				m.receiverAccountId(), m.content(), m.kind(), m.sentAt(), at);
	}
}
