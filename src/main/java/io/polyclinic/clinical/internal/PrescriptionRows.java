package io.polyclinic.clinical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.Prescription;
import io.polyclinic.clinical.PrescriptionQuery;
import io.polyclinic.clinical.PrescriptionStatus;
import io.polyclinic.directory.Reach;

/**
 * Prescriptions listed in SQL: filtered, limited to the caller's reach, ordered and paged in one statement that also
 * counts them; then the medicines of that page's prescriptions in one more.
 */
@Component
public class PrescriptionRows {

	private final JdbcClient jdbc;

	PrescriptionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of prescriptions and the number of all pages' (known only when the page is not empty). */
	public record Page(List<Prescription> prescriptions, long total) {
	}

	public Page page(Reach reach, PrescriptionQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String direction = query.descending() ? " DESC" : "";
		String order = switch (query.order()) {
			case CREATED_AT -> "r.created_at" + direction;
			case UPDATED_AT -> "r.updated_at" + direction;
			case PRESCRIPTION_DATE -> "r.prescription_date" + direction + ", r.created_at" + direction;
			case VALID_UNTIL -> "r.valid_until" + direction + ", r.created_at" + direction;
		} + ", r.id" + direction;
		String sql = "SELECT r.*, p.user_id AS patient_user_id, COUNT(*) OVER () AS total FROM prescriptions r"
				+ " JOIN patients p ON p.id = r.patient_id WHERE " + where(reach, query, params) + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<Row> found = jdbc.sql(sql).params(params).query((rs, i) -> {
			totals.add(rs.getLong("total"));
			return row(rs);
		}).list();
		Map<Long, List<Medication>> medications = medicationsOf(found.stream().map(Row::id).toList());
		List<Prescription> prescriptions = found.stream()
			.map(row -> row.with(medications.getOrDefault(row.id(), List.of())))
			.toList();
		return new Page(prescriptions, totals.isEmpty() ? 0 : totals.get(0));
	}

	/**
	 * The medicines of a patient's active prescriptions valid on {@code today}, newest prescription first and in the
	 * order written: one indexed look-up of the patient's prescriptions.
	 */
	public List<Medication> activeMedications(long patientId, java.time.LocalDate today, int limit) {
		return jdbc.sql("""
				SELECT i.* FROM prescriptions r JOIN prescription_items i ON i.prescription_id = r.id
				WHERE r.patient_id = ? AND r.status = 'ACTIVE' AND r.valid_until >= ?
				ORDER BY r.created_at DESC, r.id DESC, i.line_number LIMIT ?""")
			.params(patientId, today, limit)
			.query((rs, i) -> new Medication(rs.getString("name"), rs.getString("dosage"), rs.getString("frequency"),
					rs.getString("duration"), rs.getString("instructions"), rs.getString("category")))
			.list();
	}

	/** How many prescriptions match: for a page past the last one, which counts nothing itself. */
	public long count(Reach reach, PrescriptionQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM prescriptions r JOIN patients p ON p.id = r.patient_id WHERE "
				+ where(reach, query, params)).params(params).query(Long.class).single();
	}

	private Map<Long, List<Medication>> medicationsOf(List<Long> prescriptions) {
		if (prescriptions.isEmpty()) {
			return Map.of();
		}
		String marks = String.join(", ", Collections.nCopies(prescriptions.size(), "?"));
		Map<Long, List<Medication>> medications = new HashMap<>();
		jdbc.sql("SELECT * FROM prescription_items WHERE prescription_id IN (" + marks
				+ ") ORDER BY prescription_id, line_number")
			.params(new ArrayList<Object>(prescriptions))
			.query((ResultSet rs) -> {
				medications.computeIfAbsent(rs.getLong("prescription_id"), id -> new ArrayList<>())
					.add(new Medication(rs.getString("name"), rs.getString("dosage"), rs.getString("frequency"),
							rs.getString("duration"), rs.getString("instructions"), rs.getString("category")));
			});
		return medications;
	}

	private static String where(Reach reach, PrescriptionQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		ReachSql.narrow(reach, "r.patient_id", conditions, params);
		condition(conditions, params, "r.patient_id = ?", query.patientId());
		condition(conditions, params, "r.clinician_id = ?", query.clinicianId());
		condition(conditions, params, "r.encounter_id = ?", query.encounterId());
		condition(conditions, params, "r.appointment_id = ?", query.appointmentId());
		condition(conditions, params, "r.status = ?", query.status() == null ? null : query.status().name());
		if (query.search() != null && !query.search().isBlank()) {
			String text = ReachSql.contains(query.search());
			conditions.add("(LOWER(r.diagnosis) LIKE ? ESCAPE '\\'"
					+ " OR EXISTS (SELECT 1 FROM prescription_items i WHERE i.prescription_id = r.id"
					+ " AND LOWER(i.name) LIKE ? ESCAPE '\\')"
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

	/** A prescription's row, before its medicines are read. */
	private record Row(long id, Prescription prescription) {

		Prescription with(List<Medication> medications) {
			Prescription p = prescription;
			return new Prescription(p.id(), p.publicId(), p.encounterId(), p.appointmentId(), p.patientId(),
					p.patientUserId(), p.clinicianId(), p.authorUserId(), medications, p.diagnosis(), p.instructions(),
					p.notes(), p.prescriptionDate(), p.validUntil(), p.refillsAllowed(), p.status(),
					p.pdfGeneratedAt(), p.createdAt(), p.updatedAt());
		}
	}

	private static Row row(ResultSet rs) throws SQLException {
		var printed = rs.getObject("pdf_generated_at", java.time.OffsetDateTime.class);
		var prescription = new Prescription(rs.getLong("id"), rs.getObject("public_id", UUID.class),
				rs.getLong("encounter_id"), rs.getLong("appointment_id"), rs.getLong("patient_id"),
				rs.getLong("patient_user_id"), rs.getLong("clinician_id"), rs.getLong("author_user_id"), List.of(),
				rs.getString("diagnosis"), rs.getString("instructions"), rs.getString("notes"),
				rs.getObject("prescription_date", java.time.LocalDate.class),
				rs.getObject("valid_until", java.time.LocalDate.class), rs.getInt("refills_allowed"),
				PrescriptionStatus.valueOf(rs.getString("status")), printed == null ? null : printed.toInstant(),
				EncounterRows.instant(rs, "created_at"), EncounterRows.instant(rs, "updated_at"));
		return new Row(prescription.id(), prescription);
	}
}
