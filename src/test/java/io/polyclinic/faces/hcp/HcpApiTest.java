package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** An HTTP test of the Healthcare Platform face, with people registered and signed in through its own endpoints. */
abstract class HcpApiTest extends ApiTest {

	static final String API = "/hcp/api";

	@Autowired
	Clinic clinic;

	@Autowired
	ClinicianRegistry clinicians;

	HcpPeople people;

	@BeforeEach
	void hcpPeople() {
		people = new HcpPeople(http, clinic, clinicians);
	}

	/** A success: the status, hcp's envelope, and its {@code data}. */
	static JsonNode data(Http.Res res, int status) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		JsonNode body = res.json();
		assertThat(body.path("status").asString()).as(res.body()).isEqualTo("success");
		assertThat(body.has("data")).as(res.body()).isTrue();
		assertThat(body.path("message").isString()).as(res.body()).isTrue();
		return body.path("data");
	}

	/** A 200 whose data is a DRF page: {@code {count, next, previous, results}}. */
	static JsonNode page(Http.Res res) {
		JsonNode page = data(res, 200);
		assertThat(Http.keys(page)).as(res.body()).containsExactlyInAnyOrder("count", "next", "previous", "results");
		assertThat(page.path("results").isArray()).isTrue();
		return page;
	}

	/** An error in hcp's shape, {@code {error, details, status: "error"}}; answers the details. */
	static JsonNode drfError(Http.Res res, int status) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).as(res.body()).containsExactlyInAnyOrder("error", "details", "status");
		assertThat(body.path("status").asString()).isEqualTo("error");
		assertThat(body.path("error").isString()).isTrue();
		assertThat(body.path("details").isObject()).isTrue();
		return body.path("details");
	}

	/** The first message DRF gives for one field. */
	static String fieldError(Http.Res res, String field) {
		JsonNode details = drfError(res, 400);
		assertThat(details.path(field).isArray()).as(res.body()).isTrue();
		return details.path(field).get(0).asString();
	}
}
