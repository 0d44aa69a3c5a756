package io.polyclinic.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.messaging.Message;
import io.polyclinic.messaging.MessageKind;
import io.polyclinic.messaging.Party;

/**
 * Messages in SQL: a conversation's history read newest first on its (conversation, sent) index and limited in the
 * statement, the sender's and receiver's accounts joined for their public ids and the sender's name.
 */
@Component
public class MessageRows {

	private static final String MESSAGE = """
			SELECT m.public_id, v.public_id AS conversation, su.public_id AS sender, su.full_name AS sender_name,
			  ru.public_id AS receiver, m.content, m.sent_at, m.read_at, m.conversation_id, m.kind,
			  CASE WHEN m.sender_user_id = p.user_id THEN 'PATIENT' ELSE 'CLINICIAN' END AS sender_party
			FROM messages m JOIN conversations v ON v.id = m.conversation_id JOIN patients p ON p.id = v.patient_id
			JOIN users su ON su.id = m.sender_user_id JOIN users ru ON ru.id = m.receiver_user_id
			""";

	private final JdbcClient jdbc;

	MessageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A message and the conversation it belongs to. */
	public record Located(Message message, long conversationId) {
	}

	public void insert(UUID publicId, long conversationId, long senderUserId, long receiverUserId, String content,
			MessageKind kind, Instant sentAt) {
		jdbc.sql("""
				INSERT INTO messages (public_id, conversation_id, sender_user_id, receiver_user_id, content, kind,
				  sent_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(publicId, conversationId, senderUserId, receiverUserId, content, kind.name(),
					sentAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Located> find(UUID publicId) {
		return jdbc.sql(MESSAGE + " WHERE m.public_id = ?").param(publicId)
			.query((rs, i) -> new Located(message(rs, i), rs.getLong(9))).optional();
	}

	/**
	 * Up to {@code count} messages of the conversation sent before {@code before} (any time when null), newest first,
	 * after skipping {@code offset} newer ones.
	 */
	public List<Message> newestFirst(long conversationId, @Nullable Instant before, long offset, int count) {
		String sql = MESSAGE + " WHERE m.conversation_id = :conversation"
				+ (before == null ? "" : " AND m.sent_at < :before")
				+ " ORDER BY m.sent_at DESC, m.id DESC LIMIT :count OFFSET :offset";
		var statement = jdbc.sql(sql).param("conversation", conversationId).param("count", count)
			.param("offset", offset);
		if (before != null) {
			statement = statement.param("before", before.atOffset(ZoneOffset.UTC));
		}
		return statement.query(MessageRows::message).list();
	}

	/** Marks read the reader's unread messages of the conversation sent up to {@code upTo}; how many it marked. */
	public int markRead(long conversationId, long readerUserId, Instant upTo, Instant now) {
		return jdbc.sql("""
				UPDATE messages SET read_at = ?
				WHERE receiver_user_id = ? AND conversation_id = ? AND read_at IS NULL AND sent_at <= ?""")
			.params(now.atOffset(ZoneOffset.UTC), readerUserId, conversationId, upTo.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static Message message(ResultSet rs, int i) throws SQLException {
		return new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), Party.valueOf(rs.getString(11)), rs.getObject(5, UUID.class), rs.getString(6),
				MessageKind.valueOf(rs.getString(10)), ConversationRows.instant(rs, 7),
				ConversationRows.instantOrNull(rs, 8));
	}
}
