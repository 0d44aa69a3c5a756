package io.polyclinic.identity.accounts;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.polyclinic.identity.internal.CognitoProvider;
import io.polyclinic.identity.internal.OAuthFlow;
import io.polyclinic.identity.internal.ProviderSubject;
import io.polyclinic.identity.internal.ProviderSubjects;
import io.polyclinic.platform.Refusal;

/**
 * The end of an OAuth sign-in: who the provider vouched for. For the directory, which signs that person in or up;
 * faces start the sign-in through {@link io.polyclinic.identity.OAuthSignIn}.
 */
@Service
public class ProviderLogins {

	private final OAuthFlow flow;
	private final CognitoProvider cognito;
	private final ProviderSubjects subjects;
	private final Clock clock;

	ProviderLogins(OAuthFlow flow, CognitoProvider cognito, ProviderSubjects subjects, Clock clock) {
		this.flow = flow;
		this.cognito = cognito;
		this.subjects = subjects;
		this.clock = clock;
	}

	/**
	 * Checks the state (single use), exchanges the code and reads who the provider vouched for.
	 *
	 * @throws Refusal UNAUTHENTICATED {@code OAUTH_INVALID_STATE} for a forged, reused or expired state,
	 *         {@code OAUTH_FAILED} when the provider does not confirm, {@code OAUTH_EMAIL_MISSING}/
	 *         {@code OAUTH_EMAIL_UNVERIFIED} without a verified address; INVALID {@code OAUTH_NOT_CONFIGURED}
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public ProviderLogin verify(String provider, @Nullable String code, @Nullable String state) {
		return flow.complete(provider, code, state);
	}

	/**
	 * Verifies an id token a mobile app obtained from the provider for the clinic's client, and reads who it vouches
	 * for.
	 *
	 * @throws Refusal UNAUTHENTICATED {@code OAUTH_FAILED} for a token that does not verify,
	 *         {@code OAUTH_EMAIL_MISSING}/{@code OAUTH_EMAIL_UNVERIFIED} without a verified address; INVALID
	 *         {@code OAUTH_NOT_CONFIGURED}
	 */
	public ProviderLogin verifyIdToken(String provider, @Nullable String idToken) {
		return flow.verifyIdToken(provider, idToken);
	}

	/**
	 * Finishes a sign-in at the clinic's AWS Cognito user pool that the browser started at Cognito's hosted page:
	 * the code is exchanged with the redirect URI the browser used (client_secret_basic), and the id token is
	 * verified against the pool's JWK set. The provider of the answer is {@value CognitoProvider#NAME}.
	 *
	 * @throws Refusal INVALID ({@code code}, {@code redirect_uri}) when one is missing, {@code OAUTH_NOT_CONFIGURED}
	 *         without the pool's settings; UNAVAILABLE {@code OAUTH_UNAVAILABLE} when its discovery document cannot be
	 *         read; UNAUTHENTICATED {@code OAUTH_FAILED} when Cognito does not confirm or its id token does not verify,
	 *         {@code OAUTH_EMAIL_MISSING}/{@code OAUTH_EMAIL_UNVERIFIED} without a verified address
	 */
	public ProviderLogin verifyCognito(@Nullable String code, @Nullable String redirectUri) {
		var registration = cognito.registration();
		if (!StringUtils.hasText(code)) {
			throw Refusal.invalidField("code", "This field is required.");
		}
		if (!StringUtils.hasText(redirectUri)) {
			throw Refusal.invalidField("redirectUri", "This field is required.");
		}
		return flow.exchange(registration, code.trim(), redirectUri.trim());
	}

	/** The account a provider's subject is linked to, if it is. */
	@Transactional(readOnly = true)
	public Optional<Long> linkedAccount(String provider, String subject) {
		return subjects.findByProviderAndSubject(provider, subject).map(ProviderSubject::getUserId);
	}

	/**
	 * Links a provider's subject to an account, for good; a subject already linked stays with its account.
	 *
	 * @return the account the subject is linked to afterwards
	 */
	@Transactional
	public long link(String provider, String subject, long userId) {
		Optional<Long> linked = linkedAccount(provider, subject);
		if (linked.isPresent()) {
			return linked.get();
		}
		try {
			subjects.saveAndFlush(new ProviderSubject(provider, subject, userId, clock.instant()));
			return userId;
		}
		catch (DataIntegrityViolationException e) {
			throw Refusal.conflict("ALREADY_LINKED", "This sign-in is already linked to another account");
		}
	}
}
