package io.polyclinic.clinical;

/** Where a prescription stands: in force, taken to its end, withdrawn, or past its validity. */
public enum PrescriptionStatus {
	ACTIVE, COMPLETED, CANCELLED, EXPIRED
}
