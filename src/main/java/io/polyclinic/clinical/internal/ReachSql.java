package io.polyclinic.clinical.internal;

import java.util.List;
import java.util.Objects;

import io.polyclinic.directory.Reach;

/**
 * A caller's reach as a condition on a table's {@code patient_id}, for lists paged in SQL: the directory's care links
 * and centre enrolments (upstream of clinical), the same rows the access policy answers from one patient at a time.
 */
final class ReachSql {

	private ReachSql() {
	}

	/**
	 * Adds the condition (if the reach narrows anything) and its parameter.
	 *
	 * @param patientColumn the column holding the row's patient, qualified ("e.patient_id")
	 * @throws IllegalArgumentException for a caller who reaches nothing: refuse them before listing
	 */
	static void narrow(Reach reach, String patientColumn, List<String> conditions, List<Object> params) {
		switch (reach.kind()) {
			case CLINIC -> {
			}
			case CENTRE -> {
				conditions.add(patientColumn
						+ " IN (SELECT pc.patient_id FROM patient_centres pc WHERE pc.centre_id = ?)");
				params.add(Objects.requireNonNull(reach.centreId()));
			}
			case PATIENT -> {
				conditions.add(patientColumn + " = ?");
				params.add(Objects.requireNonNull(reach.patientId()));
			}
			case CLINICIAN -> {
				conditions.add(patientColumn
						+ " IN (SELECT cl.patient_id FROM care_links cl WHERE cl.clinician_id = ?)");
				params.add(Objects.requireNonNull(reach.clinicianId()));
			}
			case NONE -> throw new IllegalArgumentException("Nothing to list for a caller who reaches nothing");
		}
	}

	/** A LIKE pattern for a part of a text, in any case, with the pattern's own characters taken literally. */
	static String contains(String text) {
		String escaped = text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
