package io.polyclinic.directory.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.IdentityCheck;
import io.polyclinic.directory.IdentityStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One person's identity check. A new document after a rejection (or while still pending) starts the check again; a
 * verified identity stays verified.
 */
@Entity
@Table(name = "identity_checks")
public class IdentityCheckRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long userId;
	private UUID documentId;
	@Enumerated(EnumType.STRING)
	private IdentityStatus status;
	private Instant submittedAt;
	private @Nullable Instant decidedAt;
	private @Nullable Long decidedBy;
	@Version
	private long version;

	protected IdentityCheckRecord() {
	}

	public IdentityCheckRecord(long userId, UUID documentId, Instant now) {
		this.userId = userId;
		this.documentId = documentId;
		this.status = IdentityStatus.PENDING;
		this.submittedAt = now;
	}

	public boolean isVerified() {
		return status == IdentityStatus.VERIFIED;
	}

	public boolean isPending() {
		return status == IdentityStatus.PENDING;
	}

	/** A new document to look at: the check waits for a decision again. */
	public void resubmitted(UUID documentId, Instant now) {
		this.documentId = documentId;
		this.status = IdentityStatus.PENDING;
		this.submittedAt = now;
		this.decidedAt = null;
		this.decidedBy = null;
	}

	public void decided(boolean verified, long administrator, Instant now) {
		this.status = verified ? IdentityStatus.VERIFIED : IdentityStatus.REJECTED;
		this.decidedAt = now;
		this.decidedBy = administrator;
	}

	public IdentityCheck view() {
		return new IdentityCheck(id, userId, documentId, status, submittedAt, decidedAt, decidedBy);
	}
}
