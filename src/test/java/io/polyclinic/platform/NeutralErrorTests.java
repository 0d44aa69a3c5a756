package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;

/**
 * Outside every face (the root, actuator, the dev outbox) errors answer the neutral JSON shape
 * {@code {"error","message","status"}}: never an HTML page, never a stack trace.
 */
class NeutralErrorTests extends ApiTest {

	@Test
	void anUnknownPathIsANeutralJsonNotFound() {
		var res = http.get("/nothing").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "message", "status");
		assertThat(res.json().path("error").asString()).isEqualTo("NOT_FOUND");
		assertThat(res.json().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void aBrowserAskingForHtmlStillGetsJson() {
		var res = http.get("/nothing/at/all").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(res.body()).doesNotContain("<html").doesNotContain("Whitelabel");
		assertThat(res.json().path("error").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void aBrowserAskingOnlyForHtmlGetsNoErrorPage() {
		var res = http.get("/nothing").header("Accept", "text/html").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.body()).doesNotContain("<html").doesNotContain("Whitelabel");
	}

	@Test
	void aWrongMethodOutsideTheFacesIsNeutral() {
		var res = http.delete("/dev/outbox?to=someone@example.com").send();

		assertThat(res.status()).isEqualTo(405);
		assertThat(keys(res.json())).containsExactly("error", "message", "status");
		assertThat(res.json().path("error").asString()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void aMissingParameterOutsideTheFacesIsANeutralValidationError() {
		var res = http.get("/dev/outbox").send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(keys(res.json())).containsExactly("details", "error", "message", "status");
		assertThat(res.json().path("error").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(res.json().path("details").path("to").asString()).isEqualTo("is required");
	}

	@Test
	void theRootIsNotAnErrorPage() {
		var res = http.get("/").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(res.json().path("error").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void aFacePathKeepsItsFacesShape() {
		var res = http.get("/mibo/api/nothing").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
	}
}
