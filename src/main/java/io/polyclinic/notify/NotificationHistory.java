package io.polyclinic.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Refusal;

/**
 * Reads the delivery history: one delivery, filtered lists newest first, and a period's numbers. Filtering, ordering,
 * limiting and counting all happen in the database. It is the staff's view of what was sent (the contracts give it to
 * administrators and managers); the face guards the role, and the *For methods put each reading on the audit trail.
 */
@Service
@Transactional(readOnly = true)
public class NotificationHistory {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 500;

	private static final String COLUMNS = """
			id, public_id, channel, recipient, subject, body, kind, status, provider, provider_ref, failure_reason,
			patient_id, appointment_id, created_at, sent_at""";

	private final JdbcClient jdbc;
	private final AuditLog audit;

	NotificationHistory(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * A reader's view of the history: what they listed goes on the audit trail (messages name patients). The
	 * reader is given as the audit trail records them, since notify cannot know identity's types.
	 */
	@Transactional
	public List<DeliveryRecord> listFor(DeliveryQuery query, long readerUserId, String readerRole) {
		List<DeliveryRecord> found = list(query);
		audit.record(new AuditRecord(readerUserId, readerRole, "LIST", "NOTIFICATION", null, query.patientId(),
				AuditRecord.Outcome.SUCCESS, found.size() + " results"));
		return found;
	}

	/** One delivery, its reading audited. */
	@Transactional
	public DeliveryRecord getFor(long id, long readerUserId, String readerRole) {
		DeliveryRecord found = get(id);
		audit.record(AuditRecord.success(readerUserId, readerRole, "READ", "NOTIFICATION", id, found.patientId()));
		return found;
	}

	public Optional<DeliveryRecord> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliveries WHERE id = :id")
			.param("id", id)
			.query(NotificationHistory::record)
			.optional();
	}

	/** @throws Refusal NOT_FOUND when there is no such delivery */
	public DeliveryRecord get(long id) {
		return find(id).orElseThrow(() -> Refusal.notFound("Notification"));
	}

	/** @throws Refusal INVALID_INPUT on a limit below 1; a limit above the maximum is cut to it */
	public List<DeliveryRecord> list(DeliveryQuery query) {
		int limit = limit(query.limit());
		Filter filter = new Filter();
		filter.equal("patient_id", query.patientId());
		filter.equal("appointment_id", query.appointmentId());
		filter.equal("kind", query.kind() == null ? null : query.kind().name());
		filter.equal("status", query.status() == null ? null : query.status().name());
		filter.equal("channel", query.channel() == null ? null : query.channel().name());
		filter.period(query.from(), query.to());
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliveries" + filter.where()
				+ " ORDER BY created_at DESC, id DESC LIMIT :limit")
			.params(filter.params())
			.param("limit", limit)
			.query(NotificationHistory::record)
			.list();
	}

	/**
	 * Sent and failed messages handed to their channel from {@code from} (inclusive) to {@code to} (exclusive); null
	 * leaves that end open.
	 */
	public DeliveryStats stats(@Nullable Instant from, @Nullable Instant to) {
		Filter filter = new Filter();
		filter.period(from, to);
		List<KindCount> counts = jdbc.sql("SELECT kind, status, COUNT(*) AS total FROM deliveries" + filter.where()
				+ " GROUP BY kind, status")
			.params(filter.params())
			.query((rs, i) -> new KindCount(MessageKind.valueOf(rs.getString("kind")),
					DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("total")))
			.list();
		long sent = 0;
		long failed = 0;
		Map<MessageKind, Long> byKind = new EnumMap<>(MessageKind.class);
		for (KindCount count : counts) {
			if (count.status() == DeliveryStatus.SENT) {
				sent += count.total();
				byKind.merge(count.kind(), count.total(), Long::sum);
			}
			else if (count.status() == DeliveryStatus.FAILED) {
				failed += count.total();
			}
		}
		return new DeliveryStats(sent, failed, successRate(sent, failed), Collections.unmodifiableMap(byKind));
	}

	static double successRate(long sent, long failed) {
		if (sent + failed == 0) {
			return 0;
		}
		return BigDecimal.valueOf(sent * 100L)
			.divide(BigDecimal.valueOf(sent + failed), 1, RoundingMode.HALF_UP)
			.doubleValue();
	}

	private static int limit(@Nullable Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1) {
			throw Refusal.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return Math.min(requested, MAX_LIMIT);
	}

	private static DeliveryRecord record(ResultSet rs, int row) throws SQLException {
		return new DeliveryRecord(rs.getLong("id"), rs.getObject("public_id", java.util.UUID.class),
				Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), MessageKind.valueOf(rs.getString("kind")),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getString("provider"), rs.getString("provider_ref"),
				rs.getString("failure_reason"), rs.getObject("patient_id", Long.class),
				rs.getObject("appointment_id", Long.class), instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private record KindCount(MessageKind kind, DeliveryStatus status, long total) {
	}

	/** A WHERE clause of the filters that were given, with named parameters. */
	private static final class Filter {

		private final List<String> conditions = new ArrayList<>();
		private final Map<String, Object> params = new LinkedHashMap<>();

		void equal(String column, @Nullable Object value) {
			if (value != null) {
				conditions.add(column + " = :" + column);
				params.put(column, value);
			}
		}

		void period(@Nullable Instant from, @Nullable Instant to) {
			if (from != null) {
				conditions.add("created_at >= :from");
				params.put("from", from.atOffset(ZoneOffset.UTC));
			}
			if (to != null) {
				conditions.add("created_at < :to");
				params.put("to", to.atOffset(ZoneOffset.UTC));
			}
		}

		String where() {
			return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		}

		Map<String, Object> params() {
			return params;
		}
	}
}
