package io.polyclinic.directory;

import org.jspecify.annotations.Nullable;

/**
 * How far a caller reaches in the clinic: the whole clinic (administrators, managers, staff not bound to a centre,
 * the clinic's own processes), one centre (its centre manager, front desk, care coordinators, secretaries), one
 * patient (themself), one clinician's patients (the clinician), or nothing.
 *
 * @param patientId the caller's own patient record, for {@link Kind#PATIENT}
 * @param clinicianId the caller's own clinician record, for {@link Kind#CLINICIAN}
 * @param centreId the centre the caller works at, for {@link Kind#CENTRE}
 */
public record Reach(Kind kind, @Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long centreId) {

	public enum Kind {
		CLINIC, CENTRE, PATIENT, CLINICIAN, NONE
	}

	public static final Reach CLINIC = new Reach(Kind.CLINIC, null, null, null);
	public static final Reach NONE = new Reach(Kind.NONE, null, null, null);

	public static Reach centre(long centreId) {
		return new Reach(Kind.CENTRE, null, null, centreId);
	}

	public static Reach patient(long patientId) {
		return new Reach(Kind.PATIENT, patientId, null, null);
	}

	public static Reach clinician(long clinicianId) {
		return new Reach(Kind.CLINICIAN, null, clinicianId, null);
	}

	public boolean clinicWide() {
		return kind == Kind.CLINIC;
	}

	/** Staff of the whole clinic or of one centre: the people who run it. */
	public boolean staff() {
		return kind == Kind.CLINIC || kind == Kind.CENTRE;
	}

	/** Whether the caller runs this centre: the whole clinic, or this very centre. A null centre is the clinic's. */
	public boolean runs(@Nullable Long centre) {
		return kind == Kind.CLINIC || (kind == Kind.CENTRE && centre != null && centre.equals(centreId));
	}

	/** The caller's own patient id, if the caller is a patient. */
	public boolean isPatient(long id) {
		return kind == Kind.PATIENT && patientId != null && patientId == id;
	}

	public boolean isClinician(long id) {
		return kind == Kind.CLINICIAN && clinicianId != null && clinicianId == id;
	}
}
