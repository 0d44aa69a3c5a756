package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.SignIn;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** An HTTP test of the Clinico face, with people signed in through the clinic's own sign-in. */
abstract class ClinicoApiTest extends ApiTest {

	static final String API = "/clinico/api";

	@Autowired
	Clinic clinic;

	@Autowired
	PatientRegistry patientRegistry;

	@Autowired
	SignIn signIn;

	ClinicoPeople people;

	@BeforeEach
	void clinicoPeople() {
		people = new ClinicoPeople(clinic, patientRegistry, signIn);
	}

	/** A success with this status: its JSON body (a bare object or array). */
	static JsonNode ok(Http.Res res, int status) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		assertThat(res.header("Content-Type")).as(res.body()).startsWith("application/json");
		return res.json();
	}

	/** An error in clinico's shape, exactly {@code {"error": <code>, "message": <text>}}: answers the message. */
	static String error(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).as(res.body()).containsExactlyInAnyOrder("error", "message");
		assertThat(body.path("error").asString()).as(res.body()).isEqualTo(code);
		assertThat(body.path("message").asString()).as(res.body()).isNotBlank();
		return body.path("message").asString();
	}

	/** An error in clinico's shape with this status, whatever its code: answers the code. */
	static String error(Http.Res res, int status) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).as(res.body()).containsExactlyInAnyOrder("error", "message");
		assertThat(body.path("error").asString()).as(res.body()).matches("[A-Z][A-Z0-9_]*");
		return body.path("error").asString();
	}
}
