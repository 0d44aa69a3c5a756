package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.MiboClient;

/**
 * Actuator shows health and info to anyone, metrics and Prometheus to administrators, and nothing that would leak
 * configuration or memory.
 */
class ActuatorTests extends ApiTest {

	@Test
	void healthIsUpWithoutDetails() {
		var res = http.get("/actuator/health").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("status").asString()).isEqualTo("UP");
		assertThat(keys(res.json())).doesNotContain("components", "details");
	}

	@Test
	void infoAnswersAnyoneAndTellsNothing() {
		var res = http.get("/actuator/info").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).isEmpty();
	}

	@Test
	void metricsAndPrometheusNeedAToken() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used" }) {
			var res = http.get(path).send();

			assertThat(res.status()).as(path + " " + res).isEqualTo(401);
			assertThat(res.header("Content-Type")).as(path).startsWith("application/json");
			assertThat(keys(res.json())).containsExactly("error", "message", "status");
			assertThat(res.body()).doesNotContain("jvm_memory");
		}
	}

	@Test
	void metricsAndPrometheusAreForAdministratorsOnly() {
		var mibo = new MiboClient(http);
		for (int role : new int[] { 2, 4, 6 }) {
			String staff = mibo.staff(role).token();
			for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics" }) {
				var res = http.get(path).token(staff).send();

				assertThat(res.status()).as("role " + role + " " + path + " " + res).isEqualTo(403);
				assertThat(keys(res.json())).containsExactly("error", "message", "status");
			}
		}
	}

	@Test
	void anAdministratorScrapesPrometheus() {
		String admin = new MiboClient(http).adminToken();

		var res = http.get("/actuator/prometheus").token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(res.header("Content-Type")).startsWith("text/plain");
		assertThat(res.body()).contains("# TYPE").contains("jvm_memory_used_bytes");
		assertThat(http.get("/actuator/metrics").token(admin).send().json().path("names").toString())
			.contains("jvm.memory.used");
	}

	@Test
	void environmentAndHeapDumpAreNotExposed() {
		for (String path : new String[] { "/actuator/env", "/actuator/heapdump", "/actuator/configprops",
				"/actuator/beans", "/actuator/loggers" }) {
			var res = http.get(path).send();

			assertThat(res.status()).as(path + " " + res).isEqualTo(404);
			assertThat(res.header("Content-Type")).as(path).startsWith("application/json");
			assertThat(res.body()).as(path).doesNotContain("spring.datasource").doesNotContain("jwt");
		}
	}
}
