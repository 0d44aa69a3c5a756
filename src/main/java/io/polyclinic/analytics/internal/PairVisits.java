package io.polyclinic.analytics.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a care pair's (patient, clinician) visits per centre: recomputed from the pair's appointments (a handful, on
 * {@code ix_appointments_patient_clinician}), compared with what is stored, and only the difference applied to the
 * centre and clinician totals. Recomputing a pair twice changes nothing, so a replayed or late event is harmless,
 * whatever order the events of one pair arrive in.
 */
@Component
class PairVisits {

	private final JdbcClient jdbc;
	private final Counters counters;

	PairVisits(JdbcClient jdbc, Counters counters) {
		this.jdbc = jdbc;
		this.counters = counters;
	}

	/** Visits at one centre and whether the pair's first visit is among them. */
	record Visits(long visits, boolean first) {
	}

	@Transactional
	public void recompute(long patientId, long clinicianId) {
		lock(patientId, clinicianId);
		Map<Long, Visits> now = new TreeMap<>();
		jdbc.sql("""
				SELECT COALESCE(a.centre_id, 0) FROM appointments a
				WHERE a.patient_id = ? AND a.clinician_id = ? AND a.status <> 'CANCELLED'
				ORDER BY a.starts_at, a.id""")
			.params(patientId, clinicianId)
			.query((rs, i) -> rs.getLong(1))
			.list()
			.forEach(centre -> now.merge(centre, new Visits(1, now.isEmpty()),
					(was, one) -> new Visits(was.visits() + 1, was.first())));
		Map<Long, Visits> stored = new TreeMap<>();
		jdbc.sql("""
				SELECT centre_key, visits, first_visit FROM analytics_pair_visits
				WHERE patient_id = ? AND clinician_id = ?""")
			.params(patientId, clinicianId)
			.query(rs -> {
				stored.put(rs.getLong(1), new Visits(rs.getLong(2), rs.getBoolean(3)));
			});
		var centres = new TreeSet<>(now.keySet());
		centres.addAll(stored.keySet());
		Map<Long, long[]> deltas = new TreeMap<>();
		for (long centre : centres) {
			Visits was = stored.getOrDefault(centre, new Visits(0, false));
			Visits is = now.getOrDefault(centre, new Visits(0, false));
			if (was.equals(is)) {
				continue;
			}
			store(patientId, clinicianId, centre, stored.containsKey(centre), is);
			deltas.put(centre, new long[] { is.visits() - was.visits(), flag(is.first()) - flag(was.first()) });
		}
		// centre rows first, each kind in key order: two pairs of one centre lock its rows in one order, never a cycle
		deltas.forEach((centre, d) -> counters.centre(centre, d[0], d[1]));
		deltas.forEach((centre, d) -> {
			if (d[0] != 0) {
				counters.clinicianVisits(clinicianId, centre, d[0]);
			}
		});
	}

	/**
	 * Makes the pair's recomputations take turns: the row is created once, then locked. The pair's rows are read
	 * after the lock is held, in a statement of their own, so that they include what the previous holder wrote.
	 */
	private void lock(long patientId, long clinicianId) {
		if (jdbc.sql("INSERT INTO analytics_pair_locks (patient_id, clinician_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(patientId, clinicianId).update() > 0) {
			return; // a row this transaction inserted is locked until it commits: a concurrent insert waits for it
		}
		jdbc.sql("SELECT patient_id FROM analytics_pair_locks WHERE patient_id = ? AND clinician_id = ? FOR UPDATE")
			.params(patientId, clinicianId).query(Long.class).single();
	}

	private void store(long patientId, long clinicianId, long centre, boolean exists, Visits is) {
		if (is.visits() == 0) {
			jdbc.sql("DELETE FROM analytics_pair_visits WHERE patient_id = ? AND clinician_id = ? AND centre_key = ?")
				.params(patientId, clinicianId, centre).update();
		}
		else if (exists) {
			jdbc.sql("""
					UPDATE analytics_pair_visits SET visits = ?, first_visit = ?
					WHERE patient_id = ? AND clinician_id = ? AND centre_key = ?""")
				.params(is.visits(), is.first(), patientId, clinicianId, centre).update();
		}
		else {
			jdbc.sql("""
					INSERT INTO analytics_pair_visits (patient_id, clinician_id, centre_key, visits, first_visit)
					VALUES (?, ?, ?, ?, ?)""")
				.params(patientId, clinicianId, centre, is.visits(), is.first()).update();
		}
	}

	private static long flag(boolean value) {
		return value ? 1 : 0;
	}
}
