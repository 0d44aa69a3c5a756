package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import io.polyclinic.support.RawDownloads;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/doctors/}: a doctor registers their practice and waits for the KYC check, hands in documents, an admin
 * verifies them into the public list; the list's search, specialty filter, ordering and page; a doctor's own profile.
 */
class HcpDoctorTests extends HcpApiTest {

	static final List<String> DOCTOR_FIELDS = List.of("id", "user", "full_name", "registration_number",
			"years_of_experience", "specialties", "clinic_name", "clinic_address", "consultation_fee", "currency",
			"timezone", "bio", "languages", "qualifications", "kyc_status", "is_available_for_consultation",
			"average_rating", "total_reviews", "availability", "reviews", "created_at", "updated_at");

	static final List<String> LIST_FIELDS = List.of("id", "user", "full_name", "specialties", "specialties_display",
			"years_of_experience", "clinic_name", "consultation_fee", "currency", "average_rating", "total_reviews",
			"is_available_for_consultation", "kyc_status");

	@Test
	void aRegisteredDoctorIsPendingAndHiddenUntilAnAdminVerifiesTheirKyc() {
		HcpPeople.Person doctor = people.registeredDoctor();
		// signed up through hcp: pending from the start, out of the public's sight
		assertThat(data(http.get(API + "/doctors/profile/").token(doctor.token()).send(), 200).path("kyc_status")
			.asString()).isEqualTo("pending");
		drfError(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 404);
		String clinic = "Heart Care " + UUID.randomUUID();
		String registration = "MCI-" + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("registration_number", registration);
		body.put("years_of_experience", 8);
		body.put("specialties", List.of("Cardiology", "Internal Medicine"));
		body.put("clinic_name", clinic);
		body.put("clinic_address", "12 MG Road, Bengaluru");
		body.put("consultation_fee", "750.50");
		body.put("timezone", "Europe/Paris");
		body.put("bio", "Twenty years of hearts");

		JsonNode registered = data(http.post(API + "/doctors/register/", body).token(doctor.token()).send(), 201);
		assertThat(Http.keys(registered)).containsExactlyInAnyOrderElementsOf(DOCTOR_FIELDS);
		assertThat(registered.path("id").asLong()).isEqualTo(doctor.requireDoctorId());
		assertThat(registered.path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(registered.path("user").path("role").asString()).isEqualTo("doctor");
		assertThat(registered.path("kyc_status").asString()).isEqualTo("pending");
		assertThat(registered.path("registration_number").asString()).isEqualTo(registration);
		assertThat(registered.path("consultation_fee").asString()).isEqualTo("750.50");
		assertThat(registered.path("average_rating").asString()).isEqualTo("0.00");
		assertThat(registered.path("total_reviews").asInt()).isZero();
		assertThat(registered.path("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(registered.path("clinic_name").asString()).isEqualTo(clinic);
		assertThat(registered.path("clinic_address").asString()).isEqualTo("12 MG Road, Bengaluru");
		assertThat(registered.path("specialties").get(1).asString()).isEqualTo("Internal Medicine");
		assertThat(registered.path("years_of_experience").asInt()).isEqualTo(8);

		// once only; a patient is no doctor
		Http.Res twice = http.post(API + "/doctors/register/", body).token(doctor.token()).send();
		drfError(twice, 400);
		assertThat(twice.json().path("error").asString()).isEqualTo("A doctor profile already exists for this user");
		drfError(http.post(API + "/doctors/register/", Map.of("registration_number", "X-" + UUID.randomUUID(),
				"years_of_experience", 1, "consultation_fee", 10)).token(people.patient().token()).send(), 403);

		// hidden from the public and other callers, shown to the doctor themself and to the admin
		String admin = people.admin().token();
		assertThat(page(http.get(API + "/doctors/?search=" + clinic.replace(" ", "%20")).send()).path("count").asInt())
			.isZero();
		drfError(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 404);
		drfError(http.get(API + "/doctors/" + doctor.doctorId() + "/").token(people.patient().token()).send(), 404);
		assertThat(data(http.get(API + "/doctors/" + doctor.doctorId() + "/").token(doctor.token()).send(), 200)
			.path("kyc_status").asString()).isEqualTo("pending");
		data(http.get(API + "/doctors/" + doctor.doctorId()).token(admin).send(), 200);

		// the doctor hands in a document (multipart, through the files module)
		RawDownloads raw = new RawDownloads(port);
		var uploaded = raw.upload(API + "/doctors/kyc/update/", doctor.token(), "kyc_documents", "licence.pdf",
				"application/pdf", TestImages.pdf());
		assertThat(uploaded.statusCode()).as(new String(uploaded.body())).isEqualTo(200);
		JsonNode check = RawDownloads.json(uploaded).path("data");
		assertThat(Http.keys(check)).containsExactlyInAnyOrder("doctor_id", "kyc_status", "kyc_notes",
				"kyc_decided_at", "kyc_documents");
		assertThat(check.path("kyc_status").asString()).isEqualTo("pending");
		JsonNode document = check.path("kyc_documents").get(0);
		assertThat(Http.keys(document)).containsExactlyInAnyOrder("id", "name", "content_type", "size", "url",
				"uploaded_at");
		assertThat(document.path("name").asString()).isEqualTo("licence.pdf");
		assertThat(document.path("content_type").asString()).isEqualTo("application/pdf");
		assertThat(raw.get(document.path("url").asString()).body()).isEqualTo(TestImages.pdf());
		var text = raw.upload(API + "/doctors/kyc/update/", doctor.token(), "kyc_documents", "licence.pdf",
				"application/pdf", TestImages.text());
		assertThat(text.statusCode()).isEqualTo(400);
		var byPatient = raw.upload(API + "/doctors/kyc/update/", people.patient().token(), "kyc_documents", "x.pdf",
				"application/pdf", TestImages.pdf());
		assertThat(byPatient.statusCode()).isEqualTo(403);

		// only an admin decides
		drfError(http.post(API + "/doctors/kyc/update/", Map.of("doctor_id", doctor.doctorId(), "kyc_status",
				"verified")).token(doctor.token()).send(), 403);
		drfError(http.post(API + "/doctors/kyc/update/", Map.of("doctor_id", doctor.doctorId(), "kyc_status",
				"verified")).token(people.doctor().token()).send(), 403);
		assertThat(fieldError(http.post(API + "/doctors/kyc/update/", Map.of("doctor_id", doctor.doctorId(),
				"kyc_status", "approved")).token(admin).send(), "kyc_status")).isEqualTo("\"approved\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/doctors/kyc/update/", Map.of("kyc_status", "verified")).token(admin)
			.send(), "doctor_id")).isEqualTo("This field is required.");
		drfError(http.post(API + "/doctors/kyc/update/", Map.of("doctor_id", Long.MAX_VALUE, "kyc_status", "verified"))
			.token(admin).send(), 404);

		JsonNode decided = data(http.post(API + "/doctors/kyc/update/", Map.of("doctor_id", doctor.doctorId(),
				"kyc_status", "verified", "notes", "Licence checked")).token(admin).send(), 200);
		assertThat(decided.path("kyc_status").asString()).isEqualTo("verified");
		assertThat(decided.path("kyc_notes").asString()).isEqualTo("Licence checked");
		assertThat(decided.path("kyc_documents").size()).isEqualTo(1);

		JsonNode listed = page(http.get(API + "/doctors/?search=" + clinic.replace(" ", "%20")).send());
		assertThat(listed.path("count").asInt()).isEqualTo(1);
		JsonNode item = listed.path("results").get(0);
		assertThat(Http.keys(item)).containsExactlyInAnyOrderElementsOf(LIST_FIELDS);
		assertThat(item.path("id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(item.path("specialties_display").asString()).isEqualTo("Cardiology, Internal Medicine");
		assertThat(item.path("consultation_fee").asString()).isEqualTo("750.50");
		assertThat(item.path("kyc_status").asString()).isEqualTo("verified");
		assertThat(item.path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(data(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 200).path("kyc_status")
			.asString()).isEqualTo("verified");
	}

	@Test
	void registrationFieldsAreCheckedAsDrfDoes() {
		HcpPeople.Person doctor = people.registeredDoctor();
		JsonNode details = drfError(http.post(API + "/doctors/register/", Map.of("years_of_experience", 60,
				"consultation_fee", -5)).token(doctor.token()).send(), 400);
		assertThat(details.path("registration_number").get(0).asString()).isEqualTo("This field is required.");
		assertThat(details.path("years_of_experience").get(0).asString())
			.isEqualTo("Ensure this value is less than or equal to 50.");
		assertThat(details.path("consultation_fee").get(0).asString())
			.isEqualTo("Ensure this value is greater than or equal to 0.");
		assertThat(fieldError(http.post(API + "/doctors/register/", Map.of("registration_number",
				"R-" + UUID.randomUUID(), "years_of_experience", 3, "consultation_fee", "100.00", "timezone",
				"Mars/Olympus")).token(doctor.token()).send(), "timezone")).isEqualTo("Unknown time zone");
		drfError(http.post(API + "/doctors/register/", Map.of("registration_number", "R-" + UUID.randomUUID()))
			.send(), 401);
	}

	@Test
	void theListSearchesFiltersByASpecialtyOrdersAndPages() {
		String specialty = "Speciality " + UUID.randomUUID();
		HcpPeople.Person cheap = people.doctor();
		HcpPeople.Person dear = people.doctor();
		data(http.put(API + "/doctors/profile/", Map.of("specialties", List.of(specialty), "consultation_fee", "300.00",
				"years_of_experience", 20)).token(cheap.token()).send(), 200);
		data(http.put(API + "/doctors/profile/", Map.of("specialties", List.of(specialty, "Pediatrics"),
				"consultation_fee", 900, "years_of_experience", 5)).token(dear.token()).send(), 200);
		String bySpecialty = API + "/doctors/?specialties=" + specialty.replace(" ", "%20");

		JsonNode ascending = page(http.get(bySpecialty + "&ordering=consultation_fee").send());
		assertThat(ascending.path("count").asInt()).isEqualTo(2);
		assertThat(ids(ascending)).containsExactly(cheap.doctorId(), dear.doctorId());
		assertThat(ascending.path("results").get(0).path("consultation_fee").asString()).isEqualTo("300.00");
		assertThat(ids(page(http.get(bySpecialty + "&ordering=-consultation_fee").send())))
			.containsExactly(dear.doctorId(), cheap.doctorId());
		assertThat(ids(page(http.get(bySpecialty + "&ordering=-years_of_experience").send())))
			.containsExactly(cheap.doctorId(), dear.doctorId());
		assertThat(ids(page(http.get(API + "/doctors/?search=" + specialty.replace(" ", "%20")
				+ "&ordering=experience_years").send()))).containsExactly(dear.doctorId(), cheap.doctorId());

		JsonNode first = page(http.get(bySpecialty + "&ordering=consultation_fee&page_size=1").send());
		assertThat(first.path("count").asInt()).isEqualTo(2);
		assertThat(ids(first)).containsExactly(cheap.doctorId());
		assertThat(first.path("next").asString()).contains("page=2");
		JsonNode second = page(http.get(bySpecialty + "&ordering=consultation_fee&page_size=1&page=2").send());
		assertThat(ids(second)).containsExactly(dear.doctorId());
		assertThat(second.path("next").isNull()).isTrue();

		assertThat(drfError(http.get(API + "/doctors/?ordering=-password").send(), 400).has("ordering")).isTrue();
	}

	@Test
	void theSpecialtyFilterIgnoresCase() {
		String specialty = "Tropical Medicine " + UUID.randomUUID();
		HcpPeople.Person doctor = people.doctor();
		data(http.put(API + "/doctors/profile/", Map.of("specialties", List.of(specialty))).token(doctor.token()).send(),
				200);

		for (String asked : List.of(specialty, specialty.toUpperCase(java.util.Locale.ROOT),
				specialty.toLowerCase(java.util.Locale.ROOT))) {
			JsonNode found = page(http.get(API + "/doctors/?specialties=" + asked.replace(" ", "%20")).send());
			assertThat(found.path("count").asInt()).as(asked).isEqualTo(1);
			assertThat(ids(found)).containsExactly(doctor.doctorId());
		}
		assertThat(page(http.get(API + "/doctors/?specialties=" + specialty.replace(" ", "%20") + "x").send())
			.path("count").asInt()).isZero();
	}

	@Test
	void aDoctorReadsAndChangesTheirOwnProfileOnly() {
		HcpPeople.Person doctor = people.doctor();
		JsonNode own = data(http.get(API + "/doctors/profile/").token(doctor.token()).send(), 200);
		assertThat(Http.keys(own)).containsExactlyInAnyOrderElementsOf(DOCTOR_FIELDS);
		assertThat(own.path("id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(own.path("kyc_status").asString()).isEqualTo("verified");
		assertThat(own.path("consultation_fee").asString()).isEqualTo("1500.00");
		assertThat(own.path("availability").size()).isEqualTo(5);

		JsonNode changed = data(http.put(API + "/doctors/profile/", Map.of("bio", "New bio", "clinic_name",
				"Sunrise Clinic", "is_available_for_consultation", false)).token(doctor.token()).send(), 200);
		assertThat(changed.path("bio").asString()).isEqualTo("New bio");
		assertThat(changed.path("clinic_name").asString()).isEqualTo("Sunrise Clinic");
		assertThat(changed.path("is_available_for_consultation").asBoolean()).isFalse();
		// the original's read-only fields are ignored
		assertThat(data(http.put(API + "/doctors/profile/", Map.of("kyc_status", "rejected", "average_rating", 5))
			.token(doctor.token()).send(), 200).path("kyc_status").asString()).isEqualTo("verified");
		// not available for consultation: no longer listed to the public
		drfError(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 404);

		assertThat(fieldError(http.put(API + "/doctors/profile/", Map.of("years_of_experience", -1))
			.token(doctor.token()).send(), "years_of_experience"))
			.isEqualTo("Ensure this value is greater than or equal to 0.");
		drfError(http.get(API + "/doctors/profile/").token(people.patient().token()).send(), 403);
		drfError(http.put(API + "/doctors/profile/", Map.of("bio", "x")).token(people.admin().token()).send(), 403);
		drfError(http.get(API + "/doctors/profile/").send(), 401);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new java.util.ArrayList<>();
		page.path("results").forEach(r -> ids.add(r.path("id").asLong()));
		return ids;
	}
}
