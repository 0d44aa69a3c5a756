package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.Polyclinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;

/**
 * The one-command start keeps its data: what was stored before a restart is there after it, on the embedded
 * file database under the data directory, and the demo seed does not run twice.
 */
class RestartTests {

	@Test
	void theEmbeddedDatabaseKeepsDataAcrossARestart() throws Exception {
		Path dataDir = Files.createTempDirectory("polyclinic-restart");
		String phone = MiboClient.newPhone();

		try (var first = start(dataDir)) {
			var http = new Http(port(first));
			var admin = new MiboClient(http).adminToken();
			assertThat(http.get("/mibo/api/health").send().status()).isEqualTo(200);
			var login = http.post("/mibo/api/auth/send-otp", Map.of("phone", "+15550000001")).send();
			assertThat(login.status()).isEqualTo(200);
			assertThat(admin).isNotBlank();
			first.getBean(io.polyclinic.directory.PatientRegistry.class)
				.register(io.polyclinic.directory.PatientDetails.named("Kept Patient", phone),
						io.polyclinic.directory.LeadSource.PHONE, io.polyclinic.platform.Actor.system());
		}
		assertThat(dataDir.resolve("polyclinic.mv.db")).exists();

		try (var second = start(dataDir)) {
			var accounts = second.getBean(io.polyclinic.identity.accounts.Accounts.class);
			assertThat(accounts.findByPhone(phone)).get().extracting(a -> a.fullName()).isEqualTo("Kept Patient");
			var http = new Http(port(second));
			assertThat(new MiboClient(http).adminToken()).isNotBlank();
			var centres = second.getBean(io.polyclinic.directory.CentreRegistry.class)
				.find(null, false, org.springframework.data.domain.PageRequest.of(0, 10));
			assertThat(centres.getTotalElements()).as("demo clinic seeded once").isEqualTo(2);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(Polyclinic.class).run("--server.port=0", "--polyclinic.demo=true",
				"--polyclinic.data-dir=" + dataDir, "--polyclinic.rate-limit.enabled=false",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("polyclinic")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--logging.level.root=WARN");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}
}
