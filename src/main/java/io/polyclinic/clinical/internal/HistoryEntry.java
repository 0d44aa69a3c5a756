package io.polyclinic.clinical.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.MedicalHistory;
import io.polyclinic.clinical.MedicalHistoryChanges;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A patient's medical history as it is kept: one row per patient, revised in place. */
@Entity
@Table(name = "medical_histories")
public class HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private long patientId;
	private String chronicConditions = "[]";
	private String allergies = "[]";
	private String currentMedications = "[]";
	private String surgicalHistory = "[]";
	private String immunizations = "[]";
	private String familyHistory = "";
	private String smokingStatus = "";
	private String alcoholConsumption = "";
	private String exerciseHabits = "";
	private long updatedByUserId;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected HistoryEntry() {
	}

	public HistoryEntry(long patientId, long authorUserId, Instant now) {
		this.patientId = patientId;
		this.updatedByUserId = authorUserId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Sets what the changes name (checked already), and nothing else. */
	public void revise(MedicalHistoryChanges changes, long authorUserId, Instant now) {
		if (changes.chronicConditions() != null) {
			this.chronicConditions = changes.chronicConditions();
		}
		if (changes.allergies() != null) {
			this.allergies = changes.allergies();
		}
		if (changes.currentMedications() != null) {
			this.currentMedications = changes.currentMedications();
		}
		if (changes.surgicalHistory() != null) {
			this.surgicalHistory = changes.surgicalHistory();
		}
		if (changes.immunizations() != null) {
			this.immunizations = changes.immunizations();
		}
		if (changes.familyHistory() != null) {
			this.familyHistory = changes.familyHistory();
		}
		if (changes.smokingStatus() != null) {
			this.smokingStatus = changes.smokingStatus();
		}
		if (changes.alcoholConsumption() != null) {
			this.alcoholConsumption = changes.alcoholConsumption();
		}
		if (changes.exerciseHabits() != null) {
			this.exerciseHabits = changes.exerciseHabits();
		}
		this.updatedByUserId = authorUserId;
		this.updatedAt = now;
	}

	public MedicalHistory toHistory(long patientUserId) {
		return new MedicalHistory(id, patientId, patientUserId, chronicConditions, allergies, currentMedications,
				surgicalHistory, immunizations, familyHistory, smokingStatus, alcoholConsumption, exerciseHabits,
				updatedByUserId, createdAt, updatedAt);
	}
}
