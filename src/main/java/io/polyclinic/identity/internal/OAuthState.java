package io.polyclinic.identity.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An OAuth sign-in under way: the hash of the state sent to the provider, and what the callback needs to finish (the
 * redirect URI the code was issued for, the OpenID nonce, the PKCE verifier). Used once.
 */
@Entity
@Table(name = "oauth_states")
public class OAuthState {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String stateHash;
	private String provider;
	private String redirectUri;
	private @Nullable String nonce;
	private @Nullable String codeVerifier;
	private Instant createdAt;
	private Instant expiresAt;

	protected OAuthState() {
	}

	public OAuthState(String stateHash, String provider, String redirectUri, @Nullable String nonce,
			@Nullable String codeVerifier, Instant now, Instant expiresAt) {
		this.stateHash = stateHash;
		this.provider = provider;
		this.redirectUri = redirectUri;
		this.nonce = nonce;
		this.codeVerifier = codeVerifier;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	public boolean isExpired(Instant now) {
		return !now.isBefore(expiresAt);
	}

	public Long getId() { return id; }
	public String getProvider() { return provider; }
	public String getRedirectUri() { return redirectUri; }
	public @Nullable String getNonce() { return nonce; }
	public @Nullable String getCodeVerifier() { return codeVerifier; }
}
