package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * A number in a path or a query string is read only when written plainly: {@code 0x63}, {@code +99}, {@code 099}
 * or {@code " 99"} name no object (they were all read as 99), they are a 400 naming the parameter.
 */
class StrictIdTests extends ApiTest {

	@Autowired
	Clinic clinic;

	@ParameterizedTest
	@ValueSource(strings = { "0x%x", "%%2B%d", "0%d", "%%20%d", "%d%%20", "-%d", "%d.0", "#%x" })
	void aPathIdWrittenAnyOtherWayIsRefused(String format) {
		long id = clinic.clinician(null, "Asia/Kolkata").id();
		assertThat(http.get("/mibo/api/clinicians/" + id).send().status()).isEqualTo(200);

		var res = http.get("/mibo/api/clinicians/" + String.format(format, id, id).replace("#", "%23")).send();

		assertThat(res.status()).as(format + " " + res).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").has("id")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=01", "page=%2B1", "limit=0x10", "centreId=%201", "roleId=-1",
			"page=99999999999" })
	void aNumericQueryParameterWrittenAnyOtherWayIsRefused(String query) {
		String admin = new MiboClient(http).adminToken();

		var res = http.get("/mibo/api/users?" + query).token(admin).send();

		assertThat(res.status()).as(query + " " + res).isEqualTo(400);
		assertThat(res.json().path("error").path("details").has(query.substring(0, query.indexOf('='))))
			.as(res.toString()).isTrue();
	}

	@Test
	void plainNumbersAndMissingOnesStillWork() {
		String admin = new MiboClient(http).adminToken();

		assertThat(http.get("/mibo/api/users?page=1&limit=10&roleId=1").token(admin).send().status()).isEqualTo(200);
		assertThat(http.get("/mibo/api/users?centreId=").token(admin).send().status()).isEqualTo(200);
		assertThat(http.get("/mibo/api/users?limit=0").token(admin).send().json().path("error").path("code")
			.asString()).as("zero is a number; the limit's own rule refuses it").isEqualTo("VALIDATION_ERROR");
	}
}
