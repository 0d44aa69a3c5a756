package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;

class SosAuthTests extends ApiTest {

	@Test
	void emailLoginAnswersTheDocumentedShape() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!"))
			.send();

		assertThat(res.status()).isEqualTo(200);
		var body = res.json();
		assertThat(keys(body)).containsExactly("access_token", "message", "user");
		assertThat(keys(body.path("user"))).containsExactly("associated_doctors", "email", "id", "is_email_verified",
				"is_status", "name", "phone", "profile_picture", "role");
		assertThat(body.path("user").path("role").asString()).isEqualTo("admin");
		assertThat(body.path("user").path("is_status").asString()).isEqualTo("active");
		assertThat(body.path("user").path("email").asString()).isEqualTo("admin@test.com");
		assertThat(body.path("user").path("id").asString()).matches("[0-9a-f-]{36}");
	}

	@Test
	void wrongPasswordIs401InTheFacesErrorShape() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "wrong-password"))
			.send();

		assertThat(res.status()).isEqualTo(401);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void aMissingEmailOrShortPasswordIs400NamingTheField() {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("password", "short")).send();

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").asString()).isEqualTo("Validation failed");
		assertThat(res.json().path("details").asString()).contains("email").contains("password");
	}

	@Test
	void malformedJsonAndUnknownRoutesAnswerInTheFacesShape() {
		var malformed = http.post("/sos/api/v1/auth/email/login", "{\"email\":").send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(keys(malformed.json())).containsExactly("details", "error", "status");

		var unknown = http.get("/sos/api/v1/nothing-here").send();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("status").asInt()).isEqualTo(404);
	}

	@Test
	void meAndUsersMeShowTheSignedInUserWithTimestamps() {
		String token = adminToken();

		for (String path : new String[] { "/sos/api/v1/auth/me", "/sos/api/v1/users/me" }) {
			var res = http.get(path).token(token).send();
			assertThat(res.status()).isEqualTo(200);
			assertThat(keys(res.json())).containsExactly("user");
			assertThat(keys(res.json().path("user"))).containsExactly("associated_doctors", "created_at", "email", "id",
					"is_email_verified", "is_status", "name", "phone", "profile_picture", "role", "updated_at");
		}
		assertThat(http.get("/sos/api/v1/auth/me").send().status()).isEqualTo(401);
	}

	@Test
	void logoutRevokesThePresentedToken() {
		String token = adminToken();

		var res = http.post("/sos/api/v1/auth/logout", Map.of()).token(token).send();
		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message");

		var after = http.get("/sos/api/v1/auth/me").token(token).send();
		assertThat(after.status()).isEqualTo(401);
		assertThat(keys(after.json())).containsExactly("details", "error", "status");
	}

	private String adminToken() {
		return http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!")).send()
			.json().path("access_token").asString();
	}
}
