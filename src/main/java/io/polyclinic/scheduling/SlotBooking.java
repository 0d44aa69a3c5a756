package io.polyclinic.scheduling;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a patient says when booking a slot by its id: how the visit takes place, why (the appointment's notes), the
 * symptoms in their words, and their medical history.
 */
public record SlotBooking(ConsultationType consultationType, @Nullable String notes, List<String> symptoms,
		@Nullable String medicalHistory) {

	public SlotBooking {
		symptoms = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(symptoms));
	}
}
