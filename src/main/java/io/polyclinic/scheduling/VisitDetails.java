package io.polyclinic.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the two parties wrote on an appointment beside its notes, and when the visit actually ran.
 *
 * @param medicalHistory what the patient told of their history when booking (or since)
 * @param doctorNotes the clinician's notes on the visit
 * @param patientFeedback the patient's word after it
 * @param followUpDate when the clinician wants to see the patient again, if they do
 * @param startedAt when the clinician started the visit
 * @param endedAt when the clinician ended it
 */
public record VisitDetails(@Nullable String medicalHistory, @Nullable String doctorNotes,
		@Nullable String patientFeedback, boolean requiresFollowUp, @Nullable Instant followUpDate,
		@Nullable Instant startedAt, @Nullable Instant endedAt) {
}
