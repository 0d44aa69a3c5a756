package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The slots clinicians open in batches ({@code availability_slots}), in SQL, on the index of (clinician, start): a
 * slot lasts a day at most, so a look-back of a day finds every slot that reaches an instant.
 */
@Component
public class OpenedSlots {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	OpenedSlots(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The clinician's opened slots that start in [from, to), in order. */
	public List<OpenedSlot> startingBetween(long clinicianId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT starts_at, ends_at FROM availability_slots
				WHERE clinician_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at""")
			.params(clinicianId, at(from), at(to))
			.query((rs, n) -> new OpenedSlot(instant(rs.getObject("starts_at", OffsetDateTime.class)),
					instant(rs.getObject("ends_at", OffsetDateTime.class))))
			.list();
	}

	/** One clinician's opened slots as a placement asks of them, each question one indexed look-up. */
	public OpenedTimes of(long clinicianId) {
		return new OpenedTimes() {

			@Override
			public Optional<Instant> endOfSlotAt(Instant start) {
				return jdbc.sql("SELECT ends_at FROM availability_slots WHERE clinician_id = ? AND starts_at = ?")
					.params(clinicianId, at(start))
					.query(OffsetDateTime.class).optional().map(OpenedSlots::instant);
			}

			@Override
			public boolean holds(Instant start, Instant end) {
				return jdbc.sql("""
						SELECT COUNT(*) FROM availability_slots WHERE clinician_id = ? AND starts_at <= ?
						  AND starts_at >= ? AND ends_at >= ?""")
					.params(clinicianId, at(start), at(start.minus(Placement.LONGEST)), at(end))
					.query(Long.class).single() > 0;
			}
		};
	}

	/**
	 * Opens the given slots (in order of start) of a clinician, but none that overlaps one already open: the
	 * clinician's writers take turns on their row, so that two batches at once neither open a start twice nor fail
	 * on the unique start. Answers how many were opened.
	 */
	public int open(long clinicianId, List<OpenedSlot> slots, Instant now) {
		if (slots.isEmpty()) {
			return 0;
		}
		jdbc.sql("SELECT id FROM clinicians WHERE id = ? FOR UPDATE").param(clinicianId).query(Long.class).list();
		Instant from = slots.get(0).startsAt();
		Instant to = slots.get(slots.size() - 1).endsAt();
		NavigableMap<Instant, Instant> open = new TreeMap<>();
		startingBetween(clinicianId, from.minus(Placement.LONGEST), to).forEach(o -> open.put(o.startsAt(), o.endsAt()));
		List<Object[]> rows = new ArrayList<>();
		for (OpenedSlot slot : slots) {
			var before = open.floorEntry(slot.startsAt());
			var after = open.ceilingEntry(slot.startsAt());
			boolean free = (before == null || !before.getValue().isAfter(slot.startsAt()))
					&& (after == null || !after.getKey().isBefore(slot.endsAt()));
			if (free) {
				open.put(slot.startsAt(), slot.endsAt());
				rows.add(new Object[] { UUID.randomUUID(), clinicianId, at(slot.startsAt()), at(slot.endsAt()),
						at(now) });
			}
		}
		if (!rows.isEmpty()) {
			template.batchUpdate("""
					INSERT INTO availability_slots (public_id, clinician_id, starts_at, ends_at, created_at)
					VALUES (?, ?, ?, ?, ?)""", rows);
		}
		return rows.size();
	}

	private static Instant instant(OffsetDateTime at) {
		return at.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
