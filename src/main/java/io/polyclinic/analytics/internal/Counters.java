package io.polyclinic.analytics.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds deltas to the kept counters, as an upsert that H2 and PostgreSQL spell alike and that no concurrent writer can
 * lose an addition to: an UPDATE first (the row exists almost always, so that is one statement); when it found no row,
 * an INSERT of the delta that gives way to a concurrent one (ON CONFLICT DO NOTHING); and when that gave way, the
 * UPDATE again, now that the row is there. The UPDATE's row lock makes concurrent additions take turns.
 */
@Component
class Counters {

	private final JdbcClient jdbc;

	Counters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void centre(long centreKey, long appointments, long firstVisits) {
		add("""
				UPDATE analytics_centre_totals SET appointments = appointments + ?, first_visits = first_visits + ?
				WHERE centre_key = ?""", List.of(appointments, firstVisits, centreKey), """
				INSERT INTO analytics_centre_totals (centre_key, appointments, first_visits) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""", List.of(centreKey, appointments, firstVisits));
	}

	void clinicianVisits(long clinicianId, long centreKey, long appointments) {
		add("""
				UPDATE analytics_clinician_totals SET appointments = appointments + ?
				WHERE clinician_id = ? AND centre_key = ?""", List.of(appointments, clinicianId, centreKey), """
				INSERT INTO analytics_clinician_totals (clinician_id, centre_key, appointments) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""", List.of(clinicianId, centreKey, appointments));
	}

	void day(String currency, long centreKey, LocalDate utcDay, long amountMinor) {
		add("""
				UPDATE analytics_money_days SET amount_minor = amount_minor + ?
				WHERE currency = ? AND centre_key = ? AND utc_day = ?""",
				List.of(amountMinor, currency, centreKey, utcDay), """
				INSERT INTO analytics_money_days (currency, centre_key, utc_day, amount_minor) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", List.of(currency, centreKey, utcDay, amountMinor));
	}

	void clinicianMoney(long clinicianId, long centreKey, String currency, long amountMinor) {
		add("""
				UPDATE analytics_clinician_money SET amount_minor = amount_minor + ?
				WHERE clinician_id = ? AND centre_key = ? AND currency = ?""",
				List.of(amountMinor, clinicianId, centreKey, currency), """
				INSERT INTO analytics_clinician_money (clinician_id, centre_key, currency, amount_minor)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", List.of(clinicianId, centreKey, currency, amountMinor));
	}

	private void add(String update, List<?> updateParams, String insert, List<?> insertParams) {
		if (jdbc.sql(update).params(updateParams).update() > 0) {
			return;
		}
		if (jdbc.sql(insert).params(insertParams).update() > 0) {
			return;
		}
		// another transaction made the row between our two statements: add to theirs
		jdbc.sql(update).params(updateParams).update();
	}
}
