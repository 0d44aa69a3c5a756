package io.polyclinic.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One sign-in: the family of refresh tokens that rotate from it. Revoking it (logout, a reused refresh token) ends
 * every token of the family, access tokens included.
 */
@Entity
@Table(name = "sessions")
public class Session {

	@Id
	private UUID id;
	private Long userId;
	private Instant createdAt;
	private @Nullable Instant revokedAt;
	private @Nullable String revokeReason;

	protected Session() {
	}

	public Session(long userId, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.createdAt = now;
	}

	public void revoke(String reason, Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
			revokeReason = reason;
		}
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}

	public UUID getId() { return id; }
	public Long getUserId() { return userId; }
}
