package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * A document to put on a patient's file.
 *
 * @param file the file's bytes, judged by their content (images or PDF)
 * @param fileName the name the uploader gave the file (never trusted for its type)
 * @param appointmentId an appointment of this patient the document belongs to, or null
 */
public record NewMedicalDocument(long patientId, @Nullable DocumentType type, @Nullable String title,
		@Nullable String description, @Nullable Long appointmentId, byte @Nullable [] file,
		@Nullable String fileName) {
}
