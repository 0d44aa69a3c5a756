package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * One medicine of a prescription.
 *
 * @param dosage "500 mg", "10 ml"
 * @param frequency "twice daily", "every 8 hours"
 * @param duration "7 days"
 * @param instructions how to take it ("after food"); null or empty for none
 */
public record Medication(@Nullable String name, @Nullable String dosage, @Nullable String frequency,
		@Nullable String duration, @Nullable String instructions) {
}
