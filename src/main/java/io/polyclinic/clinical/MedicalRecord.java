package io.polyclinic.clinical;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A medical record of a patient, written by or for one clinician, optionally about one appointment.
 *
 * @param medications JSON text, as a face handed it over
 * @param labResults JSON text
 * @param attachments JSON text
 * @param sharedWithPatient whether the patient may read it
 * @param authorUserId who wrote it: the clinician, or the member of staff who wrote it for them
 */
public record MedicalRecord(long id, UUID publicId, long patientId, long clinicianId, @Nullable Long appointmentId,
		RecordType type, String title, @Nullable String description, @Nullable String diagnosis,
		@Nullable String medications, @Nullable String labResults, @Nullable String attachments, @Nullable String notes,
		boolean sharedWithPatient, long authorUserId, Instant createdAt, Instant updatedAt) {
}
