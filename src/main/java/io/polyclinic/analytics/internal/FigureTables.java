package io.polyclinic.analytics.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every kept figure from the raw rows in a few set-based statements (those of migration V40), for rows
 * written without events: SQL seeding, repairs. Meant for a quiet moment: an event handled while it runs may be
 * counted from the old tables.
 */
@Component
public class FigureTables {

	private static final List<String> TABLES = List.of("analytics_pair_visits", "analytics_centre_totals",
			"analytics_clinician_totals", "analytics_money", "analytics_money_days", "analytics_clinician_money");

	private static final List<String> FILL = List.of("""
			INSERT INTO analytics_pair_visits (patient_id, clinician_id, centre_key, visits, first_visit)
			SELECT v.patient_id, v.clinician_id, v.centre_key, COUNT(*), MAX(CASE WHEN v.visit = 1 THEN 1 ELSE 0 END) = 1
			FROM (SELECT a.patient_id, a.clinician_id, COALESCE(a.centre_id, 0) AS centre_key,
			             ROW_NUMBER() OVER (PARTITION BY a.patient_id, a.clinician_id ORDER BY a.starts_at, a.id) AS visit
			      FROM appointments a WHERE a.status <> 'CANCELLED') v
			GROUP BY v.patient_id, v.clinician_id, v.centre_key""", """
			INSERT INTO analytics_centre_totals (centre_key, appointments, first_visits)
			SELECT centre_key, SUM(visits), SUM(CASE WHEN first_visit THEN 1 ELSE 0 END) FROM analytics_pair_visits
			GROUP BY centre_key""", """
			INSERT INTO analytics_clinician_totals (clinician_id, centre_key, appointments)
			SELECT clinician_id, centre_key, SUM(visits) FROM analytics_pair_visits GROUP BY clinician_id, centre_key""",
			MoneyLedger.INSERT + MoneyLedger.PAYMENTS, MoneyLedger.INSERT + MoneyLedger.REFUNDS, """
			INSERT INTO analytics_money_days (currency, centre_key, utc_day, amount_minor)
			SELECT currency, centre_key, CAST(occurred_at AT TIME ZONE 'UTC' AS DATE), SUM(amount_minor)
			FROM analytics_money GROUP BY currency, centre_key, CAST(occurred_at AT TIME ZONE 'UTC' AS DATE)""", """
			INSERT INTO analytics_clinician_money (clinician_id, centre_key, currency, amount_minor)
			SELECT clinician_id, centre_key, currency, SUM(amount_minor) FROM analytics_money
			GROUP BY clinician_id, centre_key, currency""");

	private final JdbcClient jdbc;

	FigureTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void rebuild() {
		TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
		FILL.forEach(statement -> jdbc.sql(statement).update());
	}
}
