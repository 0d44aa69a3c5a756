package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.MedicalRecord;
import io.polyclinic.clinical.MedicalRecordChanges;
import io.polyclinic.clinical.RecordType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A medical record as it is kept. Its patient and clinician never change; a deleted record stays in the table (the
 * clinic's history and its audit trail name it) and is read by no one.
 */
@Entity
@Table(name = "medical_records")
public class MedicalEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long patientId;
	private long clinicianId;
	private @Nullable Long appointmentId;
	@Enumerated(EnumType.STRING)
	private RecordType recordType;
	private String title;
	private @Nullable String description;
	private @Nullable String diagnosis;
	private @Nullable String medications;
	private @Nullable String labResults;
	private @Nullable String attachments;
	private @Nullable String notes;
	private boolean sharedWithPatient;
	private long authorUserId;
	private Instant createdAt;
	private Instant updatedAt;
	private @Nullable Instant deletedAt;
	@Version
	private long version;

	protected MedicalEntry() {
	}

	public MedicalEntry(long patientId, long clinicianId, @Nullable Long appointmentId, RecordType type, String title,
			long authorUserId, boolean sharedWithPatient, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.clinicianId = clinicianId;
		this.appointmentId = appointmentId;
		this.recordType = type;
		this.title = title;
		this.authorUserId = authorUserId;
		this.sharedWithPatient = sharedWithPatient;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Sets what the changes name, and nothing else; the values have been checked. */
	public void change(MedicalRecordChanges changes, Instant now) {
		if (changes.type() != null) {
			this.recordType = changes.type();
		}
		if (changes.title() != null) {
			this.title = changes.title();
		}
		if (changes.description() != null) {
			this.description = changes.description().value();
		}
		if (changes.diagnosis() != null) {
			this.diagnosis = changes.diagnosis().value();
		}
		if (changes.medications() != null) {
			this.medications = changes.medications().value();
		}
		if (changes.labResults() != null) {
			this.labResults = changes.labResults().value();
		}
		if (changes.attachments() != null) {
			this.attachments = changes.attachments().value();
		}
		if (changes.notes() != null) {
			this.notes = changes.notes().value();
		}
		if (changes.sharedWithPatient() != null) {
			this.sharedWithPatient = changes.sharedWithPatient();
		}
		this.updatedAt = now;
	}

	public void delete(Instant now) {
		this.deletedAt = now;
		this.updatedAt = now;
	}

	public boolean isDeleted() {
		return deletedAt != null;
	}

	public long getPatientId() {
		return patientId;
	}

	public @Nullable Long getId() {
		return id;
	}

	public MedicalRecord toMedicalRecord() {
		if (id == null) {
			throw new IllegalStateException("A record has an id once saved");
		}
		return new MedicalRecord(id, publicId, patientId, clinicianId, appointmentId, recordType, title, description,
				diagnosis, medications, labResults, attachments, notes, sharedWithPatient, authorUserId, createdAt,
				updatedAt);
	}
}
