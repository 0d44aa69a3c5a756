package io.polyclinic.clinical;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the clinician recorded of one appointment: the complaint, the examination, the assessment and the plan. An
 * appointment has at most one; its clinician writes it.
 *
 * @param patientUserId the account of the patient, for faces that name patients by their account
 * @param authorUserId the clinician's account, who wrote it
 * @param vitalSigns a JSON object, as a face handed it over
 * @param diagnosisCodes ICD-10 codes
 */
public record Encounter(long id, UUID publicId, long appointmentId, long patientId, long patientUserId,
		long clinicianId, long authorUserId, EncounterType type, String chiefComplaint,
		String historyOfPresentIllness, String vitalSigns, String physicalExamination, String assessment,
		List<String> diagnosisCodes, String plan, String clinicalNotes, String followUpInstructions, Instant createdAt,
		Instant updatedAt) {

	public Encounter {
		diagnosisCodes = List.copyOf(diagnosisCodes);
	}
}
