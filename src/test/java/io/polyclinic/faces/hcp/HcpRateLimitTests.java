package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.polyclinic.support.Http;
import io.polyclinic.support.TestDatabase;

/**
 * hcp.md's limits — authentication endpoints 5 a minute, file uploads 10, everything else 100 — with rate limits on (the suite's shared context runs without
 * them): the sixth login within the minute is a 429 in hcp's error shape. A context of its own; each test calls from a
 * client address of its own ({@code X-Forwarded-For}, trusted here as behind a proxy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyclinic.rate-limit.enabled=true", "polyclinic.demo=true", "polyclinic.demo-clinic=false",
				"server.forward-headers-strategy=native" })
class HcpRateLimitTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	Http http;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	/** A client address no other test uses (TEST-NET-2, never routed). */
	static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
	}

	Http.Res login(String address) {
		return http.post(HcpApiTest.API + "/auth/login/", Map.of("username", "admin", "password", "not-the-password"))
			.header("X-Forwarded-For", address).send();
	}

	@Test
	void theSixthLoginWithinAMinuteIs429InHcpsErrorShape() {
		String address = newAddress();
		for (int i = 0; i < 5; i++) {
			Http.Res res = login(address);
			assertThat(res.status()).as(res.body()).isEqualTo(401);
		}

		Http.Res refused = login(address);

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/json");
		assertThat(Http.keys(refused.json())).containsExactlyInAnyOrder("error", "details", "status", "retry_after");
		assertThat(refused.json().path("status").asString()).isEqualTo("error");
		assertThat(refused.json().path("error").asString()).isNotBlank();
		assertThat(refused.json().path("details").isObject()).isTrue();
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 61L);
		// the body's retry_after is the header's seconds, a number
		assertThat(refused.json().path("retry_after").isIntegralNumber()).as(refused.body()).isTrue();
		assertThat(refused.json().path("retry_after").asLong()).isEqualTo(Long.parseLong(refused.header("Retry-After")));
		assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
		// the same limit, the same bucket: the Cognito callback is an authentication endpoint too
		assertThat(http.post(HcpApiTest.API + "/auth/cognito/callback/", Map.of("code", "c", "redirect_uri", "http://x"))
			.header("X-Forwarded-For", address).send().status()).isEqualTo(429);

		// another client keeps its own bucket, and the general limit is untouched by the auth one
		assertThat(login(newAddress()).status()).isEqualTo(401);
	}

	@Test
	void theEleventhUploadWithinAMinuteIs429WhileReadingTheSameListIsNot() {
		String address = newAddress();
		for (int i = 0; i < 10; i++) {
			Http.Res res = upload(address);
			assertThat(res.status()).as(res.body()).isEqualTo(401);
		}

		Http.Res refused = upload(address);

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.json().path("status").asString()).isEqualTo("error");
		assertThat(http.get(HcpApiTest.API + "/emr/documents/").header("X-Forwarded-For", address).send().status())
			.isEqualTo(401);
	}

	@Test
	void theHundredAndFirstRequestWithinAMinuteIs429() {
		String address = newAddress();
		for (int i = 0; i < 100; i++) {
			Http.Res res = http.get(HcpApiTest.API + "/auth/me/").header("X-Forwarded-For", address).send();
			assertThat(res.status()).as(res.body()).isEqualTo(401);
		}

		Http.Res refused = http.get(HcpApiTest.API + "/auth/me/").header("X-Forwarded-For", address).send();

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("100");
	}

	@Test
	void identityAndKycUploadsCountTowardTheSameUploadLimit() {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			Http.Res res = upload(address);
			assertThat(res.status()).as(res.body()).isEqualTo(401);
		}
		for (int i = 0; i < 3; i++) {
			Http.Res identity = upload(address, "/auth/verify/identity/", "document");
			assertThat(identity.status()).as(identity.body()).isEqualTo(401);
			Http.Res kyc = upload(address, "/doctors/kyc/update/", "kyc_documents");
			assertThat(kyc.status()).as(kyc.body()).isEqualTo(401);
		}

		// ten uploads of any kind within the minute: the eleventh is refused, whichever it is
		for (Http.Res refused : java.util.List.of(upload(address, "/auth/verify/identity/", "document"),
				upload(address, "/doctors/kyc/update/", "kyc_documents"), upload(address))) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(429);
			assertThat(Http.keys(refused.json())).containsExactlyInAnyOrder("error", "details", "status",
					"retry_after");
			assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("10");
		}
		// reading where an identity check stands is no upload
		assertThat(http.get(HcpApiTest.API + "/auth/verify/identity/").header("X-Forwarded-For", address).send()
			.status()).isEqualTo(401);
	}

	private Http.Res upload(String address, String path, String part) {
		return http.post(HcpApiTest.API + path, "--x\r\nContent-Disposition: form-data; name=\"" + part
				+ "\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n")
			.header("Content-Type", "multipart/form-data; boundary=x")
			.header("X-Forwarded-For", address)
			.send();
	}

	private Http.Res upload(String address) {
		return http.post(HcpApiTest.API + "/emr/documents/", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nscan\r\n--x--\r\n")
			.header("Content-Type", "multipart/form-data; boundary=x")
			.header("X-Forwarded-For", address)
			.send();
	}
}
