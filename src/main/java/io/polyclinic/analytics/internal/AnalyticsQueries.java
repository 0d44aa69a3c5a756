package io.polyclinic.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.polyclinic.analytics.DoctorRanking;

/**
 * The dashboard's SQL. Every figure is aggregated by the database (COUNT, SUM, AVG, GROUP BY); what comes back is a
 * handful of numbers, never the rows behind them. Follow-ups, revenue and rankings read the totals kept by
 * {@link FigureKeeper}; counts of patients, doctors, leads and of a period's appointments read the clinic's tables on
 * their indexes. A centre filter is a fixed clause added to the statement, so that
 * no parameter is ever compared with NULL (which PostgreSQL cannot type).
 */
@Repository
public class AnalyticsQueries {

	/** Cancelled appointments count nowhere: they freed their slot and took no one's time. */
	private static final String NOT_CANCELLED = "a.status <> 'CANCELLED'";
	private static final String AT_CENTRE = " AND a.centre_id = :centreId";
	/** A patient of a centre: one with an appointment there, in any state. */
	private static final String CAME_TO_CENTRE =
			" AND EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.centre_id = :centreId)";

	private final JdbcClient jdbc;

	AnalyticsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Patients whose account is not deleted; of a centre, those with an appointment (in any state) there. */
	public long patients(@Nullable Long centreId) {
		String sql = """
				SELECT COUNT(*) FROM patients p JOIN users u ON u.id = p.user_id
				WHERE u.deleted_at IS NULL""" + (centreId == null ? "" : CAME_TO_CENTRE);
		return count(sql, centreId, Map.of());
	}

	/** Active clinicians who are not deleted; of a centre, those whose primary centre it is. */
	public long doctors(@Nullable Long centreId) {
		String sql = "SELECT COUNT(*) FROM clinicians c WHERE c.active = TRUE AND c.deleted_at IS NULL"
				+ (centreId == null ? "" : " AND c.primary_centre_id = :centreId");
		return count(sql, centreId, Map.of());
	}

	/**
	 * Follow-ups: appointments, not cancelled, for which the same patient has an earlier appointment, not cancelled,
	 * with the same clinician (at any centre; "earlier" by start, then by id for two at one instant). A patient's
	 * first visit to each clinician is not a follow-up; every later one is: the kept visits less the kept first
	 * visits, summed over a handful of centre rows.
	 */
	public long followUps(@Nullable Long centreId) {
		String sql = "SELECT COALESCE(SUM(appointments - first_visits), 0) FROM analytics_centre_totals"
				+ (centreId == null ? "" : " WHERE centre_key = :centreId");
		return count(sql, centreId, Map.of());
	}

	/** Settled payments less processed refunds in the currency, in minor units; of a centre, of appointments there. */
	public long revenue(@Nullable Long centreId, String currency) {
		String sql = "SELECT COALESCE(SUM(amount_minor), 0) FROM analytics_clinician_money WHERE currency = :currency"
				+ (centreId == null ? "" : " AND centre_key = :centreId");
		return count(sql, centreId, Map.of("currency", currency));
	}

	/** Appointments, not cancelled, starting from {@code from} (included) to {@code to} (excluded). */
	public long appointmentsStarting(@Nullable Long centreId, Instant from, Instant to) {
		String sql = "SELECT COUNT(*) FROM appointments a WHERE " + NOT_CANCELLED + (centreId == null ? "" : AT_CENTRE)
				+ " AND a.starts_at >= :from AND a.starts_at < :to";
		return count(sql, centreId, Map.of("from", utc(from), "to", utc(to)));
	}

	/** Patients registered from {@code from} (included) to {@code to} (excluded), as {@link #patients} counts them. */
	public long patientsRegistered(@Nullable Long centreId, Instant from, Instant to) {
		String sql = """
				SELECT COUNT(*) FROM patients p JOIN users u ON u.id = p.user_id
				WHERE u.deleted_at IS NULL AND p.created_at >= :from AND p.created_at < :to"""
				+ (centreId == null ? "" : CAME_TO_CENTRE);
		return count(sql, centreId, Map.of("from", utc(from), "to", utc(to)));
	}

	/** Clinicians who joined in the window, as {@link #doctors} counts them. */
	public long doctorsJoined(@Nullable Long centreId, Instant from, Instant to) {
		String sql = "SELECT COUNT(*) FROM clinicians c WHERE c.active = TRUE AND c.deleted_at IS NULL"
				+ " AND c.created_at >= :from AND c.created_at < :to"
				+ (centreId == null ? "" : " AND c.primary_centre_id = :centreId");
		return count(sql, centreId, Map.of("from", utc(from), "to", utc(to)));
	}

	/**
	 * Follow-ups booked in the window: appointments made then, not cancelled, with an earlier one, not cancelled, of
	 * the same patient and clinician (as {@link #followUps} counts them); the window's appointments are found on
	 * their creation index, each one's predecessor on the patient-clinician index.
	 */
	public long followUpsBooked(@Nullable Long centreId, Instant from, Instant to) {
		String sql = "SELECT COUNT(*) FROM appointments a WHERE " + NOT_CANCELLED + (centreId == null ? "" : AT_CENTRE)
				+ " AND a.created_at >= :from AND a.created_at < :to"
				+ " AND EXISTS (SELECT 1 FROM appointments b WHERE b.patient_id = a.patient_id"
				+ " AND b.clinician_id = a.clinician_id AND b.status <> 'CANCELLED'"
				+ " AND (b.starts_at < a.starts_at OR (b.starts_at = a.starts_at AND b.id < a.id)))";
		return count(sql, centreId, Map.of("from", utc(from), "to", utc(to)));
	}

	/**
	 * Clinicians (not deleted) with at least one appointment, not cancelled, ranked by those appointments, then by
	 * the revenue of their appointments (payments less refunds), then by id: an ORDER BY ... LIMIT over the kept
	 * per-clinician totals. The rating, the mean of all their reviews, is read for the ranked few only.
	 */
	public List<DoctorRanking> topDoctors(@Nullable Long centreId, String currency, int limit) {
		String atCentre = centreId == null ? "" : " AND centre_key = :centreId";
		String sql = """
				SELECT t.clinician_id AS clinician_id, u.full_name AS clinician_name, t.appointments AS appointments,
				       t.revenue AS revenue,
				       (SELECT AVG(CAST(v.rating AS DECIMAL(9, 4))) FROM clinician_reviews v
				        WHERE v.clinician_id = t.clinician_id) AS rating
				FROM (SELECT n.clinician_id, n.appointments, COALESCE(r.revenue, 0) AS revenue
				      FROM (SELECT clinician_id, SUM(appointments) AS appointments FROM analytics_clinician_totals
				            WHERE appointments > 0%s GROUP BY clinician_id) n
				      JOIN clinicians c ON c.id = n.clinician_id
				      LEFT JOIN (SELECT clinician_id, SUM(amount_minor) AS revenue FROM analytics_clinician_money
				                 WHERE currency = :currency%s GROUP BY clinician_id) r ON r.clinician_id = n.clinician_id
				      WHERE c.deleted_at IS NULL
				      ORDER BY n.appointments DESC, COALESCE(r.revenue, 0) DESC, n.clinician_id
				      LIMIT :limit) t
				JOIN clinicians c ON c.id = t.clinician_id
				JOIN users u ON u.id = c.user_id
				ORDER BY t.appointments DESC, t.revenue DESC, t.clinician_id""".formatted(atCentre, atCentre);
		var statement = jdbc.sql(sql).param("currency", currency).param("limit", limit);
		if (centreId != null) {
			statement = statement.param("centreId", centreId);
		}
		return statement.query((rs, i) -> {
			BigDecimal rating = rs.getBigDecimal("rating");
			return new DoctorRanking(rs.getLong("clinician_id"), rs.getString("clinician_name"),
					rs.getLong("appointments"), rs.getLong("revenue"),
					rating == null ? null : rating.setScale(1, RoundingMode.HALF_UP));
		}).list();
	}

	/** Patients (account not deleted) per stored lead source; of a centre, those with an appointment there. */
	public Map<String, Long> leadsBySource(@Nullable Long centreId) {
		String sql = """
				SELECT p.lead_source AS source, COUNT(*) AS patients FROM patients p JOIN users u ON u.id = p.user_id
				WHERE u.deleted_at IS NULL""" + (centreId == null ? "" : CAME_TO_CENTRE) + " GROUP BY p.lead_source";
		var statement = jdbc.sql(sql);
		if (centreId != null) {
			statement = statement.param("centreId", centreId);
		}
		Map<String, Long> counts = new HashMap<>();
		statement.query(rs -> {
			counts.merge(rs.getString("source"), rs.getLong("patients"), Long::sum);
		});
		return counts;
	}

	private long count(String sql, @Nullable Long centreId, Map<String, ?> params) {
		var statement = jdbc.sql(sql).params(params);
		if (centreId != null) {
			statement = statement.param("centreId", centreId);
		}
		Number value = statement.query(Number.class).single();
		return value == null ? 0 : value.longValue();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
