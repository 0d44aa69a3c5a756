package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;

/**
 * Actuator shows health and metrics, and nothing that would leak configuration or memory.
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
	void prometheusScrapesWithoutAToken() {
		var res = http.get("/actuator/prometheus").send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(res.header("Content-Type")).startsWith("text/plain");
		assertThat(res.body()).contains("# TYPE").contains("jvm_memory_used_bytes");
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
