package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.identity.SignIn;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

class MiboPatientProfileTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;

	@Test
	void aPatientReadsAndUpdatesTheirOwnProfile() {
		var patient = clinic.patient();
		String token = sessions.start(patient.userId()).tokens().accessToken();

		var read = http.get("/mibo/api/patient/profile").token(token).send();
		assertThat(read.status()).isEqualTo(200);
		assertThat(keys(read.data())).containsExactly("bloodGroup", "dateOfBirth", "email", "emergencyContactName",
				"emergencyContactPhone", "fullName", "gender", "id", "phone");
		assertThat(read.data().path("id").asLong()).isEqualTo(patient.id());

		var update = http.put("/mibo/api/patient/profile", Map.of("fullName", "Jane Updated", "email",
				"jane." + patient.id() + "@example.com", "dateOfBirth", "1990-05-15", "gender", "FEMALE", "bloodGroup", "A+",
				"emergencyContactName", "John Smith", "emergencyContactPhone", "+919876543211")).token(token).send();
		assertThat(update.status()).isEqualTo(200);
		assertThat(update.json().path("message").asString()).isEqualTo("Profile updated successfully");
		assertThat(keys(update.json())).containsExactly("message", "success");

		var again = http.get("/mibo/api/patient/profile").token(token).send().data();
		assertThat(again.path("fullName").asString()).isEqualTo("Jane Updated");
		assertThat(again.path("dateOfBirth").asString()).isEqualTo("1990-05-15");
		assertThat(again.path("bloodGroup").asString()).isEqualTo("A+");
		assertThat(again.path("phone").asString()).isEqualTo(patient.phone());
	}

	@Test
	void badProfileValuesAreValidationErrorsAndNothingIsLost() {
		var patient = clinic.patient();
		String token = sessions.start(patient.userId()).tokens().accessToken();

		var res = http.put("/mibo/api/patient/profile", Map.of("bloodGroup", "Z+", "dateOfBirth", "not-a-date"))
			.token(token).send();
		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");

		var res2 = http.put("/mibo/api/patient/profile", Map.of("bloodGroup", "Z+")).token(token).send();
		assertThat(res2.status()).isEqualTo(400);
		assertThat(res2.json().path("error").path("details").path("bloodGroup").asString()).isEqualTo("Unknown blood group");
		assertThat(http.get("/mibo/api/patient/profile").token(token).send().data().path("fullName").asString())
			.isEqualTo(patient.fullName());
	}

	@Test
	void staffHaveNoPatientProfile() {
		var res = http.get("/mibo/api/patient/profile").token(new MiboClient(http).adminToken()).send();
		assertThat(res.status()).isEqualTo(403);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(http.get("/mibo/api/patient/profile").send().status()).isEqualTo(401);
	}
}
