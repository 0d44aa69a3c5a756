package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

/** A clinician accepted a patient's request: from now on they follow the patient (and care for them). */
public record PatientRequestAccepted(UUID requestId, long patientId, long patientUserId, long clinicianId,
		long clinicianUserId, Instant decidedAt) {
}
