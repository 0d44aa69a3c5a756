package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.directory.Clinician;

class SosDoctorTests extends SosApiTest {

	@Test
	void theListAnswersTheDocumentedShapeWithTheFeeAndWorkingHours() {
		Clinician doctor = people.doctor("Dr. Aimee Laval", "Dermatology", "Indian/Mauritius", "eur",
				List.of("English", "French"));

		var res = http.get("/sos/api/v1/doctors?search=aimee%20laval").token(SosPeopleFixture.adminToken(http)).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("doctors", "pagination");
		assertThat(keys(res.json().path("pagination"))).containsExactly("limit", "page", "total", "totalPages");
		var found = res.json().path("doctors").get(0);
		assertThat(keys(found)).containsExactly("created_at", "doctor_profile", "email", "id", "is_status", "name",
				"phone", "profile_picture", "updated_at");
		assertThat(keys(found.path("doctor_profile"))).containsExactly("address", "bio", "consultation_fee", "currency",
				"is_listed", "rating", "rating_count", "specialisation", "supported_languages", "working_hours");
		assertThat(found.path("id").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(found.path("doctor_profile").path("specialisation").asString()).isEqualTo("Dermatology");
		assertThat(found.path("doctor_profile").path("currency").asString()).isEqualTo("eur");
		assertThat(found.path("doctor_profile").path("consultation_fee").decimalValue()).isEqualByComparingTo("80.00");
		assertThat(found.path("doctor_profile").path("working_hours").path("monday").get(0).path("start").asString())
			.isEqualTo("09:00");
		assertThat(found.path("doctor_profile").path("working_hours").has("sunday")).isFalse();
		assertThat(found.path("doctor_profile").path("supported_languages").get(1).asString()).isEqualTo("French");
	}

	@Test
	void filtersBySpecialisationLanguageRatingAndListing() {
		String unique = "Tropical" + System.nanoTime();
		Clinician listed = people.doctor("Dr. Listed " + unique, unique, "Indian/Mauritius", "usd", List.of("Kreol"));
		Clinician unlisted = people.doctor("Dr. Hidden " + unique, unique, "Indian/Mauritius", "usd", List.of("English"));
		http.put("/sos/api/v1/doctors/" + unlisted.accountId(), Map.of("is_listed", false))
			.token(SosPeopleFixture.adminToken(http)).send();
		String admin = SosPeopleFixture.adminToken(http);

		assertThat(http.get("/sos/api/v1/doctors?specialisation=" + unique.toLowerCase()).token(admin).send().json()
			.path("pagination").path("total").asInt()).isEqualTo(2);
		assertThat(http.get("/sos/api/v1/doctors?specialisation=" + unique + "&isListed=false").token(admin).send()
			.json().path("doctors").get(0).path("id").asString()).isEqualTo(unlisted.accountId().toString());
		assertThat(http.get("/sos/api/v1/doctors?specialisation=" + unique + "&language=kreol").token(admin).send()
			.json().path("doctors").get(0).path("id").asString()).isEqualTo(listed.accountId().toString());
		assertThat(http.get("/sos/api/v1/doctors?specialisation=" + unique + "&minRating=4.5").token(admin).send()
			.json().path("pagination").path("total").asInt()).isZero();
		// without a token (the secretary app browses so) and for patients: the listed doctors only
		var anonymous = http.get("/sos/api/v1/doctors?specialisation=" + unique).send();
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().path("pagination").path("total").asInt()).isEqualTo(1);
		assertThat(http.get("/sos/api/v1/doctors/" + unlisted.accountId()).send().status()).isEqualTo(404);
		assertThat(http.get("/sos/api/v1/doctors/" + unlisted.accountId()).token(admin).send().status()).isEqualTo(200);
	}

	@Test
	void badParametersAre400AndUnknownDoctorsAre404() {
		assertThat(http.get("/sos/api/v1/doctors?sortBy=name").send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/doctors?sortOrder=up").send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/doctors?limit=101").send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/doctors?minRating=high").send().status()).isEqualTo(400);
		var malformed = http.get("/sos/api/v1/doctors/not-a-uuid").send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(keys(malformed.json())).containsExactly("details", "error", "status");
		assertThat(http.get("/sos/api/v1/doctors/7d0c5f8e-0000-4000-8000-000000000000").send().status()).isEqualTo(404);
	}

	@Test
	void anAdministratorMakesAUserADoctorUnlistedUntilSaidOtherwise() {
		var patient = people.patient("Maya Ramdin");
		var account = accounts.get(patient.userId());
		String admin = SosPeopleFixture.adminToken(http);

		var res = http.post("/sos/api/v1/doctors", Map.of("user_id", account.publicId().toString(), "specialisation",
				"General Practice", "bio", "House calls in Grand Baie", "consultation_fee", 75, "currency", "eur",
				"working_hours", Map.of("saturday", List.of(Map.of("start", "08:00", "end", "12:00")))))
			.token(admin).send();

		assertThat(res.status()).isEqualTo(201);
		assertThat(keys(res.json())).containsExactly("doctor", "message");
		var doctor = res.json().path("doctor");
		assertThat(doctor.path("id").asString()).isEqualTo(account.publicId().toString());
		assertThat(doctor.path("doctor_profile").path("is_listed").asBoolean()).isFalse();
		assertThat(doctor.path("doctor_profile").path("working_hours").path("saturday").get(0).path("end").asString())
			.isEqualTo("12:00");
		assertThat(doctor.path("doctor_profile").path("consultation_fee").decimalValue()).isEqualByComparingTo("75");
		var asUser = http.get("/sos/api/v1/users?search=maya%20ramdin").token(admin).send().json().path("users").get(0);
		assertThat(asUser.path("role").asString()).isEqualTo("doctor");

		assertThat(http.post("/sos/api/v1/doctors", Map.of("user_id", "7d0c5f8e-0000-4000-8000-000000000000",
				"specialisation", "X")).token(admin).send().status()).isEqualTo(404);
		var other = people.patient("No Specialty");
		assertThat(http.post("/sos/api/v1/doctors",
				Map.of("user_id", accounts.get(other.userId()).publicId().toString())).token(admin).send().status())
			.isEqualTo(400);
		assertThat(http.post("/sos/api/v1/doctors", Map.of("specialisation", "X", "shoe_size", 44)).token(admin).send()
			.status()).isEqualTo(400);
	}

	@Test
	void aDoctorEditsTheirOwnProfileKeepingWhatTheyLeaveOut() {
		Clinician doctor = people.doctor("Dr. Self Edit", "Cardiology", "Indian/Mauritius", "eur", List.of("English"));
		String token = SosPeopleFixture.token(http, doctor.email(), SosPeopleFixture.PASSWORD);

		var res = http.post("/sos/api/v1/doctors", Map.of("bio", "Now also on Sundays", "working_hours",
				Map.of("sunday", List.of(Map.of("start", "10:00", "end", "14:00")), "monday",
						List.of(Map.of("start", "08:00", "end", "12:00"), Map.of("start", "14:00", "end", "18:00")))))
			.token(token).send();

		assertThat(res.status()).isEqualTo(200);
		var profile = res.json().path("doctor").path("doctor_profile");
		assertThat(profile.path("bio").asString()).isEqualTo("Now also on Sundays");
		assertThat(profile.path("specialisation").asString()).isEqualTo("Cardiology");
		assertThat(profile.path("working_hours").path("monday").size()).isEqualTo(2);
		assertThat(profile.path("working_hours").has("tuesday")).isFalse();

		var self = http.get("/sos/api/v1/doctors/self").token(token).send();
		assertThat(self.status()).isEqualTo(200);
		assertThat(keys(self.json())).containsExactly("doctor");
		assertThat(self.json().path("doctor").path("doctor_profile").path("bio").asString())
			.isEqualTo("Now also on Sundays");
	}

	@Test
	void onlyAnAdministratorOrTheDoctorThemselfChangesAProfile() {
		Clinician doctor = people.doctor("Dr. Guarded", "Cardiology", "Indian/Mauritius", "eur", List.of("English"));
		Clinician other = people.doctor("Dr. Other", "Cardiology", "Indian/Mauritius", "eur", List.of("English"));
		var patient = people.patient("Curious Patient");
		String otherToken = SosPeopleFixture.token(http, other.email(), SosPeopleFixture.PASSWORD);
		String patientToken = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
		String path = "/sos/api/v1/doctors/" + doctor.accountId();

		assertThat(http.put(path, Map.of("bio", "hijacked")).token(otherToken).send().status()).isEqualTo(403);
		var byPatient = http.put(path, Map.of("bio", "hijacked")).token(patientToken).send();
		assertThat(byPatient.status()).isEqualTo(403);
		assertThat(keys(byPatient.json())).containsExactly("details", "error", "status");
		assertThat(http.get("/sos/api/v1/doctors/self").token(patientToken).send().status()).isEqualTo(403);
		assertThat(http.put(path, Map.of("bio", "x")).send().status()).isEqualTo(401);

		var byAdmin = http.put(path, Map.of("address", "Royal Road, Curepipe", "is_listed", false))
			.token(SosPeopleFixture.adminToken(http)).send();
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.json().path("doctor").path("doctor_profile").path("address").asString())
			.isEqualTo("Royal Road, Curepipe");
		var badHours = http.put(path, Map.of("working_hours", Map.of("funday", List.of(Map.of("start", "09:00",
				"end", "10:00"))))).token(SosPeopleFixture.adminToken(http)).send();
		assertThat(badHours.status()).isEqualTo(400);
		assertThat(badHours.json().path("details").asString()).contains("working_hours.funday");
		assertThat(http.put(path, Map.of("working_hours", Map.of("monday", List.of(Map.of("start", "18:00",
				"end", "10:00"))))).token(SosPeopleFixture.adminToken(http)).send().status()).isEqualTo(400);
	}
}
