package io.polyclinic.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;

/** The rows of in-app notifications: written once per thing told, listed, counted and marked in SQL on indexes. */
@Repository
public class InAppRows {

	private static final String SELECT = """
			SELECT n.public_id, n.user_id, u.public_id AS account_id, n.type, n.title, n.message, n.related_id,
			       n.severity, n.created_at, n.read_at
			FROM in_app_notifications n JOIN users u ON u.id = n.user_id
			""";

	private final JdbcClient jdbc;

	InAppRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a notification, unless the person was already told of the same thing ({@code sourceKey}): an event
	 * delivered again tells nothing new.
	 *
	 * @return whether it was written
	 */
	public boolean insert(UUID publicId, long userId, Type type, String title, String message,
			@Nullable UUID relatedId, Severity severity, @Nullable String sourceKey, Instant now) {
		return jdbc.sql("""
				INSERT INTO in_app_notifications (public_id, user_id, type, title, message, related_id, severity,
				                                  source_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(publicId, userId, type.name(), title, message, relatedId, severity.name(), sourceKey,
					now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** The person's notifications, newest first, perhaps only unread ones, perhaps of one type. */
	public List<InAppNotification> list(long userId, boolean unreadOnly, @Nullable Type type, int limit,
			long offset) {
		StringBuilder where = new StringBuilder(" WHERE n.user_id = :user");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("user", userId);
		if (unreadOnly) {
			where.append(" AND n.read_at IS NULL");
		}
		if (type != null) {
			where.append(" AND n.type = :type");
			params.put("type", type.name());
		}
		return jdbc.sql(SELECT + where + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(InAppRows::notification)
			.list();
	}

	public long unread(long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM in_app_notifications WHERE user_id = ? AND read_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single();
	}

	public Optional<InAppNotification> find(UUID publicId) {
		return jdbc.sql(SELECT + " WHERE n.public_id = ?").param(publicId).query(InAppRows::notification).optional();
	}

	/** Marks one read, if it is still unread: the first reading's time stays. */
	public void markRead(UUID publicId, long userId, Instant now) {
		jdbc.sql("""
				UPDATE in_app_notifications SET read_at = ?
				WHERE public_id = ? AND user_id = ? AND read_at IS NULL""")
			.params(now.atOffset(ZoneOffset.UTC), publicId, userId)
			.update();
	}

	/** @return how many were unread */
	public int markAllRead(long userId, Instant now) {
		return jdbc.sql("UPDATE in_app_notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
			.params(now.atOffset(ZoneOffset.UTC), userId)
			.update();
	}

	private static InAppNotification notification(ResultSet rs, int row) throws SQLException {
		return new InAppNotification(rs.getObject("public_id", UUID.class), rs.getLong("user_id"),
				rs.getObject("account_id", UUID.class), Type.valueOf(rs.getString("type")), rs.getString("title"),
				rs.getString("message"), rs.getObject("related_id", UUID.class),
				Severity.valueOf(rs.getString("severity")), instant(rs, "created_at"), instant(rs, "read_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
