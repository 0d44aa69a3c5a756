package io.polyclinic.clinical;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's note on a patient, optionally about one appointment.
 *
 * @param authorName the author's name as their account has it now
 */
public record ClinicalNote(long id, UUID publicId, long patientId, @Nullable Long appointmentId, long authorUserId,
		String authorName, String note, Instant createdAt) {
}
