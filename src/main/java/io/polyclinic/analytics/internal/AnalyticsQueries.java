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
 * handful of numbers, never the rows behind them. A centre filter is a fixed clause added to the statement, so that
 * no parameter is ever compared with NULL (which PostgreSQL cannot type).
 */
@Repository
public class AnalyticsQueries {

	/** Cancelled appointments count nowhere: they freed their slot and took no one's time. */
	private static final String NOT_CANCELLED = "a.status <> 'CANCELLED'";
	private static final String AT_CENTRE = " AND a.centre_id = :centreId";
	/** Payments of a centre: those of its appointments. */
	private static final String PAID_AT_CENTRE =
			" JOIN appointments a ON a.id = p.appointment_id WHERE a.centre_id = :centreId AND";
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
	 * first visit to each clinician is not a follow-up; every later one is.
	 */
	public long followUps(@Nullable Long centreId) {
		String sql = """
				SELECT COUNT(*) FROM appointments a
				WHERE %s%s AND EXISTS (SELECT 1 FROM appointments f
				  WHERE f.patient_id = a.patient_id AND f.clinician_id = a.clinician_id AND f.status <> 'CANCELLED'
				    AND (f.starts_at < a.starts_at OR (f.starts_at = a.starts_at AND f.id < a.id)))"""
			.formatted(NOT_CANCELLED, centreId == null ? "" : AT_CENTRE);
		return count(sql, centreId, Map.of());
	}

	/** The sum of PAID payments in the currency, in minor units; of a centre, for appointments there. */
	public long revenue(@Nullable Long centreId, String currency) {
		String sql = "SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p"
				+ (centreId == null ? " WHERE" : PAID_AT_CENTRE)
				+ " p.status = 'PAID' AND p.currency = :currency";
		return count(sql, centreId, Map.of("currency", currency));
	}

	/** Appointments, not cancelled, starting in [from, to). */
	public long appointmentsStarting(@Nullable Long centreId, Instant from, Instant to) {
		String sql = "SELECT COUNT(*) FROM appointments a WHERE " + NOT_CANCELLED + (centreId == null ? "" : AT_CENTRE)
				+ " AND a.starts_at >= :from AND a.starts_at < :to";
		return count(sql, centreId, Map.of("from", utc(from), "to", utc(to)));
	}

	/**
	 * Clinicians (not deleted) with at least one appointment, not cancelled, ranked by those appointments, then by
	 * the PAID revenue of their appointments, then by id. The rating is the mean of all their reviews.
	 */
	public List<DoctorRanking> topDoctors(@Nullable Long centreId, String currency, int limit) {
		String atCentre = centreId == null ? "" : AT_CENTRE;
		String sql = """
				SELECT c.id AS clinician_id, u.full_name AS clinician_name, n.appointments AS appointments,
				       COALESCE(r.revenue, 0) AS revenue, s.rating AS rating
				FROM (SELECT a.clinician_id, COUNT(*) AS appointments FROM appointments a
				      WHERE %s%s GROUP BY a.clinician_id) n
				JOIN clinicians c ON c.id = n.clinician_id
				JOIN users u ON u.id = c.user_id
				LEFT JOIN (SELECT a.clinician_id, SUM(p.amount_minor) AS revenue
				           FROM payments p JOIN appointments a ON a.id = p.appointment_id
				           WHERE p.status = 'PAID' AND p.currency = :currency%s GROUP BY a.clinician_id) r
				       ON r.clinician_id = c.id
				LEFT JOIN (SELECT v.clinician_id, AVG(CAST(v.rating AS DECIMAL(9, 4))) AS rating
				           FROM clinician_reviews v GROUP BY v.clinician_id) s
				       ON s.clinician_id = c.id
				WHERE c.deleted_at IS NULL
				ORDER BY n.appointments DESC, COALESCE(r.revenue, 0) DESC, c.id
				LIMIT :limit""".formatted(NOT_CANCELLED, atCentre, atCentre);
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

	/**
	 * PAID revenue in [boundaries[0], boundaries[n]) summed per bucket i = [boundaries[i], boundaries[i+1]). The
	 * bucket of a payment is found in SQL by comparing its instant with the boundaries — plain comparisons that H2
	 * and PostgreSQL read alike, and exact across daylight-saving changes, since the boundaries are the clinic's
	 * local midnights turned into instants. Buckets without payments are absent from the answer.
	 */
	public Map<Integer, Long> revenueByBucket(@Nullable Long centreId, String currency, List<Instant> boundaries) {
		int buckets = boundaries.size() - 1;
		StringBuilder bucket = new StringBuilder("CASE");
		for (int i = 1; i < buckets; i++) {
			bucket.append(" WHEN p.paid_at < :b").append(i).append(" THEN ").append(i - 1);
		}
		bucket.append(" ELSE ").append(buckets - 1).append(" END");
		String sql = "SELECT t.bucket AS bucket, SUM(t.amount_minor) AS revenue FROM (SELECT " + bucket
				+ " AS bucket, p.amount_minor FROM payments p"
				+ (centreId == null ? " WHERE" : PAID_AT_CENTRE)
				+ " p.status = 'PAID' AND p.currency = :currency AND p.paid_at >= :from AND p.paid_at < :to) t"
				+ " GROUP BY t.bucket";
		var statement = jdbc.sql(sql).param("currency", currency).param("from", utc(boundaries.get(0)))
			.param("to", utc(boundaries.get(buckets)));
		for (int i = 1; i < buckets; i++) {
			statement = statement.param("b" + i, utc(boundaries.get(i)));
		}
		if (centreId != null) {
			statement = statement.param("centreId", centreId);
		}
		Map<Integer, Long> revenue = new HashMap<>();
		statement.query(rs -> {
			revenue.put(rs.getInt("bucket"), rs.getLong("revenue"));
		});
		return revenue;
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
