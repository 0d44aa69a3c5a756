package io.polyclinic.clinical;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a patient's chart holds, in one read: the medical history, the latest vital signs, the newest documents and
 * how many of each there are.
 *
 * @param recentDocuments the newest documents, at most {@link MedicalSummaries#RECENT}
 */
public record MedicalSummary(long patientId, long patientUserId, MedicalHistory history,
		@Nullable VitalSigns latestVitals, List<MedicalDocument> recentDocuments, long documentCount,
		long vitalsCount) {
}
