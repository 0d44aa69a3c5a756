package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * A medical record to write.
 *
 * @param clinicianId the record's clinician: for a clinician writing, themself (or null); staff name one, or leave it
 *        to the appointment's clinician
 * @param appointmentId an appointment of this patient
 * @param medications JSON text (an object or an array), or null
 * @param sharedWithPatient null: shared
 */
public record NewMedicalRecord(long patientId, @Nullable Long clinicianId, @Nullable Long appointmentId,
		@Nullable RecordType type, @Nullable String title, @Nullable String description, @Nullable String diagnosis,
		@Nullable String medications, @Nullable String labResults, @Nullable String attachments, @Nullable String notes,
		@Nullable Boolean sharedWithPatient) {
}
