package io.polyclinic.faces.hcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.polyclinic.support.GoogleIdTokens;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The AWS Cognito callback end to end against a local stub user pool: its OpenID discovery document, its token
 * endpoint (which takes the app client's credentials by HTTP Basic and the redirect URI the code was issued for) and its
 * JWK set, with id tokens signed by a test RSA key. A forged signature, another client's audience, another issuer and
 * an expired token are refused. Its own application context (the pool is configured here only).
 */
class HcpCognitoTests extends HcpApiTest {

	private static final String CALLBACK = API + "/auth/cognito/callback/";
	private static final String CLIENT_ID = "cognito-app-client";
	private static final String CLIENT_SECRET = "cognito-app-secret";
	private static final String REDIRECT = "http://localhost:3000/auth/callback";
	private static final WireMockServer pool = new WireMockServer(WireMockConfiguration.options().dynamicPort());
	private static final RSAKey poolKey = GoogleIdTokens.rsaKey("pool-key-1");
	/** A key the pool never published, under the same key id: a forger's. */
	private static final RSAKey forgerKey = GoogleIdTokens.rsaKey("pool-key-1");

	static {
		pool.start();
		String issuer = issuer();
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("issuer", issuer);
		discovery.put("authorization_endpoint", pool.baseUrl() + "/oauth2/authorize");
		discovery.put("token_endpoint", pool.baseUrl() + "/oauth2/token");
		discovery.put("userinfo_endpoint", pool.baseUrl() + "/oauth2/userInfo");
		discovery.put("jwks_uri", issuer + "/.well-known/jwks.json");
		discovery.put("response_types_supported", List.of("code", "token"));
		discovery.put("subject_types_supported", List.of("public"));
		discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
		discovery.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
		discovery.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		pool.stubFor(get("/pool/.well-known/openid-configuration").willReturn(okJson(Http.JSON.writeValueAsString(
				discovery))));
		pool.stubFor(get("/pool/.well-known/jwks.json").willReturn(okJson(new JWKSet(poolKey.toPublicJWK())
			.toString())));
		// any code the test did not stub is refused as Cognito refuses one
		pool.stubFor(post("/oauth2/token").atPriority(10).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
	}

	static String issuer() {
		return pool.baseUrl() + "/pool";
	}

	@DynamicPropertySource
	static void cognito(DynamicPropertyRegistry registry) {
		registry.add("polyclinic.cognito.issuer-uri", HcpCognitoTests::issuer);
		registry.add("polyclinic.cognito.client-id", () -> CLIENT_ID);
		registry.add("polyclinic.cognito.client-secret", () -> CLIENT_SECRET);
	}

	@AfterAll
	static void stop() {
		pool.stop();
	}

	@Test
	void aNewPersonIsSignedUpAsAPatientWithTokensAndTheCodeIsExchangedAsCognitoWantsIt() {
		String email = "cognito-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String subject = UUID.randomUUID().toString();
		String code = code(idToken(poolKey, issuer(), CLIENT_ID, subject, email, 3600, Map.of("given_name", "Lena",
				"family_name", "Fischer")));

		Http.Res res = http.post(CALLBACK, Map.of("code", code, "redirect_uri", REDIRECT)).send();

		JsonNode data = data(res, 200);
		assertThat(Http.keys(data)).containsExactlyInAnyOrder("access", "refresh", "user");
		JsonNode user = data.path("user");
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("first_name").asString()).isEqualTo("Lena");
		assertThat(user.path("last_name").asString()).isEqualTo("Fischer");
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("is_email_verified").asBoolean()).isTrue();
		// as the original answered it, beside the envelope too
		assertThat(res.json().path("user").path("id").asLong()).isEqualTo(user.path("id").asLong());
		JsonNode me = data(http.get(API + "/auth/me/").token(data.path("access").asString()).send(), 200);
		assertThat(me.path("id").asLong()).isEqualTo(user.path("id").asLong());
		data(http.post(API + "/auth/token/refresh/", Map.of("refresh", data.path("refresh").asString())).send(), 200);

		pool.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
			.withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
					(CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))))
			.withRequestBody(containing("grant_type=authorization_code"))
			.withRequestBody(containing("code=" + code))
			.withRequestBody(containing("redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))));
	}

	@Test
	void anAccountWithTheVerifiedEmailIsLinkedAndThenFoundBySubjectWhateverItsEmailBecomes() {
		HcpPeople.Person patient = people.patient();
		String subject = UUID.randomUUID().toString();

		JsonNode first = data(http.post(CALLBACK, Map.of("code", code(idToken(poolKey, issuer(), CLIENT_ID, subject,
				patient.email(), 3600, Map.of())), "redirect_uri", REDIRECT)).send(), 200);
		assertThat(first.path("user").path("id").asLong()).isEqualTo(patient.id());

		// the person changed their address at Cognito: the subject still names them
		String changed = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		JsonNode again = data(http.post(CALLBACK, Map.of("code", code(idToken(poolKey, issuer(), CLIENT_ID, subject,
				changed, 3600, Map.of())), "redirect_uri", REDIRECT)).send(), 200);
		assertThat(again.path("user").path("id").asLong()).isEqualTo(patient.id());
		assertThat(again.path("user").path("email").asString()).isEqualTo(patient.email());

		// a doctor is signed in as the doctor they are
		HcpPeople.Person doctor = people.registeredDoctor();
		JsonNode asDoctor = data(http.post(CALLBACK, Map.of("code", code(idToken(poolKey, issuer(), CLIENT_ID,
				UUID.randomUUID().toString(), doctor.email(), 3600, Map.of())), "redirect_uri", REDIRECT)).send(), 200);
		assertThat(asDoctor.path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(asDoctor.path("user").path("role").asString()).isEqualTo("doctor");
	}

	@Test
	void aForgedAnotherClientsAnotherIssuersOrAnExpiredIdTokenIsRefused() {
		String email = "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String subject = UUID.randomUUID().toString();
		List<String> refused = List.of(
				idToken(forgerKey, issuer(), CLIENT_ID, subject, email, 3600, Map.of()),
				idToken(poolKey, issuer(), "another-app-client", subject, email, 3600, Map.of()),
				idToken(poolKey, "https://cognito-idp.eu-west-1.amazonaws.com/another-pool", CLIENT_ID, subject, email,
						3600, Map.of()),
				idToken(poolKey, issuer(), CLIENT_ID, subject, email, -3600, Map.of()));
		for (String idToken : refused) {
			Http.Res res = http.post(CALLBACK, Map.of("code", code(idToken), "redirect_uri", REDIRECT)).send();
			drfError(res, 401);
			assertThat(res.json().path("error").asString()).isEqualTo("The provider did not confirm the sign-in");
		}
		// an unverified address signs nobody in
		Http.Res unverified = http.post(CALLBACK, Map.of("code", code(idToken(poolKey, issuer(), CLIENT_ID, subject,
				email, 3600, Map.of("email_verified", false))), "redirect_uri", REDIRECT)).send();
		drfError(unverified, 401);
		// a code Cognito does not know (or took already)
		drfError(http.post(CALLBACK, Map.of("code", "never-issued", "redirect_uri", REDIRECT)).send(), 401);
		// nobody was signed up by any of these
		JsonNode list = page(http.get(API + "/auth/list/?search=" + email).token(people.admin().token()).send());
		assertThat(list.path("count").asLong()).isZero();
	}

	@Test
	void aMissingCodeOrRedirectUriIsADrfFieldError() {
		assertThat(fieldError(http.post(CALLBACK, Map.of("redirect_uri", REDIRECT)).send(), "code"))
			.isEqualTo("This field is required.");
		assertThat(fieldError(http.post(CALLBACK, Map.of("code", "abc")).send(), "redirect_uri"))
			.isEqualTo("This field is required.");
	}

	/** A fresh code the stub pool exchanges, once the client authenticates and names the redirect URI, for the token. */
	private static String code(String idToken) {
		String code = "code-" + UUID.randomUUID();
		Map<String, Object> answer = Map.of("access_token", "cognito-access-" + code, "id_token", idToken,
				"refresh_token", "cognito-refresh", "token_type", "Bearer", "expires_in", 3600);
		pool.stubFor(post("/oauth2/token").atPriority(1)
			.withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
					(CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))))
			.withRequestBody(containing("code=" + code))
			.withRequestBody(containing("redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
			.willReturn(okJson(Http.JSON.writeValueAsString(answer))));
		return code;
	}

	/** An id token as a Cognito user pool signs one, valid for {@code seconds} from now (negative: expired). */
	private static String idToken(RSAKey key, String issuer, String audience, String subject, String email,
			long seconds, Map<String, Object> claims) {
		Instant now = Instant.now();
		Instant issued = seconds < 0 ? now.plusSeconds(seconds * 2) : now;
		var builder = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject(subject)
			.issueTime(Date.from(issued))
			.expirationTime(Date.from(now.plusSeconds(seconds)))
			.claim("token_use", "id")
			.claim("cognito:username", subject)
			.claim("email", email)
			.claim("email_verified", true);
		claims.forEach(builder::claim);
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				builder.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}
}
