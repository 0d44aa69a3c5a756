package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient asked a clinician to follow them.
 *
 * @param requestId the request's public id
 * @param patientName the patient's name, as the clinician is told it
 * @param urgent whether the patient left an urgent note
 */
public record PatientRequestCreated(UUID requestId, long patientId, long patientUserId, String patientName,
		long clinicianId, long clinicianUserId, boolean urgent, Instant requestedAt) {
}
