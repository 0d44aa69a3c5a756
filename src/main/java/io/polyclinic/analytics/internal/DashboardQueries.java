package io.polyclinic.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.analytics.AdminDashboard.Stats;

/**
 * The admin dashboard's SQL: counts with their conditions in the statement (one per table), and payments grouped by
 * UTC day, currency and status. The counts use the same conditions as the lists they total: people not deleted,
 * clinicians whose account is not deleted, appointments not removed, records not deleted.
 */
@Component
public class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One UTC day's payments in one currency: made, settled (and their net amount), failed, waiting. */
	public record DayOfPayments(LocalDate day, String currency, long count, long successful, long settledMinor,
			long failed, long pending) {
	}

	public Stats stats() {
		long[] users = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0)
				FROM users WHERE deleted_at IS NULL""").query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long[] doctors = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN c.listed THEN 1 ELSE 0 END), 0)
				FROM clinicians c JOIN users u ON u.id = c.user_id
				WHERE c.deleted_at IS NULL AND u.deleted_at IS NULL""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		long[] appointments = jdbc.sql("""
				SELECT COUNT(*),
				  COALESCE(SUM(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status IN ('CANCELLED', 'NO_SHOW') THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0)
				FROM appointments WHERE removed_at IS NULL""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.single();
		long[] payments = jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN status = 'PAID' AND refunded_minor = 0 THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'PAID' AND refunded_minor > 0 THEN 1 ELSE 0 END), 0)
				FROM payments""").query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
		Map<String, Long> revenue = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT currency, SUM(amount_minor - refunded_minor) FROM payments WHERE status = 'PAID'
				GROUP BY currency ORDER BY currency""").query((rs, i) -> revenue.put(rs.getString(1), rs.getLong(2)))
			.list();
		long[] records = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN shared_with_patient THEN 1 ELSE 0 END), 0)
				FROM medical_records WHERE deleted_at IS NULL""")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return new Stats(users[0], users[1], users[0] - users[1], doctors[0], doctors[1], appointments[0],
				appointments[1], appointments[2], appointments[3], appointments[4], revenue, payments[0], payments[1],
				payments[2], records[0], records[1]);
	}

	/** Payments made from {@code from} (inclusive) to {@code until} (exclusive), UTC days, in SQL groups. */
	public List<DayOfPayments> paymentsByDay(LocalDate from, LocalDate until) {
		return jdbc.sql("""
				SELECT CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS utc_day, currency, COUNT(*),
				  COALESCE(SUM(CASE WHEN status = 'PAID' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'PAID' THEN amount_minor - refunded_minor ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = 'CREATED' THEN 1 ELSE 0 END), 0)
				FROM payments WHERE created_at >= ? AND created_at < ?
				GROUP BY CAST(created_at AT TIME ZONE 'UTC' AS DATE), currency
				ORDER BY utc_day, currency""")
			.params(from.atStartOfDay().atOffset(ZoneOffset.UTC), until.atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, i) -> new DayOfPayments(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}
}
