package io.polyclinic.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A clinician declined a patient's request, perhaps saying why. */
public record PatientRequestDeclined(UUID requestId, long patientId, long patientUserId, long clinicianId,
		long clinicianUserId, @Nullable String reason, Instant decidedAt) {
}
