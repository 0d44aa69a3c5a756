package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

class MiboClinicianTests extends ApiTest {

	static final String[] LIST_KEYS = { "consultationFee", "fullName", "id", "isActive", "languages",
			"profilePictureUrl", "qualification", "specialization", "userId", "yearsOfExperience" };

	static final String[] PROFILE_KEYS = { "consultationFee", "defaultConsultationDurationMinutes", "fullName", "id",
			"isActive", "languages", "primaryCentreId", "profilePictureUrl", "qualification", "specialization", "userId",
			"yearsOfExperience" };

	@Autowired
	ClinicianRegistry clinicians;

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	static Map<String, Object> newClinician(Long centreId) {
		String phone = MiboClient.newPhone();
		Map<String, Object> body = new HashMap<>(Map.of("fullName", "Dr. Jane Smith", "phone", phone, "email",
				phone.substring(1) + "@clinician.test", "password", "SecurePassword123", "specialization",
				List.of("Clinical Psychologist"), "qualification", List.of("PhD Psychology"), "yearsOfExperience", 8,
				"consultationFee", 1500, "languages", List.of("English", "Hindi")));
		body.put("profilePictureUrl", "https://example.com/jane.jpg");
		body.put("defaultConsultationDurationMinutes", 45);
		if (centreId != null) {
			body.put("primaryCentreId", centreId);
		}
		return body;
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	static List<Long> ids(JsonNode list) {
		return list.findValues("id").stream().map(JsonNode::asLong).toList();
	}

	@Test
	void createAnswersIdsAndNameAndKeepsTheFeeInPaise() {
		long centre = people.centre("Bangalore");

		var res = http.post("/mibo/api/clinicians", newClinician(centre)).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Clinician created successfully");
		assertThat(keys(res.data())).containsExactly("fullName", "id", "userId");
		assertThat(res.data().path("fullName").asString()).isEqualTo("Dr. Jane Smith");
		var stored = clinicians.get(res.data().path("id").asLong());
		assertThat(stored.feeMinor()).isEqualTo(150_000);
		assertThat(stored.userId()).isEqualTo(res.data().path("userId").asLong());
		assertThat(stored.primaryCentreId()).isEqualTo(centre);
		assertThat(stored.consultationMinutes()).isEqualTo(45);
	}

	@Test
	void createRefusesBadInput() {
		var noName = newClinician(null);
		noName.remove("fullName");
		var missing = http.post("/mibo/api/clinicians", noName).token(admin).send();
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("fullName").asString())
			.isEqualTo("Full name is required");

		var negativeFee = newClinician(null);
		negativeFee.put("consultationFee", -1);
		var fee = http.post("/mibo/api/clinicians", negativeFee).token(admin).send();
		assertError(fee, 400, "VALIDATION_ERROR");
		assertThat(fee.json().path("error").path("details").path("consultationFee").asString())
			.isEqualTo("Consultation fee cannot be negative");

		var badEmail = newClinician(null);
		badEmail.put("email", "jane.at.example");
		assertError(http.post("/mibo/api/clinicians", badEmail).token(admin).send(), 400, "VALIDATION_ERROR");

		var tooExperienced = newClinician(null);
		tooExperienced.put("yearsOfExperience", 100);
		var years = http.post("/mibo/api/clinicians", tooExperienced).token(admin).send();
		assertError(years, 400, "VALIDATION_ERROR");
		assertThat(years.json().path("error").path("details").has("yearsOfExperience")).isTrue();

		var unknownCentre = newClinician(987654321L);
		assertError(http.post("/mibo/api/clinicians", unknownCentre).token(admin).send(), 404, "NOT_FOUND");

		var first = newClinician(null);
		assertThat(http.post("/mibo/api/clinicians", first).token(admin).send().status()).isEqualTo(201);
		var samePhone = newClinician(null);
		samePhone.put("phone", first.get("phone"));
		assertError(http.post("/mibo/api/clinicians", samePhone).token(admin).send(), 409, "DUPLICATE_ENTRY");
	}

	@Test
	void managersAndCentreManagersCreateButNoOneElse() {
		assertThat(http.post("/mibo/api/clinicians", newClinician(null)).token(mibo.staff(2).token()).send().status())
			.isEqualTo(201);
		assertThat(http.post("/mibo/api/clinicians", newClinician(null)).token(mibo.staff(4).token()).send().status())
			.isEqualTo(201);

		assertError(http.post("/mibo/api/clinicians", newClinician(null)).token(mibo.staff(6).token()).send(), 403,
				"FORBIDDEN");
		assertError(http.post("/mibo/api/clinicians", newClinician(null)).token(mibo.staff(5).token()).send(), 403,
				"FORBIDDEN");
		var clinician = people.clinician(null, "Therapist");
		assertError(http.post("/mibo/api/clinicians", newClinician(null)).token(people.clinicianToken(clinician)).send(),
				403, "FORBIDDEN");
		var patient = people.patientSignUp("Curious Patient");
		assertError(http.post("/mibo/api/clinicians", newClinician(null)).token(patient.accessToken()).send(), 403,
				"FORBIDDEN");
		assertError(http.post("/mibo/api/clinicians", newClinician(null)).send(), 401, "UNAUTHORIZED");
	}

	@Test
	void theListIsPublicAndShowsTheDocumentedFieldsInRupees() {
		long centre = people.centre("Bangalore");
		var created = http.post("/mibo/api/clinicians", newClinician(centre)).token(admin).send();
		long id = created.data().path("id").asLong();

		var res = http.get("/mibo/api/clinicians?centreId=" + centre).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(res.data().size()).isEqualTo(1);
		JsonNode c = res.data().get(0);
		assertThat(keys(c)).containsExactly(LIST_KEYS);
		assertThat(c.path("id").asLong()).isEqualTo(id);
		assertThat(c.path("userId").asLong()).isEqualTo(created.data().path("userId").asLong());
		assertThat(c.path("consultationFee").isIntegralNumber()).isTrue();
		assertThat(c.path("consultationFee").asLong()).isEqualTo(1500);
		assertThat(c.path("specialization").get(0).asString()).isEqualTo("Clinical Psychologist");
		assertThat(c.path("qualification").get(0).asString()).isEqualTo("PhD Psychology");
		assertThat(c.path("languages").size()).isEqualTo(2);
		assertThat(c.path("yearsOfExperience").asInt()).isEqualTo(8);
		assertThat(c.path("profilePictureUrl").asString()).isEqualTo("https://example.com/jane.jpg");
		assertThat(c.path("isActive").asBoolean()).isTrue();
	}

	@Test
	void theListFiltersByCentreAndSpecialization() {
		long centre = people.centre("Delhi");
		String special = MiboPeople.unique("Art Therapist ");
		var therapist = people.clinician(centre, special, "Counsellor");
		var psychologist = people.clinician(centre, "Clinical Psychologist");
		var elsewhere = people.clinician(people.centre("Delhi"), special);

		assertThat(ids(http.get("/mibo/api/clinicians?centreId=" + centre).send().data()))
			.containsExactly(therapist.id(), psychologist.id());
		assertThat(ids(http.get("/mibo/api/clinicians?specialization=" + special.replace(" ", "%20")).send().data()))
			.containsExactly(therapist.id(), elsewhere.id());
		assertThat(ids(http.get("/mibo/api/clinicians?centreId=" + centre + "&specialization="
				+ special.toUpperCase().replace(" ", "%20")).send().data()))
			.containsExactly(therapist.id());
		assertThat(ids(http.get("/mibo/api/clinicians?centreId=" + centre + "&limit=1&page=2").send().data()))
			.containsExactly(psychologist.id());
	}

	@Test
	void theListRefusesBadParameters() {
		assertError(http.get("/mibo/api/clinicians?centreId=abc").send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/clinicians?page=0").send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void aProfileIsPublicAndAddsCentreAndDuration() {
		long centre = people.centre("Kochi");
		long id = http.post("/mibo/api/clinicians", newClinician(centre)).token(admin).send().data().path("id").asLong();

		var res = http.get("/mibo/api/clinicians/" + id).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly(PROFILE_KEYS);
		assertThat(res.data().path("primaryCentreId").asLong()).isEqualTo(centre);
		assertThat(res.data().path("defaultConsultationDurationMinutes").asInt()).isEqualTo(45);
		assertThat(res.data().path("consultationFee").asLong()).isEqualTo(1500);
	}

	@Test
	void anUnknownOrMalformedProfileIdIsNotFoundOrInvalid() {
		var missing = http.get("/mibo/api/clinicians/987654321").send();
		assertError(missing, 404, "NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Clinician not found");
		assertError(http.get("/mibo/api/clinicians/abc").send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void anInactiveClinicianLeavesThePublicListAndProfile() {
		long centre = people.centre("Goa");
		var clinician = people.clinician(centre, "Therapist");

		var off = http.patch("/mibo/api/clinicians/" + clinician.id() + "/toggle-active").token(admin).send();

		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(off.json().path("message").asString()).isEqualTo("Clinician deactivated successfully");
		assertThat(keys(off.data())).containsExactly(PROFILE_KEYS);
		assertThat(off.data().path("isActive").asBoolean()).isFalse();
		assertThat(http.get("/mibo/api/clinicians?centreId=" + centre).send().data().size()).isZero();
		assertError(http.get("/mibo/api/clinicians/" + clinician.id()).send(), 404, "NOT_FOUND");

		var on = http.patch("/mibo/api/clinicians/" + clinician.id() + "/toggle-active").token(mibo.staff(4).token())
			.send();
		assertThat(on.data().path("isActive").asBoolean()).isTrue();
		assertThat(http.get("/mibo/api/clinicians/" + clinician.id()).send().status()).isEqualTo(200);
	}

	@Test
	void toggleActiveIsForClinicManagersOnly() {
		var clinician = people.clinician(null, "Therapist");
		assertError(http.patch("/mibo/api/clinicians/" + clinician.id() + "/toggle-active").token(mibo.staff(6).token())
			.send(), 403, "FORBIDDEN");
		assertError(http.patch("/mibo/api/clinicians/" + clinician.id() + "/toggle-active").send(), 401, "UNAUTHORIZED");
		assertError(http.patch("/mibo/api/clinicians/987654321/toggle-active").token(admin).send(), 404, "NOT_FOUND");
	}

	@Test
	void updateChangesTheProfileAndTheFee() {
		var clinician = people.clinician(null, "Clinical Psychologist");

		var res = http.put("/mibo/api/clinicians/" + clinician.id(),
				Map.of("specialization", List.of("Clinical Psychologist", "Child Psychologist"), "consultationFee", 1800,
						"yearsOfExperience", 11))
			.token(admin)
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Clinician updated successfully");
		assertThat(keys(res.data())).containsExactly(PROFILE_KEYS);
		assertThat(res.data().path("specialization").size()).isEqualTo(2);
		assertThat(res.data().path("consultationFee").asLong()).isEqualTo(1800);
		assertThat(res.data().path("yearsOfExperience").asInt()).isEqualTo(11);
		assertThat(res.data().path("qualification").get(0).asString()).isEqualTo("PhD Psychology");
		assertThat(clinicians.get(clinician.id()).feeMinor()).isEqualTo(180_000);
	}

	@Test
	void updateRefusesBadInputAndOtherRoles() {
		var clinician = people.clinician(null, "Therapist");

		var res = http.put("/mibo/api/clinicians/" + clinician.id(), Map.of("defaultConsultationDurationMinutes", 1))
			.token(admin)
			.send();
		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("defaultConsultationDurationMinutes").asString())
			.isEqualTo("Consultation length must be between 5 and 480 minutes");

		assertError(http.put("/mibo/api/clinicians/" + clinician.id(), Map.of("yearsOfExperience", 3))
			.token(people.clinicianToken(clinician)).send(), 403, "FORBIDDEN");
		assertError(http.put("/mibo/api/clinicians/987654321", Map.of("yearsOfExperience", 3)).token(admin).send(), 404,
				"NOT_FOUND");
	}

	@Test
	void aDeletedClinicianIsGoneAndCannotSignIn() {
		var clinician = people.clinician(null, "Therapist");
		String token = people.clinicianToken(clinician);

		var res = http.delete("/mibo/api/clinicians/" + clinician.id()).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("Clinician deleted successfully");
		assertError(http.get("/mibo/api/clinicians/" + clinician.id()).send(), 404, "NOT_FOUND");
		assertThat(http.get("/mibo/api/auth/me").token(token).send().status()).isEqualTo(401);
		assertThat(http.post("/mibo/api/auth/login/phone-password",
				Map.of("phone", clinician.phone(), "password", "SecurePassword123")).send().status()).isIn(401, 403);
		assertError(http.delete("/mibo/api/clinicians/" + clinician.id()).token(admin).send(), 404, "NOT_FOUND");
	}

	@Test
	void deleteIsForClinicManagersOnly() {
		var clinician = people.clinician(null, "Therapist");
		assertError(http.delete("/mibo/api/clinicians/" + clinician.id()).token(mibo.staff(5).token()).send(), 403,
				"FORBIDDEN");
		assertError(http.delete("/mibo/api/clinicians/abc").token(admin).send(), 400, "VALIDATION_ERROR");
	}
}
