package io.polyclinic.clinical;

import org.jspecify.annotations.Nullable;

/**
 * One medicine of a prescription.
 *
 * @param dosage "500 mg", "10 ml"
 * @param frequency "twice daily", "every 8 hours"
 * @param duration "7 days"
 * @param instructions how to take it ("after food"); null or empty for none
 * @param category the kind of medicine as its prescriber names it ("Antibiotic"); null or empty for none
 */
public record Medication(@Nullable String name, @Nullable String dosage, @Nullable String frequency,
		@Nullable String duration, @Nullable String instructions, @Nullable String category) {

	/** A medicine whose prescriber names no category. */
	public Medication(@Nullable String name, @Nullable String dosage, @Nullable String frequency,
			@Nullable String duration, @Nullable String instructions) {
		this(name, dosage, frequency, duration, instructions, null);
	}
}
