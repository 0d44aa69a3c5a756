package io.polyclinic.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClientException;

import io.polyclinic.identity.accounts.ProviderLogin;
import io.polyclinic.platform.Refusal;

/**
 * OAuth 2.0 / OpenID Connect sign-in with Spring Security's client building blocks and Boot's
 * {@code spring.security.oauth2.client.registration/provider.*} properties (a registration's id is the provider's
 * name). Not {@code oauth2Login()}: the API is stateless, so the state lives in the database ({@link OAuthState}),
 * and the person ends with the clinic's own tokens, not a servlet session.
 */
@Component
@Transactional(noRollbackFor = Refusal.class)
public class OAuthFlow {

	private static final Logger log = LoggerFactory.getLogger(OAuthFlow.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	/** Long enough to choose an account and consent at the provider; short enough that a lost state is worthless. */
	private static final Duration STATE_TTL = Duration.ofMinutes(10);

	private final ObjectProvider<ClientRegistrationRepository> registrations;
	private final OAuthStates states;
	private final Clock clock;
	private final RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
	private final DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
	private final OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();

	OAuthFlow(ObjectProvider<ClientRegistrationRepository> registrations, OAuthStates states, Clock clock) {
		this.registrations = registrations;
		this.states = states;
		this.clock = clock;
	}

	public boolean configured(String provider) {
		return find(provider) != null;
	}

	/**
	 * A fresh authorization URL (response type code, the registration's client id and scopes, a new state; a nonce
	 * when the scopes ask for an id token; PKCE when the registration asks for it). A redirect URI configured as a
	 * full URL wins; Boot's default template (which points at {@code oauth2Login()}'s path) gives way to the face's
	 * own callback.
	 */
	public String begin(String provider, String callbackUrl) {
		ClientRegistration registration = registration(provider);
		Instant now = clock.instant();
		states.sweep(now);
		String state = random(32);
		String configured = registration.getRedirectUri();
		String redirectUri = StringUtils.hasText(configured) && !configured.contains("{") ? configured : callbackUrl;
		String nonce = registration.getScopes().contains(OidcScopes.OPENID) ? random(32) : null;
		boolean pkce = registration.getClientSettings().isRequireProofKey()
				|| ClientAuthenticationMethod.NONE.equals(registration.getClientAuthenticationMethod());
		String verifier = pkce ? random(48) : null;
		states.save(new OAuthState(AccessTokens.hash(state), provider, redirectUri, nonce, verifier, now,
				now.plus(STATE_TTL)));
		return request(registration, redirectUri, state, nonce, verifier).getAuthorizationRequestUri();
	}

	/**
	 * Finishes a sign-in: takes the state (once: a replay, an expired or another provider's state is refused, and so
	 * is one never issued), exchanges the code at the token endpoint, verifies an id token against the provider's
	 * JWK set (signature, issuer, audience, expiry, nonce) when one comes, reads the user-info endpoint when there is
	 * one, and answers with the address the provider verified.
	 */
	public ProviderLogin complete(String provider, @Nullable String code, @Nullable String state) {
		if (!StringUtils.hasText(state)) {
			throw badState();
		}
		OAuthState saved = states.findByStateHash(AccessTokens.hash(state)).orElseThrow(OAuthFlow::badState);
		// deleted whatever follows: a state serves one callback, even a failed one
		if (states.take(saved.getId()) != 1 || saved.isExpired(clock.instant()) || !saved.getProvider().equals(provider)) {
			throw badState();
		}
		ClientRegistration registration = registration(provider);
		if (!StringUtils.hasText(code)) {
			throw Refusal.unauthenticated("OAUTH_DENIED", "The provider did not grant the sign-in");
		}
		try {
			OAuth2AuthorizationRequest request = request(registration, saved.getRedirectUri(), state, saved.getNonce(),
					saved.getCodeVerifier());
			OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
				.redirectUri(saved.getRedirectUri())
				.state(state)
				.build();
			OAuth2AccessTokenResponse answer = tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
					registration, new OAuth2AuthorizationExchange(request, response)));
			return login(registration, answer, saved.getNonce());
		}
		catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException | RestClientException e) {
			log.warn("OAuth sign-in with {} failed: {}", provider, e.getMessage());
			throw failed();
		}
	}

	/**
	 * Finishes a sign-in that a browser started at the provider itself (a hosted sign-in page, as Cognito's), so
	 * that the clinic issued no state to check: the code is exchanged at the token endpoint with the redirect URI the
	 * browser used (the provider refuses any other), and the id token that must come back is verified against the
	 * provider's JWK set (signature, issuer, audience, expiry). The code itself is what cannot be replayed: the
	 * provider takes it once.
	 */
	public ProviderLogin exchange(ClientRegistration registration, String code, String redirectUri) {
		try {
			OAuth2AuthorizationRequest request = request(registration, redirectUri, null, null, null);
			OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
				.redirectUri(redirectUri)
				.build();
			OAuth2AccessTokenResponse answer = tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
					registration, new OAuth2AuthorizationExchange(request, response)));
			if (!(answer.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String)) {
				throw new JwtException("The provider answered without an id token");
			}
			return login(registration, answer, null);
		}
		catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException | RestClientException e) {
			log.warn("Sign-in with {} failed: {}", registration.getRegistrationId(), e.getMessage());
			throw failed();
		}
	}

	/**
	 * A sign-in a mobile app finished itself: it holds an id token the provider issued to the clinic's client id (the
	 * app asks for it with that id as its server client). The token is verified as a callback's is — against the
	 * provider's JWK set, for its issuer, audience and expiry — and must carry a verified email address.
	 */
	public ProviderLogin verifyIdToken(String provider, @Nullable String idToken) {
		ClientRegistration registration = registration(provider);
		if (!StringUtils.hasText(idToken)) {
			throw failed();
		}
		try {
			Jwt verified = idTokens.createDecoder(registration).decode(idToken);
			return vouched(registration, verified.getSubject(), new HashMap<>(verified.getClaims()));
		}
		catch (OAuth2AuthenticationException | JwtException e) {
			log.warn("An id token of {} was refused: {}", provider, e.getMessage());
			throw failed();
		}
	}

	private ProviderLogin login(ClientRegistration registration, OAuth2AccessTokenResponse answer,
			@Nullable String nonce) {
		Map<String, Object> claims = new HashMap<>();
		String subject = null;
		Object idToken = answer.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
		Jwt verified = null;
		if (idToken instanceof String text) {
			verified = idTokens.createDecoder(registration).decode(text);
			if (nonce != null && !nonce.equals(verified.getClaimAsString(OidcParameterNames.NONCE))) {
				throw new JwtException("The id token's nonce is not the one sent");
			}
			subject = verified.getSubject();
		}
		else if (nonce != null) {
			throw new JwtException("An OpenID provider answered without an id token");
		}
		if (StringUtils.hasText(registration.getProviderDetails().getUserInfoEndpoint().getUri())) {
			OAuth2User user = userInfo.loadUser(new OAuth2UserRequest(registration, answer.getAccessToken(),
					answer.getAdditionalParameters()));
			Object sub = user.getAttributes().get("sub");
			if (subject != null && sub != null && !subject.equals(String.valueOf(sub))) {
				throw new JwtException("The user info names another subject than the id token");
			}
			claims.putAll(user.getAttributes());
			subject = subject == null ? user.getName() : subject;
		}
		if (verified != null) {
			claims.putAll(verified.getClaims()); // the signed claims have the last word
		}
		if (subject == null) {
			throw new JwtException("The provider named nobody: no id token and no user info endpoint");
		}
		return vouched(registration, subject, claims);
	}

	/** Who the provider vouched for: a subject with an email address it verified. */
	private static ProviderLogin vouched(ClientRegistration registration, String subject, Map<String, Object> claims) {
		String email = text(claims.get("email"));
		if (email == null) {
			throw Refusal.unauthenticated("OAUTH_EMAIL_MISSING",
					"The provider did not share an email address; sign in another way");
		}
		Object emailVerified = claims.containsKey("email_verified") ? claims.get("email_verified")
				: claims.get("verified_email");
		if (emailVerified != null && !Boolean.parseBoolean(String.valueOf(emailVerified))) {
			throw Refusal.unauthenticated("OAUTH_EMAIL_UNVERIFIED",
					"The provider has not verified this email address");
		}
		return new ProviderLogin(registration.getRegistrationId(), subject, email.toLowerCase(Locale.ROOT),
				name(claims), picture(claims.get("picture")));
	}

	private static OAuth2AuthorizationRequest request(ClientRegistration registration, String redirectUri,
			@Nullable String state, @Nullable String nonce, @Nullable String verifier) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (nonce != null) {
			parameters.put(OidcParameterNames.NONCE, nonce);
			attributes.put(OidcParameterNames.NONCE, nonce);
		}
		if (verifier != null) {
			parameters.put(PkceParameterNames.CODE_CHALLENGE, s256(verifier));
			parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
			attributes.put(PkceParameterNames.CODE_VERIFIER, verifier);
		}
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(redirectUri)
			.scopes(registration.getScopes())
			.state(state)
			.additionalParameters(parameters)
			.attributes(attributes)
			.build();
	}

	private ClientRegistration registration(String provider) {
		ClientRegistration registration = find(provider);
		if (registration == null) {
			throw Refusal.invalid("OAUTH_NOT_CONFIGURED", "Sign-in with " + provider + " is not configured");
		}
		return registration;
	}

	private @Nullable ClientRegistration find(String provider) {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		ClientRegistration registration = repository == null ? null : repository.findByRegistrationId(provider);
		return registration != null
				&& "authorization_code".equals(registration.getAuthorizationGrantType().getValue()) ? registration : null;
	}

	private static @Nullable String name(Map<String, Object> claims) {
		String name = text(claims.get("name"));
		if (name == null) {
			String given = text(claims.get("given_name"));
			String family = text(claims.get("family_name"));
			name = given == null ? family : family == null ? given : given + " " + family;
		}
		return name != null ? name : text(claims.get("username"));
	}

	/** Google's picture is a URL; Facebook's is {@code {"data":{"url":...}}}. */
	private static @Nullable String picture(@Nullable Object picture) {
		if (picture instanceof Map<?, ?> map && map.get("data") instanceof Map<?, ?> data) {
			return text(data.get("url"));
		}
		String url = text(picture);
		return url != null && url.startsWith("https://") ? url : null;
	}

	private static @Nullable String text(@Nullable Object value) {
		return value instanceof String s && !s.isBlank() ? s.trim() : null;
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Refusal badState() {
		return Refusal.unauthenticated("OAUTH_INVALID_STATE",
				"This sign-in link is invalid, expired or already used; start again");
	}

	private static Refusal failed() {
		return Refusal.unauthenticated("OAUTH_FAILED", "The provider did not confirm the sign-in");
	}
}
