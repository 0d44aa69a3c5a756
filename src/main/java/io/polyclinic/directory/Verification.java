package io.polyclinic.directory;

/**
 * Where a clinician's KYC check stands. Clinicians the clinic appoints are VERIFIED from the start; a clinician who
 * registers their own practice is PENDING until an administrator decides. Only a verified clinician is shown to the
 * public and takes bookings.
 */
public enum Verification {
	PENDING, VERIFIED, REJECTED
}
