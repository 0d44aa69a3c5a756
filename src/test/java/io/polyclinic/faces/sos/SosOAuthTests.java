package io.polyclinic.faces.sos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.GoogleIdTokens;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * OAuth sign-in end to end against a local stub provider: Google as OpenID Connect (a token endpoint answering an id
 * token signed with a key of the stub's JWK set, and a user-info endpoint), Facebook as plain OAuth 2.0 (user info
 * only). Configured with Boot's standard {@code spring.security.oauth2.client.*} properties; Instagram is left
 * unregistered. Its own application context (the registrations differ from the suite's).
 */
class SosOAuthTests extends ApiTest {

	private static final String AUTH = "/sos/api/v1/auth";
	private static final WireMockServer provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
	private static final RSAKey signingKey = rsaKey("stub-key-1");

	static {
		provider.start();
		provider.stubFor(get("/google/jwks").willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
	}

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		String base = provider.baseUrl();
		String google = "spring.security.oauth2.client.";
		registry.add(google + "registration.google.client-id", () -> "google-client-id");
		registry.add(google + "registration.google.client-secret", () -> "google-client-secret");
		registry.add(google + "registration.google.scope", () -> "openid,profile,email");
		registry.add(google + "provider.google.authorization-uri", () -> base + "/google/authorize");
		registry.add(google + "provider.google.token-uri", () -> base + "/google/token");
		registry.add(google + "provider.google.jwk-set-uri", () -> base + "/google/jwks");
		registry.add(google + "provider.google.user-info-uri", () -> base + "/google/userinfo");
		registry.add(google + "provider.google.user-name-attribute", () -> "sub");
		registry.add(google + "registration.facebook.client-id", () -> "facebook-app-id");
		registry.add(google + "registration.facebook.client-secret", () -> "facebook-app-secret");
		registry.add(google + "provider.facebook.authorization-uri", () -> base + "/facebook/dialog/oauth");
		registry.add(google + "provider.facebook.token-uri", () -> base + "/facebook/oauth/access_token");
		registry.add(google + "provider.facebook.user-info-uri", () -> base + "/facebook/me?fields=id,name,email");
	}

	@AfterAll
	static void stop() {
		provider.stop();
	}

	@Test
	void authUrlIsARealAuthorizationRequestWithAFreshState() {
		var res = http.get(AUTH + "/google").send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("auth_url", "message");
		String url = res.json().path("auth_url").asString();
		assertThat(url).startsWith(provider.baseUrl() + "/google/authorize?");
		MultiValueMap<String, String> query = query(url);
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("client_id")).isEqualTo("google-client-id");
		assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost:" + port + AUTH + "/google/callback");
		assertThat(query.getFirst("scope").split(" ")).contains("openid", "email");
		assertThat(query.getFirst("state")).hasSizeGreaterThan(30);
		assertThat(query.getFirst("nonce")).isNotBlank();

		String again = query(http.get(AUTH + "/google").send().json().path("auth_url").asString()).getFirst("state");
		assertThat(again).isNotEqualTo(query.getFirst("state"));

		MultiValueMap<String, String> facebook = query(http.get(AUTH + "/facebook").send().json().path("auth_url")
			.asString());
		assertThat(facebook.getFirst("client_id")).isEqualTo("facebook-app-id");
		assertThat(facebook.getFirst("scope").split(" ")).contains("email");
		assertThat(facebook.getFirst("redirect_uri")).endsWith(AUTH + "/facebook/callback");
	}

	@Test
	void googleRoundTripSignsUpANewPatientWithTheVerifiedEmailAndTheStateServesOnce() throws Exception {
		String email = "amelie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String subject = "google-" + UUID.randomUUID();
		MultiValueMap<String, String> authorization = query(http.get(AUTH + "/google").send().json().path("auth_url")
			.asString());
		String code = "code-" + UUID.randomUUID();
		stubGoogle(code, idToken(signingKey, subject, email, authorization.getFirst("nonce")), subject, email);

		var res = http.get(AUTH + "/google/callback?code=" + code + "&state=" + authorization.getFirst("state")).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("access_token", "message", "user");
		JsonNode user = res.json().path("user");
		assertThat(keys(user)).containsExactly("associated_doctors", "email", "id", "is_email_verified", "is_status",
				"name", "phone", "profile_picture", "role");
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("name").asString()).isEqualTo("Amélie Dupont");
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("is_status").asString()).isEqualTo("active");
		assertThat(user.path("is_email_verified").asBoolean()).isTrue();
		assertThat(user.path("profile_picture").asString()).isEqualTo("https://lh3.example.com/amelie.png");
		var me = http.get(AUTH + "/me").token(res.json().path("access_token").asString()).send();
		assertThat(me.json().path("user").path("id").asString()).isEqualTo(user.path("id").asString());
		// the code was exchanged with the client's credentials, for the redirect URI it was issued to
		provider.verify(postRequestedFor(urlPathEqualTo("/google/token"))
			.withHeader("Authorization", containing("Basic "))
			.withRequestBody(containing("grant_type=authorization_code"))
			.withRequestBody(containing("code=" + code))
			.withRequestBody(containing("redirect_uri=http%3A%2F%2Flocalhost%3A" + port)));

		var replay = http.get(AUTH + "/google/callback?code=" + code + "&state=" + authorization.getFirst("state"))
			.send();
		assertRefused(replay, 401, "OAUTH_INVALID_STATE");

		// a second sign-in with the same address is the same person
		MultiValueMap<String, String> second = query(http.get(AUTH + "/google").send().json().path("auth_url")
			.asString());
		String code2 = "code-" + UUID.randomUUID();
		stubGoogle(code2, idToken(signingKey, subject, email, second.getFirst("nonce")), subject, email);
		var again = http.get(AUTH + "/google/callback?code=" + code2 + "&state=" + second.getFirst("state")).send();
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("user").path("id").asString()).isEqualTo(user.path("id").asString());
	}

	@Test
	void aForgedStateOrAnotherProvidersStateGivesNoToken() {
		var forged = http.get(AUTH + "/google/callback?code=anything&state=" + UUID.randomUUID()).send();
		assertRefused(forged, 401, "OAUTH_INVALID_STATE");

		var missing = http.get(AUTH + "/google/callback?code=anything").send();
		assertRefused(missing, 401, "OAUTH_INVALID_STATE");

		String facebookState = query(http.get(AUTH + "/facebook").send().json().path("auth_url").asString())
			.getFirst("state");
		var crossed = http.get(AUTH + "/google/callback?code=anything&state=" + facebookState).send();
		assertRefused(crossed, 401, "OAUTH_INVALID_STATE");
		provider.verify(0, postRequestedFor(urlPathEqualTo("/google/token")).withRequestBody(containing("code=anything")));
	}

	@Test
	void anIdTokenNotSignedByTheProvidersKeysOrForAnotherNonceGivesNoToken() throws Exception {
		String email = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		MultiValueMap<String, String> first = query(http.get(AUTH + "/google").send().json().path("auth_url").asString());
		String code = "code-" + UUID.randomUUID();
		// signed by a key of the attacker's, which the provider's JWK set does not hold
		stubGoogle(code, idToken(rsaKey("attacker-key"), "sub-1", email, first.getFirst("nonce")), "sub-1", email);
		assertRefused(http.get(AUTH + "/google/callback?code=" + code + "&state=" + first.getFirst("state")).send(), 401,
				"OAUTH_FAILED");

		MultiValueMap<String, String> second = query(http.get(AUTH + "/google").send().json().path("auth_url").asString());
		String code2 = "code-" + UUID.randomUUID();
		stubGoogle(code2, idToken(signingKey, "sub-2", email, "another-nonce"), "sub-2", email);
		assertRefused(http.get(AUTH + "/google/callback?code=" + code2 + "&state=" + second.getFirst("state")).send(),
				401, "OAUTH_FAILED");

		// the provider refuses the code
		MultiValueMap<String, String> third = query(http.get(AUTH + "/google").send().json().path("auth_url").asString());
		provider.stubFor(post("/google/token").withRequestBody(containing("code=expired-code"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
		assertRefused(http.get(AUTH + "/google/callback?code=expired-code&state=" + third.getFirst("state")).send(), 401,
				"OAUTH_FAILED");

		// none of it signed anybody up
		String admin = http.post(AUTH + "/email/login", java.util.Map.of("email", "admin@test.com", "password",
				"Admin123!")).send().json().path("access_token").asString();
		var found = http.get("/sos/api/v1/users?search=" + email).token(admin).send();
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("pagination").path("total").asInt()).isZero();
	}

	@Test
	void facebookRoundTripReadsTheUserInfoAndAnUnverifiedEmailIsRefused() {
		String email = "kofi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		MultiValueMap<String, String> authorization = query(http.get(AUTH + "/facebook").send().json()
			.path("auth_url").asString());
		assertThat(authorization.getFirst("nonce")).isNull();
		String code = "fb-" + UUID.randomUUID();
		provider.stubFor(post("/facebook/oauth/access_token").withRequestBody(containing("code=" + code))
			.willReturn(okJson("{\"access_token\":\"fb-token-" + code + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
		provider.stubFor(get(urlPathEqualTo("/facebook/me"))
			.withHeader("Authorization", equalTo("Bearer fb-token-" + code))
			.willReturn(okJson("{\"id\":\"10158\",\"name\":\"Kofi Mensah\",\"email\":\"" + email + "\"}")));

		var res = http.get(AUTH + "/facebook/callback?code=" + code + "&state=" + authorization.getFirst("state")).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("user").path("email").asString()).isEqualTo(email);
		assertThat(res.json().path("user").path("name").asString()).isEqualTo("Kofi Mensah");
		assertThat(res.json().path("user").path("is_email_verified").asBoolean()).isTrue();

		MultiValueMap<String, String> next = query(http.get(AUTH + "/facebook").send().json().path("auth_url")
			.asString());
		String code2 = "fb-" + UUID.randomUUID();
		provider.stubFor(post("/facebook/oauth/access_token").withRequestBody(containing("code=" + code2))
			.willReturn(okJson("{\"access_token\":\"fb-token-" + code2 + "\",\"token_type\":\"bearer\"}")));
		provider.stubFor(get(urlPathEqualTo("/facebook/me"))
			.withHeader("Authorization", equalTo("Bearer fb-token-" + code2))
			.willReturn(okJson("{\"id\":\"10159\",\"name\":\"Eve\",\"email\":\"eve@example.com\",\"email_verified\":false}")));
		assertRefused(http.get(AUTH + "/facebook/callback?code=" + code2 + "&state=" + next.getFirst("state")).send(),
				401, "OAUTH_EMAIL_UNVERIFIED");
	}

	@Test
	void aProviderWithoutARegistrationIsNotConfigured() {
		var res = http.get(AUTH + "/instagram").send();

		assertRefused(res, 400, "OAUTH_NOT_CONFIGURED");
		assertThat(res.json().path("error").asString()).contains("instagram");
	}

	private void stubGoogle(String code, String idToken, String subject, String email) {
		provider.stubFor(post("/google/token").withRequestBody(containing("code=" + code)).willReturn(okJson("""
				{"access_token":"google-token-%s","token_type":"Bearer","expires_in":3599,
				 "scope":"openid https://www.googleapis.com/auth/userinfo.profile https://www.googleapis.com/auth/userinfo.email",
				 "id_token":"%s"}""".formatted(code, idToken))));
		provider.stubFor(get("/google/userinfo").withHeader("Authorization", equalTo("Bearer google-token-" + code))
			.willReturn(okJson("""
					{"sub":"%s","name":"Amélie Dupont","given_name":"Amélie","family_name":"Dupont",
					 "picture":"https://lh3.example.com/amelie.png","email":"%s","email_verified":true}"""
				.formatted(subject, email))));
	}

	private static String idToken(RSAKey key, String subject, String email, String nonce) {
		return GoogleIdTokens.idToken(key, "google-client-id", subject, email,
				Map.of("azp", "google-client-id", "nonce", nonce));
	}

	private static RSAKey rsaKey(String id) {
		return GoogleIdTokens.rsaKey(id);
	}

	private static MultiValueMap<String, String> query(String url) {
		MultiValueMap<String, String> raw = UriComponentsBuilder.fromUriString(url).build().getQueryParams();
		MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
		raw.forEach((name, values) -> values.forEach(
				v -> decoded.add(name, v == null ? null : URLDecoder.decode(v, StandardCharsets.UTF_8))));
		return decoded;
	}

	private static void assertRefused(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("details").asString()).isEqualTo(code);
		assertThat(res.json().has("access_token")).isFalse();
	}
}
