package io.polyclinic.identity.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.polyclinic.identity.OtpPurpose;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A one-time code sent to a phone: kept hashed, valid until it expires, is used, or is guessed wrong too often.
 */
@Entity
@Table(name = "otp_challenges")
public class OtpChallenge {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String destination;
	@Enumerated(EnumType.STRING)
	private OtpPurpose purpose;
	private String codeHash;
	private @Nullable String displayName;
	private int attempts;
	private Instant createdAt;
	private Instant expiresAt;
	private @Nullable Instant consumedAt;

	protected OtpChallenge() {
	}

	public OtpChallenge(String destination, OtpPurpose purpose, String codeHash, @Nullable String displayName,
			Instant now, Instant expiresAt) {
		this.destination = destination;
		this.purpose = purpose;
		this.codeHash = codeHash;
		this.displayName = displayName;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	public enum Outcome {
		ACCEPTED, WRONG_CODE, EXPIRED, EXHAUSTED, USED
	}

	/** Checks a code; a wrong guess counts against the challenge whatever the caller does next. */
	public Outcome attempt(String candidateHash, Instant now, int maxAttempts) {
		if (consumedAt != null) {
			return Outcome.USED;
		}
		if (!now.isBefore(expiresAt)) {
			return Outcome.EXPIRED;
		}
		if (attempts >= maxAttempts) {
			return Outcome.EXHAUSTED;
		}
		attempts++;
		if (!java.security.MessageDigest.isEqual(codeHash.getBytes(), candidateHash.getBytes())) {
			return attempts >= maxAttempts ? Outcome.EXHAUSTED : Outcome.WRONG_CODE;
		}
		consumedAt = now;
		return Outcome.ACCEPTED;
	}

	public String getDestination() { return destination; }
	public @Nullable String getDisplayName() { return displayName; }
}
