package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.MedicalRecord;
import io.polyclinic.clinical.MedicalRecordQuery;
import io.polyclinic.clinical.RecordType;
import io.polyclinic.directory.Reach;

/**
 * Medical records listed in SQL: filtered, limited to the caller's reach, ordered and paged in one statement that
 * also counts them. The reach reads the directory's care links and centre enrolments (upstream of clinical), the
 * same rows the access policy answers from.
 */
@Component
public class MedicalEntryRows {

	private final JdbcClient jdbc;

	MedicalEntryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of records and the number of records of all pages (known only when the page is not empty). */
	public record Page(List<MedicalRecord> records, long total) {
	}

	public Page page(Reach reach, MedicalRecordQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String direction = query.descending() ? " DESC" : "";
		String order = switch (query.order()) {
			case CREATED_AT -> "r.created_at" + direction + ", r.id" + direction;
			case UPDATED_AT -> "r.updated_at" + direction + ", r.id" + direction;
			case TITLE -> "LOWER(r.title)" + direction + ", r.id" + direction;
		};
		String sql = "SELECT r.*, COUNT(*) OVER () AS total FROM medical_records r WHERE " + where(reach, query, params)
				+ " ORDER BY " + order + " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<MedicalRecord> records = jdbc.sql(sql).params(params).query((rs, i) -> {
			totals.add(rs.getLong("total"));
			return record(rs);
		}).list();
		return new Page(records, totals.isEmpty() ? 0 : totals.get(0));
	}

	/** How many records match: for a page past the last one, which counts nothing itself. */
	public long count(Reach reach, MedicalRecordQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM medical_records r WHERE " + where(reach, query, params)).params(params)
			.query(Long.class).single();
	}

	private static String where(Reach reach, MedicalRecordQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("r.deleted_at IS NULL");
		switch (reach.kind()) {
			case CLINIC -> {
			}
			case CENTRE -> condition(conditions, params,
					"r.patient_id IN (SELECT pc.patient_id FROM patient_centres pc WHERE pc.centre_id = ?)",
					Objects.requireNonNull(reach.centreId()));
			case PATIENT -> {
				condition(conditions, params, "r.patient_id = ?", Objects.requireNonNull(reach.patientId()));
				conditions.add("r.shared_with_patient = TRUE");
			}
			case CLINICIAN -> condition(conditions, params,
					"r.patient_id IN (SELECT cl.patient_id FROM care_links cl WHERE cl.clinician_id = ?)",
					Objects.requireNonNull(reach.clinicianId()));
			case NONE -> throw new IllegalArgumentException("No records for a caller who reaches nothing");
		}
		condition(conditions, params, "r.patient_id = ?", query.patientId());
		condition(conditions, params, "r.clinician_id = ?", query.clinicianId());
		condition(conditions, params, "r.appointment_id = ?", query.appointmentId());
		condition(conditions, params, "r.record_type = ?", query.type() == null ? null : query.type().name());
		return String.join(" AND ", conditions);
	}

	private static void condition(List<String> conditions, List<Object> params, String condition,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.add(value);
		}
	}

	private static MedicalRecord record(ResultSet rs) throws SQLException {
		return new MedicalRecord(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("patient_id"),
				rs.getLong("clinician_id"), rs.getObject("appointment_id", Long.class),
				RecordType.valueOf(rs.getString("record_type")), rs.getString("title"), rs.getString("description"),
				rs.getString("diagnosis"), rs.getString("medications"), rs.getString("lab_results"),
				rs.getString("attachments"), rs.getString("notes"), rs.getBoolean("shared_with_patient"),
				rs.getLong("author_user_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
