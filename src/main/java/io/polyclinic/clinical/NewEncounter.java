package io.polyclinic.clinical;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An encounter to write. Null optional fields are empty; a null type is a consultation.
 *
 * @param vitalSigns a JSON object, or null for none
 */
public record NewEncounter(@Nullable Long appointmentId, @Nullable EncounterType type,
		@Nullable String chiefComplaint, @Nullable String historyOfPresentIllness, @Nullable String vitalSigns,
		@Nullable String physicalExamination, @Nullable String assessment, @Nullable List<String> diagnosisCodes,
		@Nullable String plan, @Nullable String clinicalNotes, @Nullable String followUpInstructions) {
}
