package io.polyclinic.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Status;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.InAppNotification.Via;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of in-app notifications: written once per thing told, listed, counted and marked in SQL on indexes. */
@Repository
public class InAppRows {

	private static final String COLUMNS = """
			SELECT n.id, n.public_id, n.user_id, u.public_id AS account_id, n.type, n.topic, n.channel, n.status,
			       n.title, n.message, n.related_id, n.severity, n.metadata, n.scheduled_at, n.sent_at, n.delivery_id,
			       n.created_at, n.updated_at, n.read_at
			""";
	private static final String SELECT = COLUMNS + " FROM in_app_notifications n JOIN users u ON u.id = n.user_id";
	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	InAppRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a new row holds besides its person and time. */
	public record Draft(Type type, String topic, Via via, Status status, String title, String message,
			@Nullable UUID relatedId, Severity severity, Map<String, Object> metadata, @Nullable Instant scheduledAt,
			@Nullable String sourceKey) {
	}

	/**
	 * Writes a notification, unless the person was already told of the same thing ({@code sourceKey}): an event
	 * delivered again tells nothing new.
	 *
	 * @return whether it was written
	 */
	public boolean insert(UUID publicId, long userId, Draft d, Instant now) {
		return jdbc.sql("""
				INSERT INTO in_app_notifications (public_id, user_id, type, topic, channel, status, title, message,
				                                  related_id, severity, metadata, scheduled_at, sent_at, source_key,
				                                  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(publicId, userId, d.type().name(), d.topic(), d.via().name(), d.status().name(), d.title(),
					d.message(), d.relatedId(), d.severity().name(), json(d.metadata()), utc(d.scheduledAt()),
					d.status() == Status.PENDING ? null : utc(now), d.sourceKey(), utc(now), utc(now))
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

	/** The conditions of a filtered list of one person's notifications. */
	public record Where(long userId, @Nullable String topic, @Nullable Via via, @Nullable Status status,
			@Nullable Boolean read, @Nullable String text, @Nullable Type type) {
	}

	/** One page of a person's notifications, filtered and ordered in SQL. */
	public List<InAppNotification> page(Where w, String orderColumn, boolean descending, int limit, long offset) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(w, params);
		String direction = descending ? " DESC" : " ASC";
		String order = " ORDER BY n." + orderColumn + direction + ("created_at".equals(orderColumn) ? ""
				: (descending ? " NULLS LAST" : " NULLS FIRST") + ", n.created_at" + direction) + ", n.id" + direction;
		return jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(InAppRows::notification)
			.list();
	}

	public long count(Where w) {
		Map<String, Object> params = new LinkedHashMap<>();
		return jdbc.sql("SELECT COUNT(*) FROM in_app_notifications n" + where(w, params)).params(params)
			.query(Long.class).single();
	}

	private static String where(Where w, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE n.user_id = :user");
		params.put("user", w.userId());
		if (w.topic() != null) {
			where.append(" AND n.topic = :topic");
			params.put("topic", w.topic());
		}
		if (w.type() != null) {
			where.append(" AND n.type = :type");
			params.put("type", w.type().name());
		}
		if (w.via() != null) {
			where.append(" AND n.channel = :channel");
			params.put("channel", w.via().name());
		}
		if (w.status() != null) {
			where.append(" AND n.status = :status");
			params.put("status", w.status().name());
		}
		if (w.read() != null) {
			where.append(w.read() ? " AND n.read_at IS NOT NULL" : " AND n.read_at IS NULL");
		}
		if (w.text() != null && !w.text().isBlank()) {
			where.append(" AND (LOWER(n.title) LIKE :text OR LOWER(n.message) LIKE :text)");
			params.put("text", "%" + w.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%");
		}
		return where.toString();
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

	public Optional<InAppNotification> find(long number) {
		return jdbc.sql(SELECT + " WHERE n.id = ?").param(number).query(InAppRows::notification).optional();
	}

	/** Marks one read, if it is still unread: the first reading's time stays. */
	public void markRead(UUID publicId, long userId, Instant now) {
		jdbc.sql("""
				UPDATE in_app_notifications SET read_at = ?, status = 'READ', updated_at = ?
				WHERE public_id = ? AND user_id = ? AND read_at IS NULL""")
			.params(utc(now), utc(now), publicId, userId)
			.update();
	}

	/** @return how many were unread */
	public int markAllRead(long userId, Instant now) {
		return jdbc.sql("""
				UPDATE in_app_notifications SET read_at = ?, status = 'READ', updated_at = ?
				WHERE user_id = ? AND read_at IS NULL""")
			.params(utc(now), utc(now), userId)
			.update();
	}

	/** How the channel carried a notification: the delivery, and when it went out (null when it failed). */
	public void delivered(UUID publicId, Status status, @Nullable Long deliveryId, @Nullable Instant sentAt,
			Instant now) {
		jdbc.sql("""
				UPDATE in_app_notifications SET status = ?, delivery_id = ?, sent_at = ?, updated_at = ?
				WHERE public_id = ? AND read_at IS NULL""")
			.params(status.name(), deliveryId, utc(sentAt), utc(now), publicId)
			.update();
	}

	/** Rewrites what a notification says. */
	public void rewrite(long number, String topic, String title, String message, Map<String, Object> metadata,
			@Nullable Instant scheduledAt, Instant now) {
		jdbc.sql("""
				UPDATE in_app_notifications SET topic = ?, title = ?, message = ?, metadata = ?, scheduled_at = ?,
				       updated_at = ?
				WHERE id = ?""")
			.params(topic, title, message, json(metadata), utc(scheduledAt), utc(now), number)
			.update();
	}

	public void delete(long number) {
		jdbc.sql("DELETE FROM in_app_notifications WHERE id = ?").param(number).update();
	}

	/** One group of the clinic's notifications: how many share a topic, channel and status, and how many are read. */
	public record Group(String topic, Via via, Status status, long count, long read) {
	}

	/** Every notification, grouped in SQL by topic, channel and status. */
	public List<Group> groups() {
		return jdbc.sql("""
				SELECT topic, channel, status, COUNT(*) AS total, COUNT(read_at) AS read_count
				FROM in_app_notifications GROUP BY topic, channel, status""")
			.query((rs, i) -> new Group(rs.getString("topic"), Via.valueOf(rs.getString("channel")),
					Status.valueOf(rs.getString("status")), rs.getLong("total"), rs.getLong("read_count")))
			.list();
	}

	private static InAppNotification notification(ResultSet rs, int row) throws SQLException {
		Long delivery = (Long) rs.getObject("delivery_id");
		return new InAppNotification(rs.getObject("public_id", UUID.class), rs.getLong("id"), rs.getLong("user_id"),
				rs.getObject("account_id", UUID.class), Type.valueOf(rs.getString("type")), rs.getString("topic"),
				Via.valueOf(rs.getString("channel")), Status.valueOf(rs.getString("status")), rs.getString("title"),
				rs.getString("message"), rs.getObject("related_id", UUID.class),
				Severity.valueOf(rs.getString("severity")), metadata(rs.getString("metadata")),
				instant(rs, "scheduled_at"), instant(rs, "sent_at"), delivery, instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "read_at"));
	}

	private static Map<String, Object> metadata(@Nullable String column) {
		if (column == null || column.isBlank()) {
			return Map.of();
		}
		return java.util.Collections.unmodifiableMap(JsonMapper.shared().readValue(column, OBJECT));
	}

	private static @Nullable String json(Map<String, Object> metadata) {
		return metadata.isEmpty() ? null : JsonMapper.shared().writeValueAsString(metadata);
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
