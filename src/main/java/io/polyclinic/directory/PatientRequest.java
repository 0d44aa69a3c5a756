package io.polyclinic.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request that a clinician follow a patient, and what became of it: asked by the patient (the clinician decides) or
 * by the clinician (the patient decides). An accepted request is the follow link ({@link CareTeam#follows}); both
 * parties are named by their accounts, as the faces that show people by account do.
 *
 * @param initiatedBy who asked; the other party decides
 * @param id the request's public id
 * @param requestedAt when the patient asked
 * @param decidedAt when the clinician accepted or declined; null while pending
 */
public record PatientRequest(UUID id, Status status, Initiator initiatedBy, Requester patient, Addressee doctor, @Nullable String urgentNote,
		@Nullable String declineReason, Instant requestedAt, @Nullable Instant decidedAt, Instant createdAt,
		Instant updatedAt) {

	public enum Status {
		PENDING, ACCEPTED, DECLINED
	}

	/** Who asked. */
	public enum Initiator {
		PATIENT, CLINICIAN
	}

	/**
	 * The patient.
	 *
	 * @param age whole years at today's date in UTC; null without a date of birth
	 */
	public record Requester(long patientId, UUID accountId, String fullName, @Nullable String email,
			@Nullable String phone, @Nullable LocalDate dateOfBirth, @Nullable Integer age,
			@Nullable DiabetesType diabetesType) {
	}

	/**
	 * The clinician.
	 *
	 * @param specialty the clinician's first specialization, if any
	 */
	public record Addressee(long clinicianId, UUID accountId, String fullName, @Nullable String email,
			@Nullable String phone, @Nullable String specialty) {
	}

	/** Whether the patient left a note that is more than blanks. */
	public boolean hasUrgentNote() {
		return urgentNote != null && !urgentNote.isBlank();
	}
}
