package io.polyclinic.assistant.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.polyclinic.assistant.CompanionAction;
import io.polyclinic.assistant.CompanionExchange;
import io.polyclinic.assistant.CompanionSession;
import io.polyclinic.assistant.SessionType;

/** The companion's tables: sessions, what was said in them, and the crises detected. Plain SQL on their indexes. */
@Component
public class CompanionRows {

	/** A stored session, with whose it is. */
	public record Session(long id, UUID publicId, long userId, SessionType type, String summary, boolean crisis,
			Instant startedAt) {

		public CompanionSession view() {
			return new CompanionSession(publicId, startedAt, summary, type, crisis);
		}
	}

	private final JdbcClient jdbc;

	CompanionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Session> session(UUID publicId) {
		return jdbc.sql("""
				SELECT id, public_id, user_id, session_type, session_summary, crisis_detected, started_at
				FROM ai_chat_sessions WHERE public_id = ? AND ended_at IS NULL""")
			.param(publicId)
			.query((rs, i) -> new Session(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
					SessionType.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6),
					rs.getObject(7, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The person's newest sessions first (index on user and start). */
	public List<CompanionSession> newest(long userId, int limit) {
		return jdbc.sql("""
				SELECT public_id, started_at, session_summary, session_type, crisis_detected FROM ai_chat_sessions
				WHERE user_id = ? AND ended_at IS NULL ORDER BY started_at DESC, id DESC LIMIT ?""")
			.params(userId, limit)
			.query((rs, i) -> new CompanionSession(rs.getObject(1, UUID.class),
					rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
					SessionType.valueOf(rs.getString(4)), rs.getBoolean(5)))
			.list();
	}

	public Session open(long userId, @Nullable Long patientId, SessionType type, String summary, Instant at) {
		UUID publicId = UUID.randomUUID();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ai_chat_sessions (public_id, user_id, patient_id, session_type, session_summary,
				    crisis_detected, started_at, last_activity_at)
				VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)""")
			.params(publicId, userId, patientId, type.name(), summary, utc(at), utc(at))
			.update(keys, "id");
		return new Session(id(keys), publicId, userId, type, summary, false, at);
	}

	/** A session where a crisis was seen says so from then on, in its type and summary. */
	public void touch(long sessionId, @Nullable SessionType crisisType, @Nullable String crisisSummary, Instant at) {
		if (crisisType == null) {
			jdbc.sql("UPDATE ai_chat_sessions SET last_activity_at = ? WHERE id = ?").params(utc(at), sessionId).update();
			return;
		}
		jdbc.sql("""
				UPDATE ai_chat_sessions SET last_activity_at = ?, crisis_detected = TRUE, session_type = ?,
				    session_summary = ? WHERE id = ?""")
			.params(utc(at), crisisType.name(), crisisSummary, sessionId)
			.update();
	}

	public long log(long sessionId, String query, @Nullable String imageUrl, String response, String action,
			boolean crisis, String answeredBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ai_chat_logs (public_id, session_id, user_query, image_url, ai_response, action,
				    crisis_detected, answered_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), sessionId, query, imageUrl, response, action, crisis, answeredBy, utc(at))
			.update(keys, "id");
		return id(keys);
	}

	public UUID intervention(long sessionId, long logId, long userId, @Nullable Long patientId, String category,
			String layer, String evidence, String language, @Nullable String exemplarVersion, Instant at) {
		UUID publicId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO crisis_interventions (public_id, session_id, log_id, user_id, patient_id, category, layer,
				    evidence, language, exemplar_version, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(publicId, sessionId, logId, userId, patientId, category, layer, evidence, language, exemplarVersion,
					utc(at))
			.update();
		return publicId;
	}

	/** The interventions of a session, oldest first: category, layer and evidence (for tests and reviews). */
	public List<String[]> interventions(UUID sessionPublicId) {
		return jdbc.sql("""
				SELECT ci.category, ci.layer, ci.evidence, ci.language FROM crisis_interventions ci
				JOIN ai_chat_sessions s ON s.id = ci.session_id WHERE s.public_id = ? ORDER BY ci.id""")
			.param(sessionPublicId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
	}

	/** A session's questions and answers, oldest first (index on session and time). */
	public List<CompanionExchange> exchanges(long sessionId) {
		return jdbc.sql("""
				SELECT user_query, image_url, ai_response, action, crisis_detected, created_at FROM ai_chat_logs
				WHERE session_id = ? ORDER BY created_at, id""")
			.param(sessionId)
			.query((rs, i) -> new CompanionExchange(rs.getString(1), rs.getString(2), rs.getString(3),
					CompanionAction.valueOf(rs.getString(4)), rs.getBoolean(5),
					rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Closes a session that is still open; false when it was closed already. */
	public boolean end(long sessionId, Instant at) {
		return jdbc.sql("UPDATE ai_chat_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
			.params(utc(at), sessionId)
			.update() == 1;
	}

	/** What was said in a session, oldest first: query, response, action (for tests and reviews). */
	public List<String[]> logs(UUID sessionPublicId) {
		return jdbc.sql("""
				SELECT l.user_query, l.ai_response, l.action, l.answered_by FROM ai_chat_logs l
				JOIN ai_chat_sessions s ON s.id = l.session_id WHERE s.public_id = ? ORDER BY l.created_at, l.id""")
			.param(sessionPublicId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static long id(GeneratedKeyHolder keys) {
		Long id = keys.getKeyAs(Long.class);
		if (id == null) {
			throw new IllegalStateException("No generated id");
		}
		return id;
	}
}
