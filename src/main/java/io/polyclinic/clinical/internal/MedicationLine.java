package io.polyclinic.clinical.internal;

import io.polyclinic.clinical.Medication;
import jakarta.persistence.Embeddable;

/** One medicine as a prescription keeps it: a row of {@code prescription_items}, in the order written. */
@Embeddable
public class MedicationLine {

	private String name;
	private String dosage;
	private String frequency;
	private String duration;
	private String instructions;
	private String category;

	protected MedicationLine() {
	}

	/** @param medication checked: every field but the instructions is there */
	public MedicationLine(Medication medication) {
		this.name = medication.name().strip();
		this.dosage = medication.dosage().strip();
		this.frequency = medication.frequency().strip();
		this.duration = medication.duration().strip();
		this.instructions = medication.instructions() == null ? "" : medication.instructions().strip();
		this.category = medication.category() == null ? "" : medication.category().strip();
	}

	Medication toMedication() {
		return new Medication(name, dosage, frequency, duration, instructions, category);
	}
}
