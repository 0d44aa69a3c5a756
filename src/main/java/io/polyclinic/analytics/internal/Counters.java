package io.polyclinic.analytics.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds deltas to the kept counters. Each counter row is made to exist first (INSERT ... ON CONFLICT DO NOTHING, which
 * H2 and PostgreSQL both read) and then raised by an UPDATE, whose row lock makes concurrent additions take turns:
 * an upsert that H2 and PostgreSQL spell alike and that no concurrent writer can lose an addition to.
 */
@Component
class Counters {

	private final JdbcClient jdbc;

	Counters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void centre(long centreKey, long appointments, long firstVisits) {
		jdbc.sql("""
				INSERT INTO analytics_centre_totals (centre_key, appointments, first_visits) VALUES (?, 0, 0)
				ON CONFLICT DO NOTHING""").param(centreKey).update();
		jdbc.sql("""
				UPDATE analytics_centre_totals SET appointments = appointments + ?, first_visits = first_visits + ?
				WHERE centre_key = ?""").params(appointments, firstVisits, centreKey).update();
	}

	void clinicianVisits(long clinicianId, long centreKey, long appointments) {
		jdbc.sql("""
				INSERT INTO analytics_clinician_totals (clinician_id, centre_key, appointments) VALUES (?, ?, 0)
				ON CONFLICT DO NOTHING""").params(clinicianId, centreKey).update();
		jdbc.sql("""
				UPDATE analytics_clinician_totals SET appointments = appointments + ?
				WHERE clinician_id = ? AND centre_key = ?""").params(appointments, clinicianId, centreKey).update();
	}

	void day(String currency, long centreKey, LocalDate utcDay, long amountMinor) {
		jdbc.sql("""
				INSERT INTO analytics_money_days (currency, centre_key, utc_day, amount_minor) VALUES (?, ?, ?, 0)
				ON CONFLICT DO NOTHING""").params(currency, centreKey, utcDay).update();
		jdbc.sql("""
				UPDATE analytics_money_days SET amount_minor = amount_minor + ?
				WHERE currency = ? AND centre_key = ? AND utc_day = ?""")
			.params(amountMinor, currency, centreKey, utcDay).update();
	}

	void clinicianMoney(long clinicianId, long centreKey, String currency, long amountMinor) {
		jdbc.sql("""
				INSERT INTO analytics_clinician_money (clinician_id, centre_key, currency, amount_minor)
				VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""").params(clinicianId, centreKey, currency).update();
		jdbc.sql("""
				UPDATE analytics_clinician_money SET amount_minor = amount_minor + ?
				WHERE clinician_id = ? AND centre_key = ? AND currency = ?""")
			.params(amountMinor, clinicianId, centreKey, currency).update();
	}
}
