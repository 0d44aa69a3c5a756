package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Which encounters a list holds, within what the caller may see, and their order; null filters take in all.
 *
 * @param search a part of the complaint, the assessment or the patient's name, in any case
 */
public record EncounterQuery(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long appointmentId,
		@Nullable EncounterType type, @Nullable String search, Order order, boolean descending) {

	public enum Order {
		CREATED_AT, UPDATED_AT
	}

	/** Every encounter the caller may see, newest first. */
	public static EncounterQuery all() {
		return new EncounterQuery(null, null, null, null, null, Order.CREATED_AT, true);
	}
}
