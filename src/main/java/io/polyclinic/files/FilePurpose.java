package io.polyclinic.files;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an upload is for, which decides the types it may be and how long its download links last.
 */
public enum FilePurpose {

	/** A user's picture, shown wherever the user is: images only. */
	PROFILE_PICTURE(EnumSet.of(FileType.PNG, FileType.JPEG, FileType.GIF, FileType.WEBP), "profile-pictures"),
	/** A report, a scan, a lab result attached to a patient's record: images or PDF. */
	MEDICAL_DOCUMENT(EnumSet.allOf(FileType.class), "medical-documents"),
	/** An identity or KYC document (a clinician's licence, a patient's passport): images or PDF. */
	IDENTITY_DOCUMENT(EnumSet.allOf(FileType.class), "identity-documents");

	private final Set<FileType> allowed;
	private final String folder;

	FilePurpose(Set<FileType> allowed, String folder) {
		this.allowed = allowed;
		this.folder = folder;
	}

	public Set<FileType> allowedTypes() {
		return allowed;
	}

	public boolean allows(FileType type) {
		return allowed.contains(type);
	}

	/** The folder (key prefix) its objects are stored under. */
	public String folder() {
		return folder;
	}
}
