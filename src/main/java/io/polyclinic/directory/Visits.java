package io.polyclinic.directory;

import java.util.Optional;

/**
 * What the directory needs to know of an appointment to let a patient review it: whose it is, with whom, and whether
 * it took place. The appointment book (scheduling, downstream of the directory) answers it, so that reviews live with
 * the ratings they feed and no module depends on one that depends on it.
 */
public interface Visits {

	/** The appointment with this id, or none. */
	Optional<Visit> find(long appointmentId);

	/**
	 * @param patientId the patient's id (directory's {@link Patient#id()})
	 * @param clinicianId the clinician's id (directory's {@link Clinician#id()})
	 * @param completed whether the visit took place and was completed
	 */
	record Visit(long appointmentId, long patientId, long clinicianId, boolean completed) {
	}
}
