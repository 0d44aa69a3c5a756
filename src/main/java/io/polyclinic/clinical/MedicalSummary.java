package io.polyclinic.clinical;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a patient's chart holds, in one read: the medical history, the latest vital signs, the newest encounters,
 * prescriptions and documents, and how many of each there are.
 *
 * @param recentDocuments the newest documents, at most {@link MedicalSummaries#RECENT}; so are the encounters and
 *        prescriptions
 */
public record MedicalSummary(long patientId, long patientUserId, MedicalHistory history,
		@Nullable VitalSigns latestVitals, List<Encounter> recentEncounters, long encounterCount,
		List<Prescription> recentPrescriptions, long prescriptionCount, List<MedicalDocument> recentDocuments,
		long documentCount, long vitalsCount) {
}
