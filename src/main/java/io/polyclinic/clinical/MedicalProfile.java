package io.polyclinic.clinical;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A patient as their doctor sees them in the consultation room: blood group (the directory's), the medical history's
 * conditions, allergies and way of life, the medicines they take now and their past documents.
 *
 * @param chronicConditions the names in the medical history's list, in its order; so are {@code allergies}
 * @param currentMedications the medicines of their active prescriptions ("Aspirin 75 mg"), newest prescription
 *        first, then those their medical history names that no prescription does
 * @param smokingStatus the medical history's social history, empty when not said; so are {@code alcoholConsumption}
 *        and {@code exerciseHabits}
 * @param pastRecords their documents, newest first, at most {@link MedicalProfiles#PAST_RECORDS}
 */
public record MedicalProfile(long patientId, @Nullable String bloodGroup, List<String> chronicConditions,
		List<String> allergies, List<String> currentMedications, String smokingStatus, String alcoholConsumption,
		String exerciseHabits, List<PastRecord> pastRecords) {

	public MedicalProfile {
		chronicConditions = List.copyOf(chronicConditions);
		allergies = List.copyOf(allergies);
		currentMedications = List.copyOf(currentMedications);
		pastRecords = List.copyOf(pastRecords);
	}

	/**
	 * A document on the patient's file with a signed download link that expires.
	 *
	 * @param reportDate the day it was put on file, on the doctor's calendar
	 */
	public record PastRecord(UUID documentId, DocumentType type, String title, String url, LocalDate reportDate) {
	}
}
