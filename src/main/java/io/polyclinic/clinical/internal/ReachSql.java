package io.polyclinic.clinical.internal;

import java.util.List;
import java.util.Objects;

import io.polyclinic.directory.Reach;

/**
 * The SQL condition that keeps a list within a caller's reach, read from the directory's care links and centre
 * enrolments (upstream of clinical), the same rows the access policy answers from.
 */
final class ReachSql {

	private ReachSql() {
	}

	/** A condition on {@code alias.patient_id}; its parameters are appended to {@code params}. */
	static String condition(Reach reach, String alias, List<Object> params) {
		return switch (reach.kind()) {
			case CLINIC -> "1 = 1";
			case CENTRE -> {
				params.add(Objects.requireNonNull(reach.centreId()));
				yield alias + ".patient_id IN (SELECT pc.patient_id FROM patient_centres pc WHERE pc.centre_id = ?)";
			}
			case PATIENT -> {
				params.add(Objects.requireNonNull(reach.patientId()));
				yield alias + ".patient_id = ?";
			}
			case CLINICIAN -> {
				params.add(Objects.requireNonNull(reach.clinicianId()));
				yield alias + ".patient_id IN (SELECT cl.patient_id FROM care_links cl WHERE cl.clinician_id = ?)";
			}
			case NONE -> throw new IllegalArgumentException("Nothing is listed for a caller who reaches no one");
		};
	}
}
