package io.polyclinic.clinical.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.VitalMeasurements;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reading of vital signs as it is kept; its patient and recorder never change. */
@Entity
@Table(name = "vital_signs")
public class VitalEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long patientId;
	private long recordedByUserId;
	private @Nullable Integer bloodPressureSystolic;
	private @Nullable Integer bloodPressureDiastolic;
	private @Nullable Integer heartRate;
	private @Nullable BigDecimal temperature;
	private @Nullable Integer respiratoryRate;
	private @Nullable Integer oxygenSaturation;
	private @Nullable BigDecimal weight;
	private @Nullable BigDecimal height;
	private @Nullable BigDecimal bmi;
	private @Nullable Integer painLevel;
	private @Nullable String notes;
	private Instant recordedAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected VitalEntry() {
	}

	public VitalEntry(long patientId, long recordedByUserId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.recordedByUserId = recordedByUserId;
		this.recordedAt = now;
		this.updatedAt = now;
	}

	/** Takes the values (checked already, merged with the old ones on a correction) and the BMI they give. */
	public void measure(VitalMeasurements values, @Nullable BigDecimal bmi, Instant now) {
		this.bloodPressureSystolic = values.bloodPressureSystolic();
		this.bloodPressureDiastolic = values.bloodPressureDiastolic();
		this.heartRate = values.heartRate();
		this.temperature = values.temperature();
		this.respiratoryRate = values.respiratoryRate();
		this.oxygenSaturation = values.oxygenSaturation();
		this.weight = values.weight();
		this.height = values.height();
		this.painLevel = values.painLevel();
		this.notes = values.notes();
		this.bmi = bmi;
		this.updatedAt = now;
	}

	public VitalMeasurements measurements() {
		return new VitalMeasurements(bloodPressureSystolic, bloodPressureDiastolic, heartRate, temperature,
				respiratoryRate, oxygenSaturation, weight, height, painLevel, notes);
	}

	public long getId() {
		if (id == null) {
			throw new IllegalStateException("A reading has an id once saved");
		}
		return id;
	}

	public long getPatientId() {
		return patientId;
	}

	public long getRecordedByUserId() {
		return recordedByUserId;
	}
}
