package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start refused for its configuration tells the operator, in a few lines, what is wrong and what to set: Spring
 * Boot's failure report, not a stack trace. Checked on a real start in a JVM of its own, since what matters is what
 * the operator's terminal shows.
 */
class StartupFailureReportTests {

	@TempDir
	Path dataDir;

	@Test
	void productionModeWithoutASigningSecretSaysWhatToSet() throws Exception {
		try (var application = ApplicationProcess.start(dataDir, ApplicationProcess.freePort(),
				List.of("POLYCLINIC_DEMO=false", "POLYCLINIC_DATA_DIR=" + dataDir,
						"POLYCLINIC_ADMIN_EMAIL=root@clinic.test", "POLYCLINIC_ADMIN_PASSWORD=a-long-admin-password",
						"POLYCLINIC_OFFLINE_PAYMENT_KEY_SECRET=offline-key-" + UUID.randomUUID(),
						"POLYCLINIC_OFFLINE_PAYMENT_WEBHOOK_SECRET=offline-webhook-" + UUID.randomUUID(),
						"POLYCLINIC_FILES_SIGNING_SECRET=file-links-" + UUID.randomUUID(),
						"SPRING_DATASOURCE_URL=jdbc:h2:mem:refused-" + UUID.randomUUID()
								+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
				"--spring.main.banner-mode=off")) {

			assertThat(application.awaitExit()).isNotZero();

			String output = application.output();
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Polyclinic cannot start: Production mode (POLYCLINIC_DEMO=false) needs a secret of its own")
				.contains("Action:")
				.contains("Set POLYCLINIC_JWT_SECRET to at least 32 random bytes");
			assertThat(output.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
				.as("stack trace lines in:\n" + output).isEmpty();
		}
	}
}
