package io.polyclinic.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token, kept only as its SHA-256 hash. It can be used once: using it again means it was stolen.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String tokenHash;
	private UUID sessionId;
	private Instant issuedAt;
	private Instant expiresAt;
	private @Nullable Instant usedAt;

	protected RefreshToken() {
	}

	public RefreshToken(String tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.sessionId = sessionId;
		this.issuedAt = now;
		this.expiresAt = expiresAt;
	}

	public boolean isUsed() {
		return usedAt != null;
	}

	public boolean isExpired(Instant now) {
		return !now.isBefore(expiresAt);
	}

	public void use(Instant now) {
		this.usedAt = now;
	}

	public UUID getSessionId() { return sessionId; }
}
