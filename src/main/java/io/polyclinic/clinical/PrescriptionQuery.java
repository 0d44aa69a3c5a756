package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Which prescriptions a list holds, within what the caller may see, and their order; null filters take in all.
 *
 * @param search a part of a medicine's name, the diagnosis or the patient's name, in any case
 */
public record PrescriptionQuery(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long encounterId,
		@Nullable Long appointmentId, @Nullable PrescriptionStatus status, @Nullable String search, Order order,
		boolean descending) {

	public enum Order {
		CREATED_AT, UPDATED_AT, PRESCRIPTION_DATE, VALID_UNTIL
	}

	/** Every prescription the caller may see, newest first. */
	public static PrescriptionQuery all() {
		return new PrescriptionQuery(null, null, null, null, null, null, Order.CREATED_AT, true);
	}
}
