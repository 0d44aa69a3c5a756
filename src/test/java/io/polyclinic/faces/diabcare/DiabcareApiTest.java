package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** An HTTP test of the DiabCare face, with people registered through its own sign-up. */
abstract class DiabcareApiTest extends ApiTest {

	static final String API = "/diabcare/api";

	DiabcarePeople people;

	@BeforeEach
	void diabcarePeople() {
		people = new DiabcarePeople(http);
	}

	/** NestJS's error body: the status, its reason phrase, and a message. */
	static JsonNode nestError(Http.Res res, int status, String reason) {
		assertThat(res.status()).as(res.body()).isEqualTo(status);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("statusCode", "message", "error");
		assertThat(body.path("statusCode").asInt()).isEqualTo(status);
		assertThat(body.path("error").asString()).isEqualTo(reason);
		return body;
	}

	/** A validation failure: 400 with class-validator's list of sentences. */
	static List<String> validationMessages(Http.Res res) {
		JsonNode body = nestError(res, 400, "Bad Request");
		assertThat(body.path("message").isArray()).as(res.body()).isTrue();
		return body.path("message").valueStream().map(JsonNode::asString).toList();
	}
}
