package io.polyclinic.clinical;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A patient's medical history, one per patient. Before anyone writes it, it is empty: no id, empty lists and texts.
 *
 * @param chronicConditions a JSON array (of strings or objects, as the face handed them over); so are
 *        {@code allergies}, {@code currentMedications}, {@code surgicalHistory} and {@code immunizations}
 * @param updatedByUserId who wrote it last; null while it is empty
 */
public record MedicalHistory(@Nullable Long id, long patientId, long patientUserId, String chronicConditions,
		String allergies, String currentMedications, String surgicalHistory, String immunizations,
		String familyHistory, String smokingStatus, String alcoholConsumption, String exerciseHabits,
		@Nullable Long updatedByUserId, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	public static MedicalHistory empty(long patientId, long patientUserId) {
		return new MedicalHistory(null, patientId, patientUserId, "[]", "[]", "[]", "[]", "[]", "", "", "", "", null,
				null, null);
	}
}
