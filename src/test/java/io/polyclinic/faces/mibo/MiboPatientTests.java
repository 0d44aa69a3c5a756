package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

class MiboPatientTests extends ApiTest {

	static final String[] SUMMARY_KEYS = { "bloodGroup", "createdAt", "dateOfBirth", "email", "fullName", "gender",
			"id", "phone", "userId" };

	static final String[] RECORD_KEYS = { "bloodGroup", "createdAt", "dateOfBirth", "email", "emergencyContactName",
			"emergencyContactPhone", "fullName", "gender", "id", "medicalHistory", "phone", "userId" };

	static final String[] NOTE_KEYS = { "appointmentId", "authorName", "createdAt", "id", "note", "patientId" };

	@Autowired
	CareTeam careTeam;

	@Autowired
	PatientRegistry patients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clinic clinic;

	@Autowired
	AppointmentBook appointments;

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	static Map<String, Object> newPatient(String name) {
		return new HashMap<>(Map.of("fullName", name, "phone", MiboClient.newPhone(), "email",
				MiboPeople.unique("jane") + "@example.com", "dateOfBirth", "1990-05-15", "gender", "FEMALE", "bloodGroup",
				"O+", "emergencyContactName", "John Smith", "emergencyContactPhone", "+919876543211"));
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	static List<Long> ids(JsonNode list) {
		return list.findValues("id").stream().map(JsonNode::asLong).toList();
	}

	Http.Res create(Map<String, Object> body) {
		return http.post("/mibo/api/patients", body).token(admin).send();
	}

	LeadSource leadSourceOf(long patientId) {
		return patients.findAll(List.of(patientId)).get(patientId).leadSource();
	}

	long countAudit(String resourceType, String resourceId, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE resource_type = ? AND resource_id = ? AND outcome = ?")
			.params(resourceType, resourceId, outcome)
			.query(Long.class)
			.single();
	}

	/** A clinician with weekday hours (so that they can be booked), and their access token. */
	record BookableClinician(Clinician clinician, String token) {
	}

	BookableClinician bookableClinician() {
		Clinician clinician = clinic.clinician(null, "Asia/Kolkata");
		return new BookableClinician(clinician, mibo.login(clinician.phone(), "SecurePassword123"));
	}

	long appointment(long patientId, Clinician clinician) {
		var request = AppointmentRequest.onGrid(Ref.id(patientId), Ref.id(clinician.id()), null,
				Clinic.nextWeekday(clinician.timeZone(), DayOfWeek.MONDAY), LocalTime.of(10, 0), SessionType.ONLINE);
		return appointments.book(request, clinic.admin()).appointment().id();
	}

	@Test
	void createAnswersTheFullRecordAndCountsAPhoneLead() {
		var body = newPatient("Jane Smith");

		var res = create(body);

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Patient created successfully");
		JsonNode p = res.data();
		assertThat(keys(p)).containsExactly(RECORD_KEYS);
		assertThat(p.path("fullName").asString()).isEqualTo("Jane Smith");
		assertThat(p.path("phone").asString()).isEqualTo(body.get("phone"));
		assertThat(p.path("email").asString()).isEqualTo(body.get("email"));
		assertThat(p.path("dateOfBirth").asString()).isEqualTo("1990-05-15");
		assertThat(p.path("gender").asString()).isEqualTo("FEMALE");
		assertThat(p.path("bloodGroup").asString()).isEqualTo("O+");
		assertThat(p.path("emergencyContactName").asString()).isEqualTo("John Smith");
		assertThat(p.path("emergencyContactPhone").asString()).isEqualTo("+919876543211");
		assertThat(p.path("medicalHistory").isNull()).isTrue();
		assertThat(Instant.parse(p.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(5));
		assertThat(leadSourceOf(p.path("id").asLong())).isEqualTo(LeadSource.PHONE);
		assertThat(countAudit("PATIENT", p.path("id").asString(), "SUCCESS")).isPositive();
	}

	@Test
	void createTakesALeadSourceWhenGiven() {
		var walkIn = newPatient("Walk In");
		walkIn.put("leadSource", "Walk-in");
		assertThat(leadSourceOf(create(walkIn).data().path("id").asLong())).isEqualTo(LeadSource.WALK_IN);

		var unknown = newPatient("Unknown Source");
		unknown.put("leadSource", "Carrier pigeon");
		var res = create(unknown);
		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("leadSource").asString()).isEqualTo("Unknown lead source");
	}

	@Test
	void createRefusesBadInput() {
		var noPhone = newPatient("Jane Smith");
		noPhone.remove("phone");
		var missing = create(noPhone);
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("phone").asString())
			.isEqualTo("Phone number is required");

		var badEmail = newPatient("Jane Smith");
		badEmail.put("email", "jane@example");
		var email = create(badEmail);
		assertError(email, 400, "VALIDATION_ERROR");
		assertThat(email.json().path("error").path("details").path("email").asString()).isEqualTo("Invalid email format");

		var badDate = newPatient("Jane Smith");
		badDate.put("dateOfBirth", "15-05-1990");
		var date = create(badDate);
		assertError(date, 400, "VALIDATION_ERROR");
		assertThat(date.json().path("error").path("details").path("dateOfBirth").asString())
			.isEqualTo("Must be a date as YYYY-MM-DD");

		var badGender = newPatient("Jane Smith");
		badGender.put("gender", "X");
		assertError(create(badGender), 400, "VALIDATION_ERROR");

		var badBlood = newPatient("Jane Smith");
		badBlood.put("bloodGroup", "Q+");
		assertError(create(badBlood), 400, "VALIDATION_ERROR");
	}

	@Test
	void aDuplicatePhoneIsADuplicateEntry() {
		var first = newPatient("Jane Smith");
		assertThat(create(first).status()).isEqualTo(201);
		var second = newPatient("Jane Again");
		second.put("phone", first.get("phone"));

		var res = create(second);

		assertError(res, 409, "DUPLICATE_ENTRY");
		assertThat(res.json().path("error").path("details").has("phone")).isTrue();
	}

	@Test
	void staffCreatePatientsButClinicansAndPatientsDoNot() {
		assertThat(http.post("/mibo/api/patients", newPatient("Front Desk Patient")).token(mibo.staff(6).token()).send()
			.status()).isEqualTo(201);
		var clinician = people.clinician(null, "Therapist");
		assertError(http.post("/mibo/api/patients", newPatient("Jane")).token(people.clinicianToken(clinician)).send(),
				403, "FORBIDDEN");
		var patient = people.patientSignUp("Pushy Patient");
		assertError(http.post("/mibo/api/patients", newPatient("Jane")).token(patient.accessToken()).send(), 403,
				"FORBIDDEN");
		assertError(http.post("/mibo/api/patients", newPatient("Jane")).send(), 401, "UNAUTHORIZED");
	}

	@Test
	void theListSearchesByNameAndAnswersTheDocumentedFields() {
		String surname = MiboPeople.unique("Smith");
		long older = create(newPatient("Jane " + surname)).data().path("id").asLong();
		long newer = create(newPatient("Joe " + surname)).data().path("id").asLong();
		create(newPatient(MiboPeople.unique("Other")));

		var res = http.get("/mibo/api/patients?search=" + surname.toLowerCase()).token(mibo.staff(6).token()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(ids(res.data())).containsExactly(newer, older);
		assertThat(keys(res.data().get(0))).containsExactly(SUMMARY_KEYS);
		assertThat(res.data().get(0).path("dateOfBirth").asString()).isEqualTo("1990-05-15");
		assertThat(ids(http.get("/mibo/api/patients?search=" + surname + "&limit=1&page=2").token(admin).send().data()))
			.containsExactly(older);
	}

	@Test
	void thePhoneSearchMatchesWithAndWithoutTheCountryCode() {
		var body = newPatient("Phone Search");
		long id = create(body).data().path("id").asLong();
		String phone = (String) body.get("phone");
		String national = phone.substring(3);

		assertThat(ids(http.get("/mibo/api/patients?phone=" + national).token(admin).send().data())).containsExactly(id);
		assertThat(ids(http.get("/mibo/api/patients?phone=%2B91" + national).token(admin).send().data()))
			.containsExactly(id);
		assertThat(ids(http.get("/mibo/api/patients?phone=91" + national).token(admin).send().data())).containsExactly(id);
		assertThat(ids(http.get("/mibo/api/patients?phone=%2B91%20" + national.substring(0, 5) + "%20"
				+ national.substring(5)).token(admin).send().data())).containsExactly(id);
	}

	@Test
	void theListIsForStaffOnly() {
		var clinician = people.clinician(null, "Therapist");
		assertError(http.get("/mibo/api/patients").token(people.clinicianToken(clinician)).send(), 403, "FORBIDDEN");
		var patient = people.patientSignUp("Nosy Patient");
		assertError(http.get("/mibo/api/patients").token(patient.accessToken()).send(), 403, "FORBIDDEN");
		assertError(http.get("/mibo/api/patients").send(), 401, "UNAUTHORIZED");
		assertError(http.get("/mibo/api/patients?limit=101").token(admin).send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void getAnswersTheFullRecord() {
		var body = newPatient("Jane Smith");
		body.put("medicalHistory", "No known allergies");
		long id = create(body).data().path("id").asLong();

		var res = http.get("/mibo/api/patients/" + id).token(mibo.staff(5).token()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly(RECORD_KEYS);
		assertThat(res.data().path("id").asLong()).isEqualTo(id);
		assertThat(res.data().path("medicalHistory").asString()).isEqualTo("No known allergies");
		assertThat(countAudit("PATIENT", String.valueOf(id), "SUCCESS")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aClinicianReadsAPatientOnlyOnceTheyCareForThem() {
		var patient = people.patient();
		var clinician = people.clinician(null, "Therapist");
		String token = people.clinicianToken(clinician);

		assertError(http.get("/mibo/api/patients/" + patient.id()).token(token).send(), 403, "FORBIDDEN");
		assertThat(countAudit("PATIENT", String.valueOf(patient.id()), "DENIED")).isPositive();

		careTeam.link(patient.id(), clinician.id());

		var res = http.get("/mibo/api/patients/" + patient.id()).token(token).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly(RECORD_KEYS);
	}

	@Test
	void aPatientCannotReadPatientsHereNotEvenThemself() {
		var patient = people.patientSignUp("Self Reader");
		assertError(http.get("/mibo/api/patients/" + patient.id()).token(patient.accessToken()).send(), 403, "FORBIDDEN");
	}

	@Test
	void getOfAnUnknownOrMalformedIdIsNotFoundOrInvalid() {
		var missing = http.get("/mibo/api/patients/987654321").token(admin).send();
		assertError(missing, 404, "NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Patient not found");
		assertError(http.get("/mibo/api/patients/abc").token(admin).send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void updateChangesOnlyWhatIsGiven() {
		var patient = people.patient();
		String email = MiboPeople.unique("janeupdated") + "@example.com";

		var res = http.put("/mibo/api/patients/" + patient.id(), Map.of("email", email, "bloodGroup", "A+"))
			.token(mibo.staff(4).token())
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Patient updated successfully");
		assertThat(keys(res.data())).containsExactly(RECORD_KEYS);
		assertThat(res.data().path("email").asString()).isEqualTo(email);
		assertThat(res.data().path("bloodGroup").asString()).isEqualTo("A+");
		assertThat(res.data().path("phone").asString()).isEqualTo(patient.phone());
	}

	@Test
	void updateRefusesBadInputAndClinicians() {
		var patient = people.patient();

		var res = http.put("/mibo/api/patients/" + patient.id(), Map.of("dateOfBirth", "2990-01-01")).token(admin).send();
		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("dateOfBirth").asString())
			.isEqualTo("Date of birth cannot be in the future");

		var clinician = people.clinician(null, "Therapist");
		careTeam.link(patient.id(), clinician.id());
		assertError(http.put("/mibo/api/patients/" + patient.id(), Map.of("bloodGroup", "A+"))
			.token(people.clinicianToken(clinician)).send(), 403, "FORBIDDEN");
		assertError(http.put("/mibo/api/patients/987654321", Map.of("bloodGroup", "A+")).token(admin).send(), 404,
				"NOT_FOUND");
	}

	@Test
	void aClinicianWhoCaresForThePatientAddsANote() {
		var patient = people.patient();
		var clinician = bookableClinician();
		// the booking is what links the clinician to the patient
		long appointment = appointment(patient.id(), clinician.clinician());

		var res = http.post("/mibo/api/patients/" + patient.id() + "/notes",
				Map.of("note", "Patient shows improvement in anxiety symptoms", "appointmentId", appointment))
			.token(clinician.token())
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Medical note added successfully");
		JsonNode note = res.data();
		assertThat(keys(note)).containsExactly(NOTE_KEYS);
		assertThat(note.path("patientId").asLong()).isEqualTo(patient.id());
		assertThat(note.path("appointmentId").asLong()).isEqualTo(appointment);
		assertThat(note.path("note").asString()).isEqualTo("Patient shows improvement in anxiety symptoms");
		assertThat(note.path("authorName").asString()).startsWith("Dr. ");
		assertThat(Instant.parse(note.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(5));
		assertThat(countAudit("CLINICAL_NOTE", note.path("id").asString(), "SUCCESS")).isEqualTo(1);
	}

	@Test
	void anAdministratorAddsANoteWithoutAnAppointment() {
		var patient = people.patient();

		var res = http.post("/mibo/api/patients/" + patient.id() + "/notes", Map.of("note", "Called to follow up"))
			.token(admin)
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.data())).containsExactly(NOTE_KEYS);
		assertThat(res.data().path("appointmentId").isNull()).isTrue();
		assertThat(res.data().path("authorName").asString()).isEqualTo("Demo Administrator");
	}

	@Test
	void aNoteNeedsCareTheRightRoleAndTheRightAppointment() {
		var patient = people.patient();
		var clinician = people.clinician(null, "Therapist");
		String token = people.clinicianToken(clinician);
		var note = Map.of("note", "Observed");

		assertError(http.post("/mibo/api/patients/" + patient.id() + "/notes", note).token(token).send(), 403, "FORBIDDEN");
		assertThat(countAudit("PATIENT", String.valueOf(patient.id()), "DENIED")).isPositive();
		assertError(http.post("/mibo/api/patients/" + patient.id() + "/notes", note).token(mibo.staff(6).token()).send(),
				403, "FORBIDDEN");
		assertError(http.post("/mibo/api/patients/" + patient.id() + "/notes", note).send(), 401, "UNAUTHORIZED");

		careTeam.link(patient.id(), clinician.id());
		var colleague = bookableClinician();
		long othersAppointment = appointment(people.patient().id(), colleague.clinician());
		var wrong = http.post("/mibo/api/patients/" + patient.id() + "/notes",
				Map.of("note", "Observed", "appointmentId", othersAppointment)).token(token).send();
		assertError(wrong, 400, "VALIDATION_ERROR");
		assertThat(wrong.json().path("error").path("details").has("appointmentId")).isTrue();
		assertError(http.post("/mibo/api/patients/" + patient.id() + "/notes",
				Map.of("note", "Observed", "appointmentId", 987654321)).token(token).send(), 404, "NOT_FOUND");
		assertError(http.post("/mibo/api/patients/987654321/notes", note).token(admin).send(), 404, "NOT_FOUND");
	}

	@Test
	void aNoteMustSaySomething() {
		var patient = people.patient();

		var res = http.post("/mibo/api/patients/" + patient.id() + "/notes", Map.of("note", "  ")).token(admin).send();

		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("note").asString()).isEqualTo("Note is required");
		var tooLong = http.post("/mibo/api/patients/" + patient.id() + "/notes", Map.of("note", "x".repeat(4001)))
			.token(admin).send();
		assertError(tooLong, 400, "VALIDATION_ERROR");
		assertThat(tooLong.json().path("error").path("details").path("note").asString())
			.isEqualTo("Note must be at most 4000 characters");
	}
}
