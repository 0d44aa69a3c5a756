package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.EncounterQuery;
import io.polyclinic.clinical.EncounterType;
import io.polyclinic.directory.Reach;

/**
 * Encounters listed in SQL: filtered, limited to the caller's reach, ordered and paged in one statement that also
 * counts them, with each patient's account from the directory's patients.
 */
@Component
public class EncounterRows {

	private final JdbcClient jdbc;

	EncounterRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of encounters and the number of encounters of all pages (known only when the page is not empty). */
	public record Page(List<Encounter> encounters, long total) {
	}

	public Page page(Reach reach, EncounterQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String direction = query.descending() ? " DESC" : "";
		String order = switch (query.order()) {
			case CREATED_AT -> "e.created_at" + direction + ", e.id" + direction;
			case UPDATED_AT -> "e.updated_at" + direction + ", e.id" + direction;
		};
		String sql = "SELECT e.*, p.user_id AS patient_user_id, COUNT(*) OVER () AS total FROM encounters e"
				+ " JOIN patients p ON p.id = e.patient_id WHERE " + where(reach, query, params) + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<Encounter> found = jdbc.sql(sql).params(params).query((rs, i) -> {
			totals.add(rs.getLong("total"));
			return encounter(rs);
		}).list();
		return new Page(found, totals.isEmpty() ? 0 : totals.get(0));
	}

	/** How many distinct patients the clinician has an encounter with: counted on its (clinician, patient) index. */
	public long patientsOf(long clinicianId) {
		return jdbc.sql("SELECT COUNT(DISTINCT patient_id) FROM encounters WHERE clinician_id = ?").param(clinicianId)
			.query(Long.class).single();
	}

	/** How many encounters match: for a page past the last one, which counts nothing itself. */
	public long count(Reach reach, EncounterQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM encounters e JOIN patients p ON p.id = e.patient_id WHERE "
				+ where(reach, query, params)).params(params).query(Long.class).single();
	}

	private static String where(Reach reach, EncounterQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		ReachSql.narrow(reach, "e.patient_id", conditions, params);
		condition(conditions, params, "e.patient_id = ?", query.patientId());
		condition(conditions, params, "e.clinician_id = ?", query.clinicianId());
		condition(conditions, params, "e.appointment_id = ?", query.appointmentId());
		condition(conditions, params, "e.encounter_type = ?", query.type() == null ? null : query.type().name());
		if (query.search() != null && !query.search().isBlank()) {
			String text = ReachSql.contains(query.search());
			conditions.add("(LOWER(e.chief_complaint) LIKE ? ESCAPE '\\' OR LOWER(e.assessment) LIKE ? ESCAPE '\\'"
					+ " OR EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id AND LOWER(u.full_name) LIKE ? ESCAPE '\\'))");
			params.add(text);
			params.add(text);
			params.add(text);
		}
		return String.join(" AND ", conditions);
	}

	private static void condition(List<String> conditions, List<Object> params, String condition,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.add(value);
		}
	}

	private static Encounter encounter(ResultSet rs) throws SQLException {
		return new Encounter(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("appointment_id"),
				rs.getLong("patient_id"), rs.getLong("patient_user_id"), rs.getLong("clinician_id"),
				rs.getLong("author_user_id"), EncounterType.valueOf(rs.getString("encounter_type")),
				rs.getString("chief_complaint"), rs.getString("history_of_present_illness"),
				rs.getString("vital_signs"), rs.getString("physical_examination"), rs.getString("assessment"),
				Json.strings(rs.getString("diagnosis_codes")), rs.getString("plan"), rs.getString("clinical_notes"),
				rs.getString("follow_up_instructions"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
