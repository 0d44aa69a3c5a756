package io.polyclinic.clinical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A prescription written at an encounter by its clinician: the medicines, in the order written, and what holds for
 * all of them.
 *
 * @param patientUserId the account of the patient, for faces that name patients by their account
 * @param authorUserId the clinician's account, who wrote it
 * @param prescriptionDate the day it was issued, on the clinician's calendar
 * @param pdfGeneratedAt when its PDF was last made, or null if never
 */
public record Prescription(long id, UUID publicId, long encounterId, long appointmentId, long patientId,
		long patientUserId, long clinicianId, long authorUserId, List<Medication> medications, String diagnosis,
		String instructions, String notes, LocalDate prescriptionDate, LocalDate validUntil, int refillsAllowed,
		PrescriptionStatus status, @Nullable Instant pdfGeneratedAt, Instant createdAt, Instant updatedAt) {

	public Prescription {
		medications = List.copyOf(medications);
	}
}
