package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a patient's medical history: a null field is left as it is. The lists are JSON arrays (text); an empty
 * text empties a text field.
 */
public record MedicalHistoryChanges(@Nullable String chronicConditions, @Nullable String allergies,
		@Nullable String currentMedications, @Nullable String surgicalHistory, @Nullable String immunizations,
		@Nullable String familyHistory, @Nullable String smokingStatus, @Nullable String alcoholConsumption,
		@Nullable String exerciseHabits) {

	public static MedicalHistoryChanges none() {
		return new MedicalHistoryChanges(null, null, null, null, null, null, null, null, null);
	}
}
