package io.polyclinic.clinical.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.GlucosePeriod;
import io.polyclinic.clinical.GlucoseReading;
import io.polyclinic.clinical.GlucoseStatistics;
import io.polyclinic.clinical.GlucoseUnit;

/**
 * A patient's glucose readings listed and summed up in SQL, on the (patient, measured at) index: pages with their
 * total, date ranges, and every statistic on the mg/dL column, rounded half up to one decimal by the database.
 */
@Component
public class GlucoseRows {

	private static final String WHERE = " FROM glucose_readings WHERE patient_id = ? AND measured_at >= ?";

	private final JdbcClient jdbc;

	GlucoseRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of readings and the number of readings of all pages (known only when the page is not empty). */
	public record Page(List<GlucoseReading> readings, long total) {
	}

	/** The patient's readings, newest first. */
	public Page page(long patientId, UUID patientAccountId, long offset, int limit) {
		List<Long> totals = new ArrayList<>();
		List<GlucoseReading> readings = jdbc.sql("""
				SELECT r.*, COUNT(*) OVER () AS total FROM glucose_readings r WHERE r.patient_id = ?
				ORDER BY r.measured_at DESC, r.id DESC LIMIT ? OFFSET ?""")
			.params(patientId, limit, offset)
			.query((rs, i) -> {
				totals.add(rs.getLong("total"));
				return reading(rs, patientAccountId);
			})
			.list();
		return new Page(readings, totals.isEmpty() ? 0 : totals.get(0));
	}

	/** How many readings the patient has: for a page past the last one, which counts nothing itself. */
	public long count(long patientId) {
		return jdbc.sql("SELECT COUNT(*) FROM glucose_readings WHERE patient_id = ?").param(patientId)
			.query(Long.class).single();
	}

	/** The readings measured from {@code start} to {@code end}, both included, newest first, at most {@code limit}. */
	public List<GlucoseReading> between(long patientId, UUID patientAccountId, Instant start, Instant end, int limit) {
		return jdbc.sql("""
				SELECT r.* FROM glucose_readings r WHERE r.patient_id = ? AND r.measured_at >= ? AND r.measured_at <= ?
				ORDER BY r.measured_at DESC, r.id DESC LIMIT ?""")
			.params(patientId, utc(start), utc(end), limit)
			.query((rs, i) -> reading(rs, patientAccountId))
			.list();
	}

	/** Average, lowest, highest and count of the readings measured since {@code since}; zeros when there are none. */
	public GlucoseStatistics.Summary summary(long patientId, Instant since) {
		return jdbc.sql("SELECT COUNT(*) AS n, ROUND(AVG(mg_per_dl), 1) AS average, ROUND(MIN(mg_per_dl), 1) AS lowest,"
				+ " ROUND(MAX(mg_per_dl), 1) AS highest" + WHERE)
			.params(patientId, utc(since))
			.query((rs, i) -> new GlucoseStatistics.Summary(figure(rs, "average"), figure(rs, "lowest"),
					figure(rs, "highest"), rs.getLong("n")))
			.single();
	}

	/** Readings below 70 mg/dL and above 180 mg/dL since {@code since}, and all of them. */
	public GlucoseStatistics.Alerts alerts(long patientId, Instant since) {
		return jdbc.sql("SELECT COUNT(*) AS n, COUNT(CASE WHEN mg_per_dl < 70 THEN 1 END) AS hypo,"
				+ " COUNT(CASE WHEN mg_per_dl > 180 THEN 1 END) AS hyper" + WHERE)
			.params(patientId, utc(since))
			.query((rs, i) -> new GlucoseStatistics.Alerts(rs.getLong("hypo"), rs.getLong("hyper"), rs.getLong("n")))
			.single();
	}

	/** The HbA1c the mean of the readings since {@code since} estimates (ADAG), from the unrounded mean. */
	public GlucoseStatistics.HbA1c hba1c(long patientId, Instant since) {
		return jdbc.sql("SELECT COUNT(*) AS n, ROUND(AVG(mg_per_dl), 1) AS average,"
				+ " ROUND((AVG(mg_per_dl) + 46.7) / 28.7, 1) AS hba1c" + WHERE)
			.params(patientId, utc(since))
			.query((rs, i) -> new GlucoseStatistics.HbA1c(figure(rs, "hba1c"), figure(rs, "average"), rs.getLong("n")))
			.single();
	}

	/** How many readings since {@code since} were below 70, within 70–180 (both included), above 180 mg/dL. */
	public GlucoseStatistics.TimeInRange timeInRange(long patientId, Instant since) {
		return jdbc.sql("""
				SELECT n, below, within, above, ROUND(100.0 * below / NULLIF(n, 0), 1) AS below_percent,
				  ROUND(100.0 * within / NULLIF(n, 0), 1) AS within_percent,
				  ROUND(100.0 * above / NULLIF(n, 0), 1) AS above_percent
				FROM (SELECT COUNT(*) AS n, COUNT(CASE WHEN mg_per_dl < 70 THEN 1 END) AS below,
				  COUNT(CASE WHEN mg_per_dl >= 70 AND mg_per_dl <= 180 THEN 1 END) AS within,
				  COUNT(CASE WHEN mg_per_dl > 180 THEN 1 END) AS above""" + WHERE + ") counted")
			.params(patientId, utc(since))
			.query((rs, i) -> new GlucoseStatistics.TimeInRange(figure(rs, "within_percent"),
					figure(rs, "above_percent"), figure(rs, "below_percent"), rs.getLong("within"),
					rs.getLong("above"), rs.getLong("below"), rs.getLong("n")))
			.single();
	}

	/**
	 * The readings since {@code since} grouped by the calendar day they were measured on in {@code zone}, oldest day
	 * first. The day's fields are read from the instant at the zone ({@code AT TIME ZONE}), which H2 and PostgreSQL
	 * both answer by the zone's rules; a cast to DATE would be at the session's zone on H2.
	 */
	public List<GlucoseStatistics.Day> days(long patientId, Instant since, ZoneId zone) {
		return jdbc.sql("""
				SELECT y, m, d, COUNT(*) AS n, ROUND(AVG(mg_per_dl), 1) AS average, ROUND(MIN(mg_per_dl), 1) AS lowest,
				  ROUND(MAX(mg_per_dl), 1) AS highest
				FROM (SELECT EXTRACT(YEAR FROM local_time) AS y, EXTRACT(MONTH FROM local_time) AS m,
				    EXTRACT(DAY FROM local_time) AS d, mg_per_dl
				  FROM (SELECT measured_at AT TIME ZONE ? AS local_time, mg_per_dl""" + WHERE + """
				) zoned) dated
				GROUP BY y, m, d ORDER BY y, m, d""")
			.params(zone.getId(), patientId, utc(since))
			.query((rs, i) -> new GlucoseStatistics.Day(LocalDate.of(rs.getInt("y"), rs.getInt("m"), rs.getInt("d")),
					figure(rs, "average"), figure(rs, "lowest"), figure(rs, "highest"), rs.getLong("n")))
			.list();
	}

	/**
	 * The mean of the readings since {@code split} against the mean of those from {@code since} to {@code split}:
	 * a difference of at most 5 mg/dL either way is stable (±5, as the product defines it), a lower mean improving, a higher one worsening. Without
	 * readings in either stretch there is no trend: stable, all zeros.
	 */
	public GlucoseStatistics.Trend trend(long patientId, Instant since, Instant split) {
		return jdbc.sql("""
				SELECT latest_n, earlier_n, ROUND(latest, 1) AS latest, ROUND(earlier, 1) AS earlier,
				  ROUND(latest - earlier, 1) AS difference,
				  CASE WHEN ABS(latest - earlier) <= 5 THEN 'STABLE' WHEN latest < earlier THEN 'IMPROVING'
				    ELSE 'WORSENING' END AS direction
				FROM (SELECT COUNT(CASE WHEN measured_at >= ? THEN 1 END) AS latest_n,
				    AVG(CASE WHEN measured_at >= ? THEN mg_per_dl END) AS latest,
				    COUNT(CASE WHEN measured_at < ? THEN 1 END) AS earlier_n,
				    AVG(CASE WHEN measured_at < ? THEN mg_per_dl END) AS earlier""" + WHERE + ") averaged")
			.params(utc(split), utc(split), utc(split), utc(split), patientId, utc(since))
			.query((rs, i) -> rs.getLong("latest_n") == 0 || rs.getLong("earlier_n") == 0
					? GlucoseStatistics.Trend.NONE
					: new GlucoseStatistics.Trend(GlucoseStatistics.Direction.valueOf(rs.getString("direction")),
							figure(rs, "difference"), figure(rs, "latest"), figure(rs, "earlier")))
			.single();
	}

	private static GlucoseReading reading(ResultSet rs, UUID patientAccountId) throws SQLException {
		String period = rs.getString("period");
		return new GlucoseReading(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("patient_id"),
				patientAccountId, rs.getBigDecimal("reading_value"),
				GlucoseUnit.of(rs.getString("unit")).orElseThrow(), rs.getBigDecimal("mg_per_dl"),
				instant(rs, "measured_at"), period == null ? null : GlucosePeriod.valueOf(period),
				rs.getString("note"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	/** A figure to one decimal, as rounded by the database; none (no readings) is zero. */
	private static BigDecimal figure(ResultSet rs, String column) throws SQLException {
		@Nullable BigDecimal value = rs.getBigDecimal(column);
		return (value == null ? BigDecimal.ZERO : value).setScale(1, RoundingMode.HALF_UP);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
