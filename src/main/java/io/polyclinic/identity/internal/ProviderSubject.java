package io.polyclinic.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An OpenID provider's subject linked to an account: the provider's stable name for the person, which outlives a
 * change of their email address there.
 */
@Entity
@Table(name = "provider_subjects")
public class ProviderSubject {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String provider;
	private String subject;
	private Long userId;
	private Instant createdAt;

	protected ProviderSubject() {
	}

	public ProviderSubject(String provider, String subject, long userId, Instant now) {
		this.provider = provider;
		this.subject = subject;
		this.userId = userId;
		this.createdAt = now;
	}

	public Long getUserId() {
		return userId;
	}
}
