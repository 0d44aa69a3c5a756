package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.polyclinic.support.Http;
import io.polyclinic.support.TestDatabase;

/**
 * With Actuator on a management port of its own ({@code MANAGEMENT_SERVER_PORT}, kept off the public network), a
 * Prometheus server scrapes it without a token, and the public port serves no Actuator at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
				"polyclinic.demo-clinic=false" })
class ManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Test
	void prometheusScrapesTheManagementPortWithoutAToken() {
		var res = new Http(managementPort).get("/actuator/prometheus").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.body()).contains("jvm_memory_used_bytes");
		assertThat(new Http(managementPort).get("/actuator/health").send().status()).isEqualTo(200);
	}

	@Test
	void thePublicPortHasNoActuator() {
		var res = new Http(port).get("/actuator/prometheus").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
	}
}
