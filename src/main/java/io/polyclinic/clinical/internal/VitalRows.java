package io.polyclinic.clinical.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.VitalMeasurements;
import io.polyclinic.clinical.VitalSigns;
import io.polyclinic.clinical.VitalSignsQuery;
import io.polyclinic.directory.Reach;

/**
 * Readings of vital signs read in SQL, each with its patient's account: one by id, a page filtered, kept within the
 * caller's reach, ordered and counted in one statement, a patient's latest reading and their number.
 */
@Component
public class VitalRows {

	private static final String SELECT = "SELECT v.*, p.user_id AS patient_user_id";
	private static final String FROM = " FROM vital_signs v JOIN patients p ON p.id = v.patient_id";

	private final JdbcClient jdbc;

	VitalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Page(List<VitalSigns> readings, long total) {
	}

	public Optional<VitalSigns> byId(long id) {
		return jdbc.sql(SELECT + FROM + " WHERE v.id = ?").param(id).query((rs, i) -> reading(rs)).optional();
	}

	public Page page(Reach reach, VitalSignsQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String direction = query.descending() ? " DESC" : "";
		String sql = SELECT + ", COUNT(*) OVER () AS total" + FROM + " WHERE " + where(reach, query, params)
				+ " ORDER BY v.recorded_at" + direction + ", v.id" + direction + " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<VitalSigns> readings = jdbc.sql(sql).params(params).query((rs, i) -> {
			totals.add(rs.getLong("total"));
			return reading(rs);
		}).list();
		return new Page(readings, totals.isEmpty() ? 0 : totals.get(0));
	}

	public long count(Reach reach, VitalSignsQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*)" + FROM + " WHERE " + where(reach, query, params)).params(params)
			.query(Long.class).single();
	}

	public Optional<VitalSigns> latest(long patientId) {
		return jdbc.sql(SELECT + FROM + " WHERE v.patient_id = ? ORDER BY v.recorded_at DESC, v.id DESC LIMIT 1")
			.param(patientId).query((rs, i) -> reading(rs)).optional();
	}

	public long countOf(long patientId) {
		return jdbc.sql("SELECT COUNT(*) FROM vital_signs WHERE patient_id = ?").param(patientId).query(Long.class)
			.single();
	}

	private static String where(Reach reach, VitalSignsQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		ReachSql.narrow(reach, "v.patient_id", conditions, params);
		condition(conditions, params, "v.patient_id = ?", query.patientId());
		condition(conditions, params, "v.recorded_by_user_id = ?", query.recordedByUserId());
		condition(conditions, params, "v.recorded_at >= ?", utc(query.from()));
		condition(conditions, params, "v.recorded_at < ?", utc(query.to()));
		return String.join(" AND ", conditions);
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static void condition(List<String> conditions, List<Object> params, String condition,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.add(value);
		}
	}

	private static VitalSigns reading(ResultSet rs) throws SQLException {
		var values = new VitalMeasurements(rs.getObject("blood_pressure_systolic", Integer.class),
				rs.getObject("blood_pressure_diastolic", Integer.class), rs.getObject("heart_rate", Integer.class),
				decimal(rs, "temperature", 1), rs.getObject("respiratory_rate", Integer.class),
				rs.getObject("oxygen_saturation", Integer.class), decimal(rs, "weight", 2), decimal(rs, "height", 2),
				rs.getObject("pain_level", Integer.class), rs.getString("notes"));
		return new VitalSigns(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("patient_id"),
				rs.getLong("patient_user_id"), rs.getLong("recorded_by_user_id"), values, decimal(rs, "bmi", 1),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static @Nullable BigDecimal decimal(ResultSet rs, String column, int scale) {
		try {
			BigDecimal value = rs.getBigDecimal(column);
			return value == null ? null : value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
