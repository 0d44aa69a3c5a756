package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.clinical.DocumentType;
import io.polyclinic.clinical.MedicalDocumentChanges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A document on a patient's file as it is kept. Its patient, uploader and file never change; a deleted one stays in
 * the table and is read by no one.
 */
@Entity
@Table(name = "medical_documents")
public class DocumentEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private UUID publicId;
	private long patientId;
	private long uploadedByUserId;
	private @Nullable Long appointmentId;
	@Enumerated(EnumType.STRING)
	private DocumentType documentType;
	private String title;
	private @Nullable String description;
	private UUID fileId;
	private String fileName;
	private long fileSize;
	private String contentType;
	private boolean verified;
	private Instant createdAt;
	private Instant updatedAt;
	private @Nullable Instant deletedAt;
	@Version
	@Column(name = "version")
	private long version;

	protected DocumentEntry() {
	}

	public DocumentEntry(long patientId, long uploadedByUserId, @Nullable Long appointmentId, DocumentType type,
			String title, @Nullable String description, UUID fileId, String fileName, long fileSize,
			String contentType, boolean verified, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.uploadedByUserId = uploadedByUserId;
		this.appointmentId = appointmentId;
		this.documentType = type;
		this.title = title;
		this.description = description;
		this.fileId = fileId;
		this.fileName = fileName;
		this.fileSize = fileSize;
		this.contentType = contentType;
		this.verified = verified;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Sets what the changes name (checked already), and nothing else. */
	public void describe(MedicalDocumentChanges changes, Instant now) {
		if (changes.type() != null) {
			this.documentType = changes.type();
		}
		if (changes.title() != null) {
			this.title = changes.title();
		}
		if (changes.description() != null) {
			this.description = changes.description().isEmpty() ? null : changes.description();
		}
		if (changes.verified() != null) {
			this.verified = changes.verified();
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

	public long getId() {
		if (id == null) {
			throw new IllegalStateException("A document has an id once saved");
		}
		return id;
	}

	public long getPatientId() {
		return patientId;
	}

	public long getUploadedByUserId() {
		return uploadedByUserId;
	}
}
