package io.polyclinic.faces.diabcare;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.polyclinic.support.GoogleIdTokens;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Google sign-in on the phone (POST /api/auth/google/mobile): the app's id token is verified against a local stub of
 * Google's JWK set, for the clinic's client id. Its own application context (a Google registration is configured).
 */
class DiabcareGoogleSignInTests extends DiabcareApiTest {

	private static final WireMockServer google = new WireMockServer(WireMockConfiguration.options().dynamicPort());
	private static final RSAKey googleKey = rsaKey("google-key-1");

	static {
		google.start();
		google.stubFor(get("/jwks").willReturn(okJson(new JWKSet(googleKey.toPublicJWK()).toString())));
	}

	@DynamicPropertySource
	static void googleRegistration(DynamicPropertyRegistry registry) {
		String client = "spring.security.oauth2.client.";
		registry.add(client + "registration.google.client-id", () -> "diabcare-web-client");
		registry.add(client + "registration.google.client-secret", () -> "secret");
		registry.add(client + "registration.google.scope", () -> "openid,profile,email");
		registry.add(client + "provider.google.authorization-uri", () -> google.baseUrl() + "/authorize");
		registry.add(client + "provider.google.token-uri", () -> google.baseUrl() + "/token");
		registry.add(client + "provider.google.jwk-set-uri", () -> google.baseUrl() + "/jwks");
		registry.add(client + "provider.google.user-name-attribute", () -> "sub");
	}

	@AfterAll
	static void stop() {
		google.stop();
	}

	@Test
	void aVerifiedGoogleTokenSignsUpAPatientAndThenSignsThemIn() {
		String email = "google-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";
		String token = idToken(googleKey, "diabcare-web-client", email, "Fatma Ben Ali");

		Http.Res first = http.post(API + "/auth/google/mobile", Map.of("idToken", token, "role", "PATIENT")).send();

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(Http.keys(first.json())).containsExactlyInAnyOrder("user", "accessToken");
		JsonNode user = first.json().path("user");
		assertThat(user.path("role").asString()).isEqualTo("PATIENT");
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("prenom").asString()).isEqualTo("Fatma");
		assertThat(user.path("nom").asString()).isEqualTo("Ben Ali");

		Http.Res again = http.post(API + "/auth/google/mobile", Map.of("idToken", token)).send();
		assertThat(again.json().path("user").path("_id").asString()).isEqualTo(user.path("_id").asString());
		assertThat(http.get(API + "/auth/profile").token(again.json().path("accessToken").asString()).send()
			.json().path("_id").asString()).isEqualTo(user.path("_id").asString());
	}

	@Test
	void aTokenForAnotherClientOrSignedByAnotherKeyIsRefused() {
		String email = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";

		nestError(http.post(API + "/auth/google/mobile",
				Map.of("idToken", idToken(googleKey, "someone-elses-client", email, "Mallory"))).send(), 401,
				"Unauthorized");
		nestError(http.post(API + "/auth/google/mobile",
				Map.of("idToken", idToken(rsaKey("forged"), "diabcare-web-client", email, "Mallory"))).send(), 401,
				"Unauthorized");
		nestError(http.post(API + "/auth/google/mobile", Map.of("idToken", "not-a-jwt")).send(), 401,
				"Unauthorized");
		assertThat(validationMessages(http.post(API + "/auth/google/mobile", Map.of("role", "ADMIN")).send()))
			.containsExactlyInAnyOrder("idToken should not be empty",
					"role must be one of the following values: PATIENT, MEDECIN, PHARMACIEN");
	}

	private static String idToken(RSAKey key, String audience, String email, String name) {
		return GoogleIdTokens.idToken(key, audience, "google-" + UUID.randomUUID(), email, Map.of("name", name));
	}

	private static RSAKey rsaKey(String id) {
		return GoogleIdTokens.rsaKey(id);
	}
}
