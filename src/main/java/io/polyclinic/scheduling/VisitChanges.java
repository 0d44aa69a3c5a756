package io.polyclinic.scheduling;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An edit of what the parties write on an appointment; null leaves a part as it is. The patient's parts: the notes
 * (the reason for the visit), symptoms, medical history, how the visit takes place, and feedback; the clinician's:
 * their notes and the follow-up.
 */
public record VisitChanges(@Nullable String notes, @Nullable List<String> symptoms, @Nullable String medicalHistory,
		@Nullable ConsultationType consultationType, @Nullable String patientFeedback, @Nullable String doctorNotes,
		@Nullable Boolean requiresFollowUp, @Nullable Instant followUpDate) {

	/** Whether it changes a part that is the patient's to write. */
	public boolean patientParts() {
		return notes != null || symptoms != null || medicalHistory != null || consultationType != null
				|| patientFeedback != null;
	}

	/** Whether it changes a part that is the clinician's to write. */
	public boolean clinicianParts() {
		return doctorNotes != null || requiresFollowUp != null || followUpDate != null;
	}
}
