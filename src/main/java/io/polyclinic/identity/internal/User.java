package io.polyclinic.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.identity.Account;
import io.polyclinic.platform.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Everyone who can sign in: staff, clinicians, patients. Email, phone and username are unique across all of them.
 */
@Entity
@Table(name = "users")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private @Nullable String username;
	private @Nullable String email;
	private @Nullable String phone;
	private String fullName;
	private @Nullable String passwordHash;
	@Enumerated(EnumType.STRING)
	private Role role;
	private boolean active;
	private @Nullable Instant deletedAt;
	private @Nullable String profilePictureUrl;
	private @Nullable Instant emailVerifiedAt;
	private @Nullable Instant phoneVerifiedAt;
	private @Nullable Instant identityVerifiedAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected User() {
	}

	public User(String fullName, @Nullable String username, @Nullable String email, @Nullable String phone,
			@Nullable String passwordHash, Role role, Instant now) {
		this.publicId = UUID.randomUUID();
		this.fullName = fullName;
		this.username = username;
		this.email = email;
		this.phone = phone;
		this.passwordHash = passwordHash;
		this.role = role;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public boolean canSignIn() {
		return active && deletedAt == null;
	}

	public void rename(String fullName, Instant now) {
		this.fullName = fullName;
		touch(now);
	}

	public void changeEmail(@Nullable String email, Instant now) {
		this.email = email;
		touch(now);
	}

	/** A number other than the one proven is not proven: its verification goes with the old number. */
	public void changePhone(@Nullable String phone, Instant now) {
		if (!java.util.Objects.equals(this.phone, phone)) {
			this.phoneVerifiedAt = null;
		}
		this.phone = phone;
		touch(now);
	}

	/** The person received a code at their phone number. */
	public void phoneVerified(Instant now) {
		if (phoneVerifiedAt == null) {
			this.phoneVerifiedAt = now;
			touch(now);
		}
	}

	/** An administrator looked at the person's identity document and accepted it, or withdrew that acceptance. */
	public void identityVerified(boolean verified, Instant now) {
		this.identityVerifiedAt = verified ? (identityVerifiedAt == null ? now : identityVerifiedAt) : null;
		touch(now);
	}

	public void changeUsername(@Nullable String username, Instant now) {
		this.username = username;
		touch(now);
	}

	public void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		touch(now);
	}

	public void activate(boolean active, Instant now) {
		this.active = active;
		touch(now);
	}

	/** Soft delete: the row stays for the records that point at it, but the person can no longer sign in. */
	public void delete(Instant now) {
		this.active = false;
		this.deletedAt = now;
		touch(now);
	}

	public void changeProfilePicture(@Nullable String url, Instant now) {
		this.profilePictureUrl = url;
		touch(now);
	}

	/** The person proved they receive mail at their address (a code sent there, or a provider that vouches for it). */
	public void emailVerified(Instant now) {
		if (emailVerifiedAt == null) {
			this.emailVerifiedAt = now;
			touch(now);
		}
	}

	/** The clinic gives this person another role: a patient becomes a clinician, say. */
	public void changeRole(Role role, Instant now) {
		this.role = role;
		touch(now);
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	public Account toAccount() {
		return new Account(id, publicId, username, email, phone, fullName, role, active, deletedAt != null, createdAt,
				updatedAt, profilePictureUrl, emailVerifiedAt != null, phoneVerifiedAt != null, identityVerifiedAt != null);
	}

	public Long getId() { return id; }
	public UUID getPublicId() { return publicId; }
	public @Nullable String getUsername() { return username; }
	public @Nullable String getEmail() { return email; }
	public @Nullable String getPhone() { return phone; }
	public String getFullName() { return fullName; }
	public @Nullable String getPasswordHash() { return passwordHash; }
	public Role getRole() { return role; }
	public boolean isActive() { return active; }
	public @Nullable Instant getDeletedAt() { return deletedAt; }
}
