package io.polyclinic.clinical;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A prescription to write at an encounter. Null texts are empty; a null date of issue is today on the clinician's
 * calendar, a null validity {@value Prescriptions#DEFAULT_VALIDITY_DAYS} days from it; null refills are none; a null
 * status is active.
 */
public record NewPrescription(@Nullable Long encounterId, @Nullable List<Medication> medications,
		@Nullable String diagnosis, @Nullable String instructions, @Nullable String notes,
		@Nullable LocalDate prescriptionDate, @Nullable LocalDate validUntil, @Nullable Integer refillsAllowed,
		@Nullable PrescriptionStatus status) {
}
