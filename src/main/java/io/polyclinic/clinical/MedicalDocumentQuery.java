package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Which documents a list holds, within what the caller may see, and their order; null filters take in all.
 *
 * @param search part of the title or description, any case
 */
public record MedicalDocumentQuery(@Nullable Long patientId, @Nullable DocumentType type, @Nullable Long appointmentId,
		@Nullable Boolean verified, @Nullable String search, Order order, boolean descending) {

	public enum Order {
		CREATED_AT, UPDATED_AT, TITLE, DOCUMENT_TYPE
	}

	/** Every document the caller may see, newest first. */
	public static MedicalDocumentQuery all() {
		return new MedicalDocumentQuery(null, null, null, null, null, Order.CREATED_AT, true);
	}
}
