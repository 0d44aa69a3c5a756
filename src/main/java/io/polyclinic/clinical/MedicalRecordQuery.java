package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Which medical records a list holds, within what the caller may see, and their order; null filters take in all.
 */
public record MedicalRecordQuery(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long appointmentId,
		@Nullable RecordType type, Order order, boolean descending) {

	public enum Order {
		CREATED_AT, UPDATED_AT, TITLE
	}

	/** Every record the caller may see, newest first. */
	public static MedicalRecordQuery all() {
		return new MedicalRecordQuery(null, null, null, null, Order.CREATED_AT, true);
	}
}
