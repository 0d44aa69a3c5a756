package io.polyclinic.clinical;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to change in an encounter: a null field stays as it is, an empty text clears an optional one. Its
 * appointment, patient and clinician never change.
 */
public record EncounterChanges(@Nullable EncounterType type, @Nullable String chiefComplaint,
		@Nullable String historyOfPresentIllness, @Nullable String vitalSigns, @Nullable String physicalExamination,
		@Nullable String assessment, @Nullable List<String> diagnosisCodes, @Nullable String plan,
		@Nullable String clinicalNotes, @Nullable String followUpInstructions) {
}
