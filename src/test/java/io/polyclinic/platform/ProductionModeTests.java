package io.polyclinic.platform;

import io.polyclinic.support.RawHttp;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import io.polyclinic.Polyclinic;
import io.polyclinic.support.Http;

/**
 * Outside demo mode the application refuses to start on a demo secret or without a first administrator, and once
 * started it has no demo password and no dev outbox. Each case starts the application on a fresh in-memory database
 * of its own and a random port, configured through the documented environment variables. (A start without a web
 * server is no cheaper a test: the security wiring needs one.)
 */
class ProductionModeTests {

	static final String GOOD_SECRET = "a-production-secret-of-at-least-thirty-two-bytes-" + UUID.randomUUID();

	@TempDir
	Path dataDir;

	/** A production start whose every other setting is valid, so that a refusal is about what a test leaves out. */
	List<String> production(String... more) {
		List<String> args = new ArrayList<>(List.of("--POLYCLINIC_DEMO=false",
				"--POLYCLINIC_DATA_DIR=" + dataDir,
				"--POLYCLINIC_OFFLINE_PAYMENT_KEY_SECRET=offline-key-" + UUID.randomUUID(),
				"--POLYCLINIC_OFFLINE_PAYMENT_WEBHOOK_SECRET=offline-webhook-" + UUID.randomUUID(),
				"--POLYCLINIC_FILES_SIGNING_SECRET=file-links-" + UUID.randomUUID(),
				"--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--server.port=0", "--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
		args.addAll(List.of(more));
		return args;
	}

	static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(Polyclinic.class).run(args.toArray(String[]::new));
	}

	/** Why the application refused to start: the innermost cause of its failure. */
	static Throwable refusal(List<String> args) {
		Throwable failure = catchThrowable(() -> start(args).close());
		assertThat(failure).as("the application started").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "short-secret" })
	void refusesToStartOnTheDefaultOrAShortSigningSecret(String secret) {
		List<String> args = production("--POLYCLINIC_ADMIN_EMAIL=root@clinic.test",
				"--POLYCLINIC_ADMIN_PASSWORD=a-long-admin-password");
		// unset: application.yml's default, the demo secret
		if (!secret.isEmpty()) {
			args.add("--POLYCLINIC_JWT_SECRET=" + secret);
		}

		assertThat(refusal(args)).isInstanceOf(IllegalStateException.class).hasMessageContaining("POLYCLINIC_JWT_SECRET");
	}

	@Test
	void refusesToStartWithoutAFirstAdministrator() {
		List<String> args = production("--POLYCLINIC_JWT_SECRET=" + GOOD_SECRET);

		assertThat(refusal(args)).isInstanceOf(MissingConfiguration.class)
			.hasMessageContaining("No administrator exists")
			.hasMessageContaining("POLYCLINIC_ADMIN_EMAIL")
			.hasMessageContaining("POLYCLINIC_ADMIN_PASSWORD");
	}

	@Test
	void startsWithTheAdministratorFromTheEnvironmentAndNothingOfTheDemo() {
		List<String> args = production("--POLYCLINIC_JWT_SECRET=" + GOOD_SECRET,
				"--POLYCLINIC_ADMIN_EMAIL=Root@Clinic.test", "--POLYCLINIC_ADMIN_PASSWORD=a-long-admin-password");

		try (var context = start(args)) {
			var http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());

			var login = http.post("/mibo/api/auth/login/username-password",
					Map.of("username", "admin", "password", "a-long-admin-password")).send();
			assertThat(login.status()).as(login.toString()).isEqualTo(200);
			assertThat(login.data().path("user").path("email").asString()).isEqualTo("root@clinic.test");
			assertThat(login.data().path("user").path("roleName").asString()).isEqualTo("ADMIN");

			var demoPassword = http.post("/mibo/api/auth/login/username-password",
					Map.of("username", "admin", "password", "Admin123!")).send();
			assertThat(demoPassword.status()).isEqualTo(401);
			assertThat(demoPassword.json().path("error").path("code").asString()).isEqualTo("INVALID_CREDENTIALS");

			var demoAdministrator = http.post("/mibo/api/auth/login/phone-password",
					Map.of("phone", "+15550000001", "password", "Admin123!")).send();
			assertThat(demoAdministrator.status()).isEqualTo(401);

			var outbox = http.get("/dev/outbox?to=root%40clinic.test").send();
			assertThat(outbox.status()).isEqualTo(404);
			assertThat(keys(outbox.json())).containsExactly("error", "message", "status");

			var crossOrigin = preflight(context, "https://evil.example");
			assertThat(crossOrigin.status()).as("no origin is allowed unless listed").isEqualTo(403);
			assertThat(crossOrigin.header("Access-Control-Allow-Origin")).isNull();
		}
	}

	@Test
	void browsersCallFromTheListedOriginsOnly() {
		List<String> args = production("--POLYCLINIC_JWT_SECRET=" + GOOD_SECRET,
				"--POLYCLINIC_ADMIN_EMAIL=root@clinic.test", "--POLYCLINIC_ADMIN_PASSWORD=a-long-admin-password",
				"--POLYCLINIC_CORS_ORIGINS=https://app.clinic.test,https://*.partner.test",
				"--POLYCLINIC_CORS_ALLOW_CREDENTIALS=true");

		try (var context = start(args)) {
			var listed = preflight(context, "https://app.clinic.test");
			assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
			assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.clinic.test");
			assertThat(listed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

			var pattern = preflight(context, "https://eu.partner.test");
			assertThat(pattern.header("Access-Control-Allow-Origin")).isEqualTo("https://eu.partner.test");

			var other = preflight(context, "https://evil.example");
			assertThat(other.status()).isEqualTo(403);
			assertThat(other.header("Access-Control-Allow-Origin")).isNull();
			assertThat(other.header("Content-Type")).startsWith("application/json");
			assertThat(keys(other.json())).containsExactly("error", "success");
			assertThat(other.json().path("error").path("code").asString()).isEqualTo("CORS_ORIGIN_NOT_ALLOWED");
		}
	}

	@Test
	void refusesToStartWithAnyOriginAndCredentials() {
		List<String> args = production("--POLYCLINIC_JWT_SECRET=" + GOOD_SECRET,
				"--POLYCLINIC_ADMIN_EMAIL=root@clinic.test", "--POLYCLINIC_ADMIN_PASSWORD=a-long-admin-password",
				"--POLYCLINIC_CORS_ORIGINS=*", "--POLYCLINIC_CORS_ALLOW_CREDENTIALS=true");

		assertThat(refusal(args)).isInstanceOf(MissingConfiguration.class).hasMessageContaining("POLYCLINIC_CORS_ORIGINS");
	}

	/** A browser's preflight of a signed-in call to Mibo from the given origin. */
	static RawHttp.Response preflight(ConfigurableApplicationContext context, String origin) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new RawHttp(port).send("OPTIONS /mibo/api/auth/me HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
				+ "\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n"
				+ "Connection: close\r\n\r\n");
	}
}
