package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of an appointment as a consultation records it (clinico's consultation room): kept as the appointment's
 * encounter — the diagnosis as its assessment, the recommendations as its plan, the notes as its clinical notes, and
 * what the patient reported when booking as its chief complaint.
 *
 * @param diagnosis required
 * @param doctorRecommendations required: what the doctor recommends
 */
public record NewConsultation(@Nullable Long appointmentId, @Nullable String diagnosis,
		@Nullable String doctorRecommendations, @Nullable String followUpInstructions, @Nullable String notes) {
}
