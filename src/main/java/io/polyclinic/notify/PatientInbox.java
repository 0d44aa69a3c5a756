package io.polyclinic.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * A patient's in-app inbox: the messages the clinic sent them (every kind but one-time codes, whichever channel
 * carried them, sent or not), newest first, each read or unread. Only the patient themself reads and marks their own;
 * filtering, paging and counting happen in the database.
 */
@Service
@Transactional(readOnly = true)
public class PatientInbox {

	public static final int MAX_LIMIT = 100;

	private static final String RESOURCE = "NOTIFICATION";
	private static final String MINE = " FROM deliveries d WHERE d.patient_id = :patient AND d.kind <> 'OTP'";

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	PatientInbox(JdbcClient jdbc, AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A message in the inbox; {@code readAt} null while unread. */
	public record Notice(DeliveryRecord delivery, @Nullable Instant readAt) {

		public boolean read() {
			return readAt != null;
		}
	}

	/** One page of the inbox, with how many notices match in all and how many of the inbox are unread. */
	public record Page(List<Notice> notices, long total, long unread) {
	}

	/**
	 * The calling patient's notices, newest first.
	 *
	 * @throws Refusal FORBIDDEN for anyone but a patient; INVALID_INPUT on a limit outside 1..{@value #MAX_LIMIT} or
	 *         a negative offset
	 */
	@Transactional
	public Page notices(boolean unreadOnly, int limit, long offset, Actor actor) {
		long patient = patientOf(actor, "LIST");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAX_LIMIT);
		}
		if (offset < 0) {
			throw Refusal.invalidField("offset", "Offset cannot be negative");
		}
		String filter = MINE + (unreadOnly ? " AND d.read_at IS NULL" : "");
		List<Notice> found = jdbc.sql("SELECT d.id, d.public_id, d.channel, d.recipient, d.subject, d.body, d.kind,"
				+ " d.status, d.provider, d.provider_ref, d.failure_reason, d.patient_id, d.appointment_id,"
				+ " d.created_at, d.sent_at, d.read_at" + filter
				+ " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
			.param("patient", patient)
			.param("limit", limit)
			.param("offset", offset)
			.query(PatientInbox::notice)
			.list();
		long total = found.size() < limit && (offset == 0 || !found.isEmpty()) ? offset + found.size()
				: count(filter, patient);
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patient, AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		return new Page(found, total, unreadOnly ? total : unread(patient));
	}

	/** How many of the calling patient's notices are unread. */
	public long unread(Actor actor) {
		return unread(patientOf(actor, "COUNT"));
	}

	/**
	 * Marks one of the calling patient's notices read (again is harmless: it stays read since the first time).
	 *
	 * @throws Refusal NOT_FOUND when the caller has no such notice (another patient's too, so that none is confirmed)
	 */
	@Transactional
	public Notice markRead(long id, Actor actor) {
		long patient = patientOf(actor, "UPDATE");
		jdbc.sql("UPDATE deliveries SET read_at = :now WHERE id = :id AND patient_id = :patient AND kind <> 'OTP'"
				+ " AND read_at IS NULL")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("id", id)
			.param("patient", patient)
			.update();
		Notice notice = jdbc.sql("SELECT d.id, d.public_id, d.channel, d.recipient, d.subject, d.body, d.kind,"
				+ " d.status, d.provider, d.provider_ref, d.failure_reason, d.patient_id, d.appointment_id,"
				+ " d.created_at, d.sent_at, d.read_at" + MINE + " AND d.id = :id")
			.param("patient", patient)
			.param("id", id)
			.query(PatientInbox::notice)
			.optional()
			.orElseThrow(() -> Refusal.notFound("Notification"));
		audit.record(AuditRecord.success(actor, "MARK_READ", RESOURCE, id, patient));
		return notice;
	}

	private long patientOf(Actor actor, String action) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null) {
			throw access.denied(actor, action, RESOURCE, null, null);
		}
		return reach.patientId();
	}

	private long unread(long patient) {
		return count(MINE + " AND d.read_at IS NULL", patient);
	}

	private long count(String filter, long patient) {
		return jdbc.sql("SELECT COUNT(*)" + filter).param("patient", patient).query(Long.class).single();
	}

	private static Notice notice(ResultSet rs, int row) throws SQLException {
		return new Notice(new DeliveryRecord(rs.getLong("id"), rs.getObject("public_id", java.util.UUID.class),
				Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), MessageKind.valueOf(rs.getString("kind")),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getString("provider"), rs.getString("provider_ref"),
				rs.getString("failure_reason"), rs.getObject("patient_id", Long.class),
				rs.getObject("appointment_id", Long.class), instant(rs, "created_at"), instant(rs, "sent_at")),
				instant(rs, "read_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
