package io.polyclinic.directory;

/**
 * Where a person's identity check stands: a document waiting for an administrator, or their decision.
 */
public enum IdentityStatus {
	PENDING, VERIFIED, REJECTED
}
