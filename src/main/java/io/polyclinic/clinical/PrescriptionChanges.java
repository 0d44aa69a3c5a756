package io.polyclinic.clinical;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to change in a prescription: a null field stays as it is, an empty text clears it; medications, when given,
 * replace the list. Its encounter, patient and clinician never change.
 */
public record PrescriptionChanges(@Nullable List<Medication> medications, @Nullable String diagnosis,
		@Nullable String instructions, @Nullable String notes, @Nullable LocalDate prescriptionDate,
		@Nullable LocalDate validUntil, @Nullable Integer refillsAllowed, @Nullable PrescriptionStatus status) {
}
