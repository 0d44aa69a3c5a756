package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import io.polyclinic.support.TestDatabase;

/**
 * Rate limits as Mibo's table sets them, with small limits so that a test can reach them; and Mibo served at the root
 * as well ({@code POLYCLINIC_ROOT_FACE=mibo}). A context of its own, since the suite's shared one runs without limits
 * and without a root face.
 * <p>
 * Each test calls from its own client address: the application trusts {@code X-Forwarded-For} here (as it would
 * behind a reverse proxy), so every test gets buckets no other test has touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyclinic.rate-limit.enabled=true", "polyclinic.rate-limit.mibo.general=5",
				"polyclinic.rate-limit.mibo.auth=4", "polyclinic.rate-limit.mibo.otp=3", "polyclinic.rate-limit.sos.auth=2", "polyclinic.demo=true",
				"polyclinic.demo-clinic=false", "POLYCLINIC_ROOT_FACE=mibo", "server.forward-headers-strategy=native" })
class RateLimitTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();
	private static final long WINDOW_SECONDS = 15 * 60;

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

	/** A client address no other test uses (TEST-NET-3, never routed). */
	static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
	}

	Http.Res health(String address) {
		return http.get("/mibo/api/health").header("X-Forwarded-For", address).send();
	}

	@Test
	void everyLimitedAnswerCarriesTheRateLimitHeaders() {
		String address = newAddress();
		long now = Instant.now().getEpochSecond();

		var first = health(address);
		var second = health(address);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
		assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
		assertThat(Long.parseLong(first.header("X-RateLimit-Reset"))).isBetween(now, now + WINDOW_SECONDS + 2);
		assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("3");
	}

	@Test
	void beyondTheLimitIs429InMibosShapeWithRetryAfter() {
		String address = newAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(health(address).status()).isEqualTo(200);
		}

		var refused = health(address);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/json");
		assertThat(keys(refused.json())).containsExactly("error", "success");
		assertThat(refused.json().path("success").asBoolean(true)).isFalse();
		var error = refused.json().path("error");
		assertThat(keys(error)).containsExactly("code", "message", "retryAfter");
		assertThat(error.path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(error.path("message").asString()).isEqualTo("Too many requests. Please try again later.");
		long retryAfter = error.path("retryAfter").asLong();
		assertThat(retryAfter).isBetween(1L, WINDOW_SECONDS + 1);
		assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
		assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
		assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
	}

	@Test
	void anotherClientAddressKeepsItsOwnBucket() {
		String exhausted = newAddress();
		for (int i = 0; i < 6; i++) {
			health(exhausted);
		}
		assertThat(health(exhausted).status()).isEqualTo(429);

		var other = health(newAddress());

		assertThat(other.status()).isEqualTo(200);
		assertThat(other.header("X-RateLimit-Remaining")).isEqualTo("4");
	}

	@Test
	void aSignedInUserIsCountedAsThemselvesNotByAddress() {
		String address = newAddress();
		var login = http.post("/mibo/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.header("X-Forwarded-For", address)
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		String token = login.data().path("accessToken").asString();
		for (int i = 0; i < 6; i++) {
			health(address);
		}
		assertThat(health(address).status()).isEqualTo(429);

		var me = http.get("/mibo/api/auth/me").token(token).header("X-Forwarded-For", address).send();

		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.header("X-RateLimit-Limit")).isEqualTo("5");
	}

	@Test
	void sendingOneTimeCodesIsLimitedToThreePerWindow() {
		String address = newAddress();
		for (int i = 0; i < 3; i++) {
			var sent = http.post("/mibo/api/auth/send-otp", Map.of("phone", MiboClient.newPhone()))
				.header("X-Forwarded-For", address)
				.send();
			assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
			assertThat(sent.header("X-RateLimit-Limit")).isEqualTo("3");
			assertThat(sent.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
		}

		var refused = http.post("/mibo/api/auth/send-otp", Map.of("phone", MiboClient.newPhone()))
			.header("X-Forwarded-For", address)
			.send();

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("error").path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(refused.header("Retry-After")).isNotBlank();
		// the general bucket is another one
		assertThat(health(address).status()).isEqualTo(200);
	}

	@Test
	void signInAttemptsHaveTheirOwnLimit() {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			var wrong = http.post("/mibo/api/auth/login/username-password",
					Map.of("username", "admin", "password", "wrong-" + i))
				.header("X-Forwarded-For", address)
				.send();
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.header("X-RateLimit-Limit")).isEqualTo("4");
		}

		var refused = http.post("/mibo/api/auth/login/username-password",
				Map.of("username", "admin", "password", "Admin123!"))
			.header("X-Forwarded-For", address)
			.send();

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("error").path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
	}

	@Test
	void sosSignInsAreLimitedInSosShape() {
		String address = newAddress();
		for (int i = 0; i < 2; i++) {
			var wrong = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password",
					"wrong-password-" + i)).header("X-Forwarded-For", address).send();
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.header("X-RateLimit-Limit")).isEqualTo("2");
		}

		var refused = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password",
				"Admin123!")).header("X-Forwarded-For", address).send();

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.json().path("status").asInt()).isEqualTo(429);
		assertThat(refused.json().path("details").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
		assertThat(refused.json().path("retry_after").asLong()).isPositive();
	}

	@Test
	void theRootFaceAnswersMibosPathsWithoutThePrefix() {
		String address = newAddress();

		var prefixed = health(address);
		var root = http.get("/api/health").header("X-Forwarded-For", address).send();

		assertThat(root.status()).isEqualTo(200);
		assertThat(keys(root.json())).isEqualTo(keys(prefixed.json())).containsExactly("data", "success");
		assertThat(keys(root.data())).isEqualTo(keys(prefixed.data()));
		assertThat(root.data().path("status").asString()).isEqualTo("healthy");
		// the same face, so the same bucket
		assertThat(root.header("X-RateLimit-Remaining")).isEqualTo("3");

		var login = http.post("/api/auth/login/username-password", Map.of("username", "admin", "password", "Admin123!"))
			.header("X-Forwarded-For", address)
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.json().path("message").asString()).isEqualTo("Login successful");
		assertThat(keys(login.data())).containsExactly("accessToken", "refreshToken", "user");

		var unknown = http.get("/api/nothing").header("X-Forwarded-For", address).send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(keys(unknown.json())).containsExactly("error", "success");
	}

	@Test
	void theApplicationsOwnPathsStayWhereTheyAreUnderARootFace() {
		var health = http.get("/actuator/health").send();
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.header("X-RateLimit-Limit")).isNull();

		var outbox = http.get("/dev/outbox?to=nobody%40example.com").send();
		assertThat(outbox.status()).isEqualTo(200);
		assertThat(outbox.json().isArray()).isTrue();

		// a file download link is the application's, not the root face's
		var file = http.get("/files/" + java.util.UUID.randomUUID() + "?expires=1&signature=made-up").send();
		assertThat(file.status()).isEqualTo(403);
		assertThat(keys(file.json())).containsExactly("error", "message", "status");
		assertThat(file.json().path("error").asString()).isEqualTo("INVALID_SIGNATURE");

		var docs = http.get("/v3/api-docs/mibo").send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/mibo/api/health")).isTrue();
	}
}
