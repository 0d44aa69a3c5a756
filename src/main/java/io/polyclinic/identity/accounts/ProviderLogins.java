package io.polyclinic.identity.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.internal.OAuthFlow;
import io.polyclinic.platform.Refusal;

/**
 * The end of an OAuth sign-in: who the provider vouched for. For the directory, which signs that person in or up;
 * faces start the sign-in through {@link io.polyclinic.identity.OAuthSignIn}.
 */
@Service
public class ProviderLogins {

	private final OAuthFlow flow;

	ProviderLogins(OAuthFlow flow) {
		this.flow = flow;
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
}
