package io.polyclinic.identity.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClientException;

import io.polyclinic.platform.Refusal;

/**
 * The AWS Cognito user pool the clinic signs people in with ({@code polyclinic.cognito.issuer-uri}, {@code client-id},
 * {@code client-secret}), as a Spring Security client registration built from the pool's OpenID discovery document
 * ({@code <issuer>/.well-known/openid-configuration}: token endpoint, JWK set). The document is read at the first
 * sign-in, not at start-up, so that the application starts while Cognito is unreachable; a failed read is tried again
 * at the next sign-in. The app client authenticates with HTTP Basic (client_secret_basic), as Cognito's confidential
 * clients do.
 */
@Component
public class CognitoProvider {

	public static final String NAME = "cognito";

	private static final Logger log = LoggerFactory.getLogger(CognitoProvider.class);

	private final String issuer;
	private final String clientId;
	private final String clientSecret;
	private final AtomicReference<@Nullable ClientRegistration> discovered = new AtomicReference<>();

	CognitoProvider(@Value("${polyclinic.cognito.issuer-uri:}") String issuer,
			@Value("${polyclinic.cognito.client-id:}") String clientId,
			@Value("${polyclinic.cognito.client-secret:}") String clientSecret) {
		this.issuer = issuer.trim();
		this.clientId = clientId.trim();
		this.clientSecret = clientSecret.trim();
	}

	public boolean configured() {
		return StringUtils.hasText(issuer) && StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
	}

	/**
	 * @throws Refusal INVALID {@code OAUTH_NOT_CONFIGURED} without the three settings; UNAVAILABLE
	 *         {@code OAUTH_UNAVAILABLE} when the discovery document cannot be read
	 */
	public ClientRegistration registration() {
		if (!configured()) {
			throw Refusal.invalid("OAUTH_NOT_CONFIGURED", "Sign-in with Cognito is not configured");
		}
		ClientRegistration known = discovered.get();
		if (known != null) {
			return known;
		}
		try {
			ClientRegistration registration = ClientRegistrations.fromOidcIssuerLocation(issuer)
				.registrationId(NAME)
				.clientId(clientId)
				.clientSecret(clientSecret)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.scope("openid", "email", "profile")
				// the browser's own redirect URI is forwarded with each code; this one is never used
				.redirectUri("{baseUrl}/hcp/api/auth/cognito/callback/")
				// the signed id token names the person; no second call to the user-info endpoint
				.userInfoUri(null)
				.build();
			discovered.set(registration);
			return registration;
		}
		catch (IllegalArgumentException | IllegalStateException | RestClientException e) {
			log.warn("Cognito's discovery document at {} could not be read: {}", issuer, e.getMessage());
			throw Refusal.unavailable("OAUTH_UNAVAILABLE", "Sign-in with Cognito is unavailable right now; try again later");
		}
	}
}
