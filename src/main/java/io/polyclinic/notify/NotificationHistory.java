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

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;

/**
 * Reads the delivery history: one delivery, filtered lists newest first, and a period's numbers. Filtering, ordering,
 * limiting, counting and the caller's scope all happen in the database, and every reading is on the audit trail
 * (messages name patients).
 *
 * <p>Who reads what: staff of the whole clinic, everything; staff of one centre, the deliveries about appointments
 * their centre runs and, for deliveries about no appointment, those to patients of their centre (never one-time
 * codes, which name no patient); a patient, the messages sent to them; clinicians and everyone else, nothing. The
 * numbers are for staff only, a centre's staff getting their centre's.
 */
@Service
@Transactional(readOnly = true)
public class NotificationHistory {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 100;

	private static final String COLUMNS = """
			d.id, d.public_id, d.channel, d.recipient, d.subject, d.body, d.kind, d.status, d.provider, d.provider_ref,
			d.failure_reason, d.patient_id, d.appointment_id, d.created_at, d.sent_at""";

	/** A centre's deliveries: about an appointment the centre runs, or about no appointment to one of its patients. */
	private static final String CENTRE_SCOPE = """
			((d.appointment_id IS NOT NULL AND EXISTS (SELECT 1 FROM appointments a
			   WHERE a.id = d.appointment_id AND a.managing_centre_id = :scopeCentre))
			 OR (d.appointment_id IS NULL AND EXISTS (SELECT 1 FROM patient_centres pc
			   WHERE pc.patient_id = d.patient_id AND pc.centre_id = :scopeCentre)))""";

	private static final String RESOURCE = "NOTIFICATION";

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final AuditLog audit;

	NotificationHistory(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The newest deliveries the caller may read that match the query, at most {@value #MAX_LIMIT}.
	 *
	 * @throws Refusal FORBIDDEN for callers who read no history; INVALID_INPUT on a limit below 1 (a limit above the
	 *         maximum is cut to it)
	 */
	@Transactional
	public List<DeliveryRecord> list(DeliveryQuery query, Actor actor) {
		int limit = limit(query.limit());
		Filter filter = scoped(actor, "LIST", null, query.patientId());
		filter.equal("patient_id", query.patientId());
		filter.equal("appointment_id", query.appointmentId());
		filter.equal("kind", query.kind() == null ? null : query.kind().name());
		filter.equal("status", query.status() == null ? null : query.status().name());
		filter.equal("channel", query.channel() == null ? null : query.channel().name());
		filter.period(query.from(), query.to());
		List<DeliveryRecord> found = jdbc.sql("SELECT " + COLUMNS + " FROM deliveries d" + filter.where()
				+ " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
			.params(filter.params())
			.param("limit", limit)
			.query(NotificationHistory::record)
			.list();
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, query.patientId(), AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		return found;
	}

	/**
	 * One delivery, named by its id or its public id, if the caller may read it.
	 *
	 * @throws Refusal NOT_FOUND when there is no such delivery; FORBIDDEN (audited) when it is not the caller's to
	 *         read
	 */
	@Transactional
	public DeliveryRecord get(Ref delivery, Actor actor) {
		Filter filter = scoped(actor, "READ", delivery, null);
		String column = delivery.numeric() ? "id" : "public_id";
		Object value = delivery.numeric() ? delivery.id() : delivery.publicId();
		DeliveryRecord found = jdbc.sql("SELECT " + COLUMNS + " FROM deliveries d WHERE d." + column + " = :value")
			.param("value", value)
			.query(NotificationHistory::record)
			.optional()
			.orElseThrow(() -> Refusal.notFound("Notification"));
		filter.equal("id", found.id());
		if (filter.scoped() && !visible(filter)) {
			throw access.denied(actor, "READ", RESOURCE, found.id(), found.patientId());
		}
		audit.record(AuditRecord.success(actor, "READ", RESOURCE, found.id(), found.patientId()));
		return found;
	}

	/**
	 * Sent and failed messages handed to their channel from {@code from} (inclusive) to {@code to} (exclusive); null
	 * leaves that end open. Staff only; a centre's staff count their centre's.
	 */
	public DeliveryStats stats(@Nullable Instant from, @Nullable Instant to, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff()) {
			throw access.denied(actor, "STATS", RESOURCE, null, null);
		}
		Filter filter = new Filter();
		filter.scope(reach);
		filter.period(from, to);
		List<KindCount> counts = jdbc.sql("SELECT d.kind, d.status, COUNT(*) AS total FROM deliveries d"
				+ filter.where() + " GROUP BY d.kind, d.status")
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

	/** A filter limited to what the caller reads; refuses (audited) a caller who reads no history. */
	private Filter scoped(Actor actor, String action, @Nullable Object id, @Nullable Long patientId) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff() && reach.kind() != Reach.Kind.PATIENT) {
			throw access.denied(actor, action, RESOURCE, id, patientId);
		}
		Filter filter = new Filter();
		filter.scope(reach);
		return filter;
	}

	private boolean visible(Filter filter) {
		return jdbc.sql("SELECT COUNT(*) FROM deliveries d" + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single() > 0;
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

		private boolean scoped;

		void scope(Reach reach) {
			switch (reach.kind()) {
				case CLINIC -> {
				}
				case CENTRE -> {
					conditions.add(CENTRE_SCOPE);
					params.put("scopeCentre", reach.centreId());
					scoped = true;
				}
				case PATIENT -> {
					conditions.add("d.patient_id = :scopePatient");
					params.put("scopePatient", reach.patientId());
					scoped = true;
				}
				case CLINICIAN, NONE -> throw new IllegalArgumentException("No history is in reach of " + reach);
			}
		}

		boolean scoped() {
			return scoped;
		}

		void equal(String column, @Nullable Object value) {
			if (value != null) {
				conditions.add("d." + column + " = :" + column);
				params.put(column, value);
			}
		}

		void period(@Nullable Instant from, @Nullable Instant to) {
			if (from != null) {
				conditions.add("d.created_at >= :from");
				params.put("from", from.atOffset(ZoneOffset.UTC));
			}
			if (to != null) {
				conditions.add("d.created_at < :to");
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
