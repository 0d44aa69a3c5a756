package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.EncounterChanges;
import io.polyclinic.clinical.EncounterType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An encounter as it is kept. Its appointment, patient and clinician are fixed when it is written; the diagnosis
 * codes are kept as a JSON array.
 */
@Entity
@Table(name = "encounters")
public class EncounterEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long appointmentId;
	private long patientId;
	private long clinicianId;
	private long authorUserId;
	@Enumerated(EnumType.STRING)
	private EncounterType encounterType;
	private String chiefComplaint;
	private String historyOfPresentIllness = "";
	private String vitalSigns = "{}";
	private String physicalExamination = "";
	private String assessment;
	private String diagnosisCodes = "[]";
	private String plan;
	private String clinicalNotes = "";
	private String followUpInstructions = "";
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected EncounterEntry() {
	}

	public EncounterEntry(long appointmentId, long patientId, long clinicianId, long authorUserId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.appointmentId = appointmentId;
		this.patientId = patientId;
		this.clinicianId = clinicianId;
		this.authorUserId = authorUserId;
		this.encounterType = EncounterType.CONSULTATION;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Sets what the changes name, and nothing else; the values have been checked. */
	public void record(EncounterChanges changes, Instant now) {
		if (changes.type() != null) {
			encounterType = changes.type();
		}
		if (changes.chiefComplaint() != null) {
			chiefComplaint = changes.chiefComplaint();
		}
		if (changes.historyOfPresentIllness() != null) {
			historyOfPresentIllness = changes.historyOfPresentIllness();
		}
		if (changes.vitalSigns() != null) {
			vitalSigns = changes.vitalSigns();
		}
		if (changes.physicalExamination() != null) {
			physicalExamination = changes.physicalExamination();
		}
		if (changes.assessment() != null) {
			assessment = changes.assessment();
		}
		if (changes.diagnosisCodes() != null) {
			diagnosisCodes = Json.array(changes.diagnosisCodes());
		}
		if (changes.plan() != null) {
			plan = changes.plan();
		}
		if (changes.clinicalNotes() != null) {
			clinicalNotes = changes.clinicalNotes();
		}
		if (changes.followUpInstructions() != null) {
			followUpInstructions = changes.followUpInstructions();
		}
		updatedAt = now;
	}

	public long getId() {
		if (id == null) {
			throw new IllegalStateException("An encounter has an id once saved");
		}
		return id;
	}

	public long getAppointmentId() {
		return appointmentId;
	}

	public long getPatientId() {
		return patientId;
	}

	public long getClinicianId() {
		return clinicianId;
	}

	public Encounter toEncounter(long patientUserId) {
		return new Encounter(getId(), publicId, appointmentId, patientId, patientUserId, clinicianId, authorUserId,
				encounterType, chiefComplaint, historyOfPresentIllness, vitalSigns, physicalExamination, assessment,
				Json.strings(diagnosisCodes), plan, clinicalNotes, followUpInstructions, createdAt, updatedAt);
	}
}
