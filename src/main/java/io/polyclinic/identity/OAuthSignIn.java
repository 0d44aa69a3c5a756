package io.polyclinic.identity;

import org.springframework.stereotype.Service;

import io.polyclinic.identity.internal.OAuthFlow;

/**
 * The start of a sign-in with an OAuth provider (Google, Facebook, Instagram: any registration of Boot's
 * {@code spring.security.oauth2.client.registration.<provider>.*} properties, named by its id). The provider sends
 * the person back to the face's callback, which finishes through the directory (it signs in or signs up whoever the
 * provider vouched for).
 */
@Service
public class OAuthSignIn {

	private final OAuthFlow flow;

	OAuthSignIn(OAuthFlow flow) {
		this.flow = flow;
	}

	/** Whether a provider of this name is registered. */
	public boolean configured(String provider) {
		return flow.configured(provider);
	}

	/**
	 * An authorization URL with a fresh, single-use state (kept ten minutes).
	 *
	 * @param callbackUrl where the provider sends the person back, unless the registration names a full redirect URI
	 * @throws io.polyclinic.platform.Refusal INVALID {@code OAUTH_NOT_CONFIGURED} without a registration
	 */
	public String authorizationUrl(String provider, String callbackUrl) {
		return flow.begin(provider, callbackUrl);
	}
}
