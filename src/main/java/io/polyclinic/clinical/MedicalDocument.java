package io.polyclinic.clinical;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A document on a patient's file: its description here, its bytes in the files module.
 *
 * @param patientUserId the account of the patient whose document it is
 * @param uploadedByUserId who uploaded it: the patient, or one of their carers
 * @param fileId the stored file's public id
 * @param contentType as judged from the content
 * @param verified whether a carer has confirmed it
 */
public record MedicalDocument(long id, UUID publicId, long patientId, long patientUserId, long uploadedByUserId,
		@Nullable Long appointmentId, DocumentType type, String title, @Nullable String description, UUID fileId,
		String fileName, long fileSize, String contentType, boolean verified, Instant createdAt, Instant updatedAt) {
}
