package io.polyclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.TimeBlock;
import io.polyclinic.scheduling.TimeBlocks;

/**
 * The blocked times of clinicians, in SQL: writing and removing blocks, listing them, and a clinician's busy time —
 * active appointments and blocks together, with the slots they opened, in one statement. A block lasts a day at
 * most, as an appointment does, so that the busy time's look-back of a day finds every interval that reaches into
 * the range.
 */
@Component
public class BlockedTimes {

	private static final String SELECT = """
			SELECT b.id, b.public_id, b.clinician_id, c.time_zone, b.starts_at, b.ends_at, b.reason,
			  b.created_by_user_id, b.created_at, b.removed_at
			FROM blocked_times b JOIN clinicians c ON c.id = b.clinician_id""";

	private final JdbcClient jdbc;

	BlockedTimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long clinicianId, Instant startsAt, Instant endsAt, @Nullable String reason,
			@Nullable Long createdBy, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO blocked_times (public_id, clinician_id, starts_at, ends_at, reason, created_by_user_id,
				  created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), clinicianId, at(startsAt), at(endsAt), reason, createdBy, at(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public Optional<TimeBlock> find(long id) {
		return jdbc.sql(SELECT + "\nWHERE b.id = ?").param(id).query(BlockedTimes::row).optional();
	}

	/** Marks the block removed; false when it was removed already. */
	public boolean remove(long id, Instant now) {
		return jdbc.sql("UPDATE blocked_times SET removed_at = ? WHERE id = ? AND removed_at IS NULL")
			.params(at(now), id).update() > 0;
	}

	/** Blocks that reach into [from, to), of one clinician or of all, in order of start; removed ones on request. */
	public List<TimeBlock> list(@Nullable Long clinicianId, Instant from, Instant to, boolean withRemoved) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SELECT).append("\nWHERE b.starts_at < ? AND b.ends_at > ? AND b.starts_at > ?");
		params.add(at(to));
		params.add(at(from));
		params.add(at(from.minus(Placement.LONGEST)));
		if (clinicianId != null) {
			sql.append(" AND b.clinician_id = ?");
			params.add(clinicianId);
		}
		if (!withRemoved) {
			sql.append(" AND b.removed_at IS NULL");
		}
		sql.append(" ORDER BY b.starts_at, b.id LIMIT 1000");
		return jdbc.sql(sql.toString()).params(params).query(BlockedTimes::row).list();
	}

	/** Whether an active block of the clinician overlaps [start, end) — an indexed look-up. */
	public boolean overlaps(long clinicianId, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM blocked_times WHERE clinician_id = ? AND removed_at IS NULL
				  AND starts_at < ? AND ends_at > ? AND starts_at > ?""")
			.params(clinicianId, at(end), at(start), at(start.minus(Placement.LONGEST)))
			.query(Long.class).single() > 0;
	}

	/** A clinician's time over a range of days: what holds it, and the slots they opened that start in the range. */
	public record TimeBook(List<Busy> busy, List<OpenedSlot> opened) {
	}

	/**
	 * The intervals the clinician's active appointments and active blocks hold from {@code from} (starts before
	 * {@code lookBack}, a day before it, need not be read), and the clinician's opened slots that start in
	 * [from, to), in one statement: a slot list costs what it cost before slots could be opened. The busy time is
	 * read up to a day past {@code to}, where an opened slot that starts in the range may still reach.
	 */
	public TimeBook timeBook(long clinicianId, Instant from, Instant to, Instant lookBack) {
		List<Busy> busy = new ArrayList<>();
		List<OpenedSlot> opened = new ArrayList<>();
		Instant reach = to.plus(Placement.LONGEST);
		jdbc.sql("""
				SELECT 'B' AS kind, starts_at, ends_at FROM appointments
				WHERE clinician_id = ? AND status <> 'CANCELLED' AND starts_at < ? AND ends_at > ? AND starts_at > ?
				UNION ALL
				SELECT 'B' AS kind, starts_at, ends_at FROM blocked_times
				WHERE clinician_id = ? AND removed_at IS NULL AND starts_at < ? AND ends_at > ? AND starts_at > ?
				UNION ALL
				SELECT 'S' AS kind, starts_at, ends_at FROM availability_slots
				WHERE clinician_id = ? AND starts_at >= ? AND starts_at < ?""")
			.params(clinicianId, at(reach), at(from), at(lookBack), clinicianId, at(reach), at(from), at(lookBack),
					clinicianId, at(from), at(to))
			.query(rs -> {
				Instant start = instant(rs, "starts_at");
				Instant end = instant(rs, "ends_at");
				if ("S".equals(rs.getString("kind"))) {
					opened.add(new OpenedSlot(start, end));
				}
				else {
					busy.add(new Busy(start, end));
				}
			});
		opened.sort(java.util.Comparator.comparing(OpenedSlot::startsAt));
		return new TimeBook(busy, opened);
	}

	/** The clinician's appointments, not cancelled, that overlap [from, to), with their patients, in order. */
	public List<TimeBlocks.AffectedPatient> affected(long clinicianId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT a.id, a.starts_at, a.status, p.id AS patient_id, pu.full_name AS patient_name,
				  pu.phone AS patient_phone, pu.email AS patient_email, cu.full_name AS clinician_name
				FROM appointments a
				JOIN patients p ON p.id = a.patient_id JOIN users pu ON pu.id = p.user_id
				JOIN clinicians c ON c.id = a.clinician_id JOIN users cu ON cu.id = c.user_id
				WHERE a.clinician_id = ? AND a.status <> 'CANCELLED' AND a.starts_at < ? AND a.ends_at > ?
				  AND a.starts_at > ?
				ORDER BY a.starts_at, a.id""")
			.params(clinicianId, at(to), at(from), at(from.minus(Placement.LONGEST)))
			.query((rs, n) -> new TimeBlocks.AffectedPatient(rs.getLong("id"), instant(rs, "starts_at"),
					AppointmentStatus.valueOf(rs.getString("status")), rs.getLong("patient_id"),
					rs.getString("patient_name"), rs.getString("patient_phone"), rs.getString("patient_email"),
					rs.getString("clinician_name")))
			.list();
	}

	private static TimeBlock row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime removed = rs.getObject("removed_at", OffsetDateTime.class);
		return new TimeBlock(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("clinician_id"),
				ZoneId.of(rs.getString("time_zone")), instant(rs, "starts_at"), instant(rs, "ends_at"),
				rs.getString("reason"), rs.getObject("created_by_user_id", Long.class), instant(rs, "created_at"),
				removed == null ? null : removed.toInstant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
