package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.identity.accounts.AccountChanges;

class SosUserTests extends SosApiTest {

	String admin;

	@BeforeEach
	void setUp() {
		admin = SosPeopleFixture.adminToken(http);
	}

	@Test
	void theListAnswersTheDocumentedShapeFilteredByRoleStatusAndNameOrEmail() {
		String unique = "Zanele" + System.nanoTime();
		var patient = people.patient(unique + " Patient");
		people.doctor("Dr. " + unique, "Dermatology", "Indian/Mauritius", "eur", List.of("English"));
		var blocked = people.patient(unique + " Blocked");
		accounts.change(blocked.userId(), new AccountChanges(null, null, null, null, null, false));

		var res = http.get("/sos/api/v1/users?search=" + unique.toUpperCase() + "&limit=2").token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("pagination", "users");
		assertThat(res.json().path("pagination").path("total").asInt()).isEqualTo(3);
		assertThat(res.json().path("pagination").path("totalPages").asInt()).isEqualTo(2);
		var user = res.json().path("users").get(0);
		assertThat(keys(user)).containsExactly("associated_doctors", "created_at", "email", "id", "is_email_verified",
				"is_status", "name", "phone", "profile_picture", "role", "updated_at");
		assertThat(http.get("/sos/api/v1/users?search=" + unique + "&role=doctor").token(admin).send().json()
			.path("users").get(0).path("role").asString()).isEqualTo("doctor");
		var onlyBlocked = http.get("/sos/api/v1/users?search=" + unique + "&status=blocked").token(admin).send().json();
		assertThat(onlyBlocked.path("pagination").path("total").asInt()).isEqualTo(1);
		assertThat(onlyBlocked.path("users").get(0).path("is_status").asString()).isEqualTo("blocked");
		// by a part of the email, any case
		String email = patient.email();
		assertThat(http.get("/sos/api/v1/users?search=" + email.substring(0, 8).toUpperCase()).token(admin).send()
			.json().path("users").valueStream().anyMatch(u -> u.path("email").asString().equals(email))).isTrue();
		assertThat(http.get("/sos/api/v1/users?search=" + unique + "&status=pending").token(admin).send().json()
			.path("pagination").path("total").asInt()).isZero();
	}

	@Test
	void badFiltersAre400AndOnlyAdministratorsAndSecretariesList() {
		assertThat(http.get("/sos/api/v1/users?role=wizard").token(admin).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/users?status=asleep").token(admin).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/users?limit=0").token(admin).send().status()).isEqualTo(400);
		var patient = people.patient("Listing Patient");
		var refused = http.get("/sos/api/v1/users")
			.token(SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD)).send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(keys(refused.json())).containsExactly("details", "error", "status");
		assertThat(http.get("/sos/api/v1/users").send().status()).isEqualTo(401);
	}
}
