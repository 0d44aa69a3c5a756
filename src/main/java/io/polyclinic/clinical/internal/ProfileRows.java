package io.polyclinic.clinical.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a patient's profile reads in SQL beside their history and documents: the medicines they take now. */
@Component
public class ProfileRows {

	private final JdbcClient jdbc;

	ProfileRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The medicines of the patient's active prescriptions still valid on {@code today} ("Aspirin 75 mg"), newest
	 * prescription first and in the order written, at most {@code limit}: on the patient's prescriptions index.
	 */
	public List<String> activeMedications(long patientId, LocalDate today, int limit) {
		return jdbc.sql("""
				SELECT i.name, i.dosage FROM prescriptions p
				JOIN prescription_items i ON i.prescription_id = p.id
				WHERE p.patient_id = ? AND p.status = 'ACTIVE' AND p.valid_until >= ?
				ORDER BY p.created_at DESC, p.id DESC, i.line_number
				LIMIT ?""")
			.params(patientId, today, limit)
			.query((rs, i) -> (rs.getString("name") + " " + rs.getString("dosage")).strip())
			.list();
	}
}
