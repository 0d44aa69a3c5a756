package io.polyclinic.faces.diabcare;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

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
	void aVerifiedGoogleTokenSignsUpAPatientAndThenSignsThemIn() throws Exception {
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
	void aTokenForAnotherClientOrSignedByAnotherKeyIsRefused() throws Exception {
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

	private static String idToken(RSAKey key, String audience, String email, String name) throws JOSEException {
		Instant now = Instant.now();
		var claims = new JWTClaimsSet.Builder().issuer("https://accounts.google.com")
			.audience(List.of(audience))
			.subject("google-" + UUID.randomUUID())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("email", email)
			.claim("email_verified", true)
			.claim("name", name)
			.build();
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey rsaKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
