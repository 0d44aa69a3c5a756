package io.polyclinic.files.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.files.FilePurpose;
import io.polyclinic.files.FileType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored upload's row: whose it is, what it is for and is, and where its bytes are. Never changed once made. */
@Entity
@Table(name = "stored_files")
public class FileRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private @Nullable Long ownerUserId;
	@Enumerated(EnumType.STRING)
	private FilePurpose purpose;
	private String contentType;
	@Column(name = "size_bytes")
	private long size;
	private @Nullable String originalName;
	private String storage;
	private String storageKey;
	private Instant createdAt;

	protected FileRecord() {
	}

	public FileRecord(UUID publicId, @Nullable Long ownerUserId, FilePurpose purpose, FileType type, long size,
			@Nullable String originalName, String storage, String storageKey, Instant createdAt) {
		this.publicId = publicId;
		this.ownerUserId = ownerUserId;
		this.purpose = purpose;
		this.contentType = type.contentType();
		this.size = size;
		this.originalName = originalName;
		this.storage = storage;
		this.storageKey = storageKey;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public UUID getPublicId() {
		return publicId;
	}

	public @Nullable Long getOwnerUserId() {
		return ownerUserId;
	}

	public FilePurpose getPurpose() {
		return purpose;
	}

	public String getContentType() {
		return contentType;
	}

	/** The type its content type names; a row is only ever written with one of them. */
	public FileType getType() {
		for (FileType type : FileType.values()) {
			if (type.contentType().equals(contentType)) {
				return type;
			}
		}
		throw new IllegalStateException("Stored file " + publicId + " has an unknown type " + contentType);
	}

	public long getSize() {
		return size;
	}

	public @Nullable String getOriginalName() {
		return originalName;
	}

	public String getStorage() {
		return storage;
	}

	public String getStorageKey() {
		return storageKey;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
