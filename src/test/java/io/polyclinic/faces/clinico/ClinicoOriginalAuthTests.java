package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** The original Clinico client's sign-in, sign-up and "me", served under /clinico in the original's words. */
class ClinicoOriginalAuthTests extends ClinicoApiTest {

	@Autowired
	ClinicianRegistry clinicians;

	@Autowired
	Availability availability;

	ClinicoOriginalPeople original;

	@BeforeEach
	void originalPeople() {
		original = new ClinicoOriginalPeople(http, clinic, clinicians, availability);
	}

	@Test
	void aPatientSignsInByEmailAndPasswordAndGetsTheOriginalsAnswer() {
		var patient = original.patient();
		var res = http.post(API + "/auth/login", Map.of("email", patient.email().toUpperCase(), "password",
				ClinicoOriginalPeople.PASSWORD)).send();
		JsonNode body = ok(res, 200);
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("success", "message", "token", "user");
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Login successful");
		assertThat(Http.keys(body.path("user"))).containsExactlyInAnyOrder("user_id", "email", "full_name", "role");
		assertThat(body.path("user").path("user_id").asLong()).isEqualTo(patient.userId());
		assertThat(body.path("user").path("email").asString()).isEqualTo(patient.email());
		assertThat(body.path("user").path("full_name").asString()).isEqualTo(patient.name());
		assertThat(body.path("user").path("role").asString()).isEqualTo("Patient");
		// the token is the clinic's: another face accepts it
		var me = http.get("/hcp/api/auth/me").token(body.path("token").asString()).send();
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().path("data").path("email").asString()).isEqualTo(patient.email());
	}

	@Test
	void aDoctorIsAProfessionalAndStaffAreAdmins() {
		var doctor = original.doctor("Cardiologist");
		var res = http.post(API + "/auth/login", Map.of("email", doctor.person().email(), "password",
				ClinicoOriginalPeople.PASSWORD)).send();
		assertThat(ok(res, 200).path("user").path("role").asString()).isEqualTo("Professional");
		var admin = http.post(API + "/auth/login", Map.of("email", "admin@test.com", "password", "Admin123!")).send();
		assertThat(ok(admin, 200).path("user").path("role").asString()).isEqualTo("Admin");
	}

	@Test
	void aWrongPasswordAnUnknownEmailAndAMissingFieldAreRefused() {
		var patient = original.patient();
		error(http.post(API + "/auth/login", Map.of("email", patient.email(), "password", "wrong-password")).send(), 401,
				"INVALID_CREDENTIALS");
		error(http.post(API + "/auth/login", Map.of("email", "nobody." + patient.email(), "password",
				ClinicoOriginalPeople.PASSWORD)).send(), 401, "INVALID_CREDENTIALS");
		// bean validation: the face's own code for it
		var missing = http.post(API + "/auth/login", Map.of("email", patient.email())).send();
		assertThat(error(missing, 400)).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void aPatientRegistersAndIsSignedIn() {
		String email = "new." + System.nanoTime() + "@clinico.example";
		var res = http.post(API + "/auth/register", Map.of("email", email, "password", "Journey123!", "full_name",
				"Asha Original", "phone_number", "", "role", "Patient")).send();
		JsonNode body = ok(res, 201);
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("success", "message", "token", "user");
		assertThat(body.path("message").asString()).isEqualTo("User registered successfully");
		assertThat(Http.keys(body.path("user"))).containsExactlyInAnyOrder("user_id", "email", "full_name", "role",
				"created_at");
		assertThat(body.path("user").path("role").asString()).isEqualTo("Patient");
		var me = ok(http.get(API + "/users/me").token(body.path("token").asString()).send(), 200);
		assertThat(me.path("email").asString()).isEqualTo(email);
		assertThat(me.path("role").asString()).isEqualTo("Patient");
		assertThat(me.path("patient_id").isIntegralNumber()).as(me.toString()).isTrue();
		// the address is taken now
		error(http.post(API + "/auth/register", Map.of("email", email, "password", "Journey123!", "full_name", "Again",
				"role", "Patient")).send(), 409);
	}

	@Test
	void aProfessionalWhoSignsUpWaitsForTheClinicsCheck() {
		String email = "dr.new." + System.nanoTime() + "@clinico.example";
		var res = http.post(API + "/auth/register", Map.of("email", email, "password", "Journey123!", "full_name",
				"Dr. Pending Original", "role", "Professional")).send();
		JsonNode body = ok(res, 201);
		assertThat(body.path("user").path("role").asString()).isEqualTo("Professional");
		var me = ok(http.get(API + "/users/me").token(body.path("token").asString()).send(), 200);
		assertThat(me.path("verification_status").asString()).isEqualTo("Pending");
		long professional = me.path("professional_id").asLong();
		var listed = ok(http.get(API + "/professionals?limit=100").send(), 200);
		listed.forEach(p -> assertThat(p.path("professional_id").asLong()).isNotEqualTo(professional));
	}

	@Test
	void registrationChecksItsInput() {
		String email = "bad." + System.nanoTime() + "@clinico.example";
		error(http.post(API + "/auth/register", Map.of("email", email, "password", "Journey123!", "full_name", "X",
				"role", "Admin")).send(), 400, "INVALID_INPUT");
		error(http.post(API + "/auth/register", Map.of("email", email, "password", "short", "full_name", "X", "role",
				"Patient")).send(), 400);
		error(http.post(API + "/auth/register", Map.of("email", "not-an-email", "password", "Journey123!", "full_name",
				"X", "role", "Patient")).send(), 400);
		// nobody was registered by these
		error(http.post(API + "/auth/login", Map.of("email", email, "password", "Journey123!")).send(), 401,
				"INVALID_CREDENTIALS");
	}

	@Test
	void meShowsAProfessionalsOwnRecordAndNeedsASignedInCaller() {
		var doctor = original.doctor("Dermatologist");
		JsonNode me = ok(http.get(API + "/users/me").token(doctor.person().token()).send(), 200);
		assertThat(me.path("role").asString()).isEqualTo("Professional");
		assertThat(me.path("professional_id").asLong()).isEqualTo(doctor.clinician().id());
		assertThat(me.path("specialty").asString()).isEqualTo("Dermatologist");
		assertThat(me.path("credentials").asString()).isEqualTo("MBBS, MD");
		assertThat(me.path("verification_status").asString()).isEqualTo("Verified");
		error(http.get(API + "/users/me").send(), 401);
	}
}
