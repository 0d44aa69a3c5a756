package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** simplejwt's login and refresh, the original's registration and {@code me}, on hcp's paths with and without the slash. */
class HcpAuthTests extends HcpApiTest {

	@Test
	void loginAnswersSimplejwtsPairInsideAndBesideTheEnvelope() {
		String email = HcpPeople.uniqueEmail("login");
		people.register(email, "patient", "Asha", "Rao");

		Http.Res res = http.post(API + "/auth/login/", Map.of("username", email, "password", HcpPeople.PASSWORD))
			.send();

		JsonNode data = data(res, 200);
		assertThat(Http.keys(data)).containsExactlyInAnyOrder("access", "refresh");
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "message", "status", "access", "refresh");
		assertThat(res.json().path("access").asString()).isEqualTo(data.path("access").asString()).isNotBlank();
		assertThat(data.path("refresh").asString()).isNotBlank();
	}

	@Test
	void theDemoAdministratorSignsInWithTheUsernameAdminWithoutTheTrailingSlash() {
		Http.Res res = http.post(API + "/auth/login", Map.of("username", "admin", "password", "Admin123!")).send();

		String access = data(res, 200).path("access").asString();
		JsonNode me = data(http.get(API + "/auth/me").token(access).send(), 200);
		assertThat(me.path("role").asString()).isEqualTo("admin");
		assertThat(me.path("username").asString()).isEqualTo("admin");
	}

	@Test
	void aWrongPasswordIs401AndAMissingFieldIsADrfFieldError() {
		String email = HcpPeople.uniqueEmail("wrong");
		people.register(email, "patient", "Asha", "Rao");

		Http.Res wrong = http.post(API + "/auth/login/", Map.of("username", email, "password", "not-the-password"))
			.send();
		drfError(wrong, 401);
		assertThat(wrong.json().path("error").asString())
			.isEqualTo("No active account found with the given credentials");

		Http.Res missing = http.post(API + "/auth/login/", Map.of("username", email)).send();
		assertThat(fieldError(missing, "password")).isEqualTo("This field is required.");
	}

	@Test
	void refreshRotatesAndASpentRefreshTokenIs401() {
		HcpPeople.Person patient = people.patient();

		Http.Res first = http.post(API + "/auth/token/refresh/", Map.of("refresh", patient.refresh())).send();
		JsonNode pair = data(first, 200);
		assertThat(pair.path("refresh").asString()).isNotEqualTo(patient.refresh());
		assertThat(first.json().path("access").asString()).isEqualTo(pair.path("access").asString());
		data(http.get(API + "/auth/me/").token(pair.path("access").asString()).send(), 200);

		drfError(http.post(API + "/auth/token/refresh/", Map.of("refresh", patient.refresh())).send(), 401);
		assertThat(fieldError(http.post(API + "/auth/token/refresh/", Map.of()).send(), "refresh"))
			.isEqualTo("This field is required.");
	}

	@Test
	void aPatientRegistersAndIsAnsweredAsTheOriginalsUserSerializer() {
		String email = HcpPeople.uniqueEmail("reg");
		Map<String, Object> body = registration(email, "patient");
		body.put("date_of_birth", "1990-04-02");
		body.put("gender", "F");

		Http.Res res = http.post(API + "/auth/register/", body).send();

		JsonNode user = data(res, 201);
		assertThat(user.path("id").isIntegralNumber()).isTrue();
		assertThat(user.path("username").asString()).isEqualTo(email);
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("first_name").asString()).isEqualTo("Meera");
		assertThat(user.path("last_name").asString()).isEqualTo("Iyer Nair");
		assertThat(user.path("role").asString()).isEqualTo("patient");
		assertThat(user.path("date_of_birth").asString()).isEqualTo("1990-04-02");
		assertThat(user.path("gender").asString()).isEqualTo("F");
		assertThat(user.path("is_phone_verified").asBoolean()).isFalse();
		assertThat(user.has("password")).isFalse();
		// the app reads the user's fields at the top level
		assertThat(res.json().path("id").asLong()).isEqualTo(user.path("id").asLong());
		assertThat(res.json().path("role").asString()).isEqualTo("patient");
	}

	@Test
	void aDoctorRegistersAsADoctor() {
		HcpPeople.Person doctor = people.registeredDoctor();

		JsonNode me = data(http.get(API + "/auth/me/").token(doctor.token()).send(), 200);
		assertThat(me.path("role").asString()).isEqualTo("doctor");
		assertThat(me.path("id").asLong()).isEqualTo(doctor.id());
		assertThat(doctor.doctorId()).isNotNull();
	}

	@Test
	void registrationRefusesAnAdministratorMismatchedPasswordsAShortPasswordAndATakenEmail() {
		String email = HcpPeople.uniqueEmail("refused");

		Map<String, Object> admin = registration(email, "admin");
		assertThat(fieldError(http.post(API + "/auth/register/", admin).send(), "role"))
			.isEqualTo("\"admin\" is not a valid choice.");

		Map<String, Object> mismatched = registration(email, "patient");
		mismatched.put("password_confirm", "something-else");
		assertThat(fieldError(http.post(API + "/auth/register/", mismatched).send(), "non_field_errors"))
			.isEqualTo("Passwords don't match");

		Map<String, Object> shortPassword = registration(email, "patient");
		shortPassword.put("password", "short");
		shortPassword.put("password_confirm", "short");
		assertThat(fieldError(http.post(API + "/auth/register/", shortPassword).send(), "password"))
			.isEqualTo("Ensure this field has at least 8 characters.");

		Map<String, Object> badGender = registration(email, "patient");
		badGender.put("gender", "X");
		assertThat(fieldError(http.post(API + "/auth/register/", badGender).send(), "gender")).contains("valid choice");

		data(http.post(API + "/auth/register/", registration(email, "patient")).send(), 201);
		JsonNode taken = drfError(http.post(API + "/auth/register/", registration(email, "doctor")).send(), 409);
		assertThat(taken.has("email")).isTrue();
	}

	@Test
	void meNeedsAToken() {
		Http.Res res = http.get(API + "/auth/me/").send();
		drfError(res, 401);
	}

	@Test
	void anUnknownPathIsA404InTheFacesShape() {
		drfError(http.get(API + "/no-such-thing/").send(), 404);
	}

	private static Map<String, Object> registration(String email, String role) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", email);
		body.put("email", email);
		body.put("password", HcpPeople.PASSWORD);
		body.put("password_confirm", HcpPeople.PASSWORD);
		body.put("first_name", "Meera");
		body.put("last_name", "Iyer Nair");
		body.put("phone", "");
		body.put("role", role);
		return body;
	}
}
