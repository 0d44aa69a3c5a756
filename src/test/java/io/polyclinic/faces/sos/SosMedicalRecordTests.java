package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.Phones;
import tools.jackson.databind.JsonNode;

/**
 * {@code /sos/api/v1/medical-records}: the document's shapes and statuses, bad input, and who may do what — a doctor
 * with their own patients only, a patient with their own shared records only, deleting for admins.
 */
class SosMedicalRecordTests extends ApiTest {

	static final String PATH = "/sos/api/v1/medical-records";
	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	static final Set<String> RECORD = Set.of("appointment_id", "attachments", "created_at", "description", "diagnosis",
			"doctor_id", "id", "is_shared_with_patient", "lab_results", "medications", "notes", "record_type", "title",
			"updated_at", "user_id");
	static final Set<String> PERSON = Set.of("email", "id", "name", "phone", "profile_picture");
	static final Set<String> DOCTOR = Set.of("doctor_profiles", "email", "id", "name", "phone", "profile_picture");

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	Clinician doctorA;
	Clinician otherDoctor;
	Patient patientA;
	Patient patientB;
	Appointment visitOfA;
	String admin;
	String doctorAToken;
	String otherDoctorToken;
	String patientAToken;
	String patientBToken;
	String secretary;

	@BeforeEach
	void cast() {
		Centre centre = clinic.centre("Port Louis");
		doctorA = clinic.clinician(centre.id(), KOLKATA.getId());
		otherDoctor = clinic.clinician(centre.id(), KOLKATA.getId());
		patientA = clinic.patient();
		patientB = clinic.patient();
		visitOfA = visit(patientA, doctorA, centre, 9);
		visit(patientB, otherDoctor, centre, 10);
		admin = http.post("/sos/api/v1/auth/email/login", Map.of("email", "admin@test.com", "password", "Admin123!"))
			.send().json().path("access_token").asString();
		doctorAToken = token(doctorA.userId());
		otherDoctorToken = token(otherDoctor.userId());
		patientAToken = token(patientA.userId());
		patientBToken = token(patientB.userId());
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Secretary " + phone, phone, null, null, "SecurePassword123",
				Role.SECRETARY, null), clinic.admin());
		secretary = token(member.id());
	}

	// POST

	@Test
	void aDoctorWritesARecordOfTheirPatient201WithTheDocumentedShape() {
		var res = http.post(PATH, body(Map.of("appointment_id", visitOfA.publicId().toString(), "record_type",
				"prescription", "title", "Antibiotics", "description", "Ten days", "medications",
				Map.of("items", List.of(Map.of("name", "Amoxicillin", "dosage", "500mg"))), "notes", "Rest")))
			.token(doctorAToken)
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.json())).containsExactly("message", "record");
		JsonNode record = res.json().path("record");
		assertThat(keys(record)).isEqualTo(new TreeSet<>(RECORD));
		assertThat(record.path("id").asString()).matches("[0-9a-f-]{36}");
		assertThat(record.path("user_id").asString()).isEqualTo(accountOf(patientA.userId()).toString());
		assertThat(record.path("doctor_id").asString()).isEqualTo(accountOf(doctorA.userId()).toString());
		assertThat(record.path("appointment_id").asString()).isEqualTo(visitOfA.publicId().toString());
		assertThat(record.path("record_type").asString()).isEqualTo("prescription");
		assertThat(record.path("title").asString()).isEqualTo("Antibiotics");
		assertThat(record.path("medications").path("items").get(0).path("dosage").asString()).isEqualTo("500mg");
		assertThat(record.path("lab_results").isNull()).isTrue();
		assertThat(record.path("diagnosis").isNull()).isTrue();
		assertThat(record.path("is_shared_with_patient").asBoolean()).isTrue();
		assertThat(record.path("created_at").asString()).endsWith("Z");
	}

	@Test
	void staffNameTheDoctorOrLeaveItToTheAppointment() {
		var named = http.post(PATH, Map.of("user_id", accountOf(patientA.userId()).toString(), "doctor_id",
				accountOf(otherDoctor.userId()).toString(), "record_type", "note", "title", "Named"))
			.token(secretary).send();
		assertThat(named.status()).as(named.toString()).isEqualTo(201);
		assertThat(named.json().path("record").path("doctor_id").asString())
			.isEqualTo(accountOf(otherDoctor.userId()).toString());
		assertThat(named.json().path("record").path("appointment_id").isNull()).isTrue();

		var byVisit = http.post(PATH, body(Map.of("appointment_id", visitOfA.publicId().toString(), "record_type",
				"lab_result", "title", "Bloods", "lab_results", Map.of("crp", 3)))).token(admin).send();
		assertThat(byVisit.status()).as(byVisit.toString()).isEqualTo(201);
		assertThat(byVisit.json().path("record").path("doctor_id").asString())
			.isEqualTo(accountOf(doctorA.userId()).toString());

		var nobody = http.post(PATH, Map.of("user_id", accountOf(patientA.userId()).toString(), "record_type", "note",
				"title", "Whose?")).token(admin).send();
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.json().path("details").asString()).contains("doctor_id");
	}

	@Test
	void badInputIs400NamingTheField() {
		String user = accountOf(patientA.userId()).toString();
		Map<String, Object> good = Map.of("user_id", user, "record_type", "note", "title", "Fine");

		assertBadRequest(without(good, "title"), "title");
		assertBadRequest(with(good, "title", "  "), "title");
		assertBadRequest(without(good, "record_type"), "record_type");
		assertBadRequest(with(good, "record_type", "x-ray"), "record_type");
		assertBadRequest(without(good, "user_id"), "user_id");
		assertBadRequest(with(good, "medications", "aspirin"), "medications");
		assertBadRequest(with(good, "lab_results", 42), "lab_results");
		assertBadRequest(with(good, "unknown_field", 1), "unknown_field");
		// wrong JSON types and malformed UUIDs: the document's shape cannot be read
		for (var bad : List.of(with(good, "user_id", "not-a-uuid"), with(good, "user_id", 42),
				with(good, "is_shared_with_patient", "yes"), with(good, "title", Map.of("a", 1)),
				with(good, "doctor_id", "123"))) {
			var res = http.post(PATH, bad).token(admin).send();
			assertThat(res.status()).as(bad + " → " + res).isEqualTo(400);
			assertThat(keys(res.json())).containsExactly("details", "error", "status");
		}
	}

	@Test
	void idsThatNameNoRecordAre404() {
		String user = accountOf(patientA.userId()).toString();
		String nobody = UUID.randomUUID().toString();
		Map<String, Object> good = Map.of("user_id", user, "record_type", "note", "title", "Fine", "doctor_id",
				accountOf(doctorA.userId()).toString());

		for (var bad : List.of(with(good, "user_id", nobody), with(good, "doctor_id", nobody),
				with(good, "appointment_id", nobody),
				// an account that is no patient's, and one that is no doctor's
				with(good, "user_id", accountOf(doctorA.userId()).toString()), with(good, "doctor_id", user))) {
			var res = http.post(PATH, bad).token(admin).send();
			assertThat(res.status()).as(bad + " → " + res).isEqualTo(404);
			assertThat(keys(res.json())).containsExactly("details", "error", "status");
		}
	}

	@Test
	void patientsAndOtherDoctorsMayNotWrite() {
		var forA = body(Map.of("record_type", "note", "title", "Mine"));

		assertThat(http.post(PATH, forA).token(patientAToken).send().status()).isEqualTo(403);
		var other = http.post(PATH, forA).token(otherDoctorToken).send();
		assertThat(other.status()).isEqualTo(403);
		assertThat(keys(other.json())).containsExactly("details", "error", "status");
		// a doctor writes in their own name only
		var inAnotherName = http.post(PATH, with(forA, "doctor_id", accountOf(otherDoctor.userId()).toString()))
			.token(doctorAToken).send();
		assertThat(inAnotherName.status()).isEqualTo(403);
		assertThat(http.post(PATH, forA).send().status()).isEqualTo(401);
	}

	// GET one

	@Test
	void theDetailNestsThePatientTheDoctorAndTheAppointment() {
		String id = write(doctorAToken, Map.of("appointment_id", visitOfA.publicId().toString()), true);

		var res = http.get(PATH + "/" + id).token(doctorAToken).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("record");
		JsonNode record = res.json().path("record");
		Set<String> detail = new TreeSet<>(RECORD);
		detail.addAll(Set.of("patient", "doctor", "appointment"));
		assertThat(keys(record)).isEqualTo(detail);
		assertThat(keys(record.path("patient"))).isEqualTo(new TreeSet<>(PERSON));
		assertThat(record.path("patient").path("id").asString()).isEqualTo(accountOf(patientA.userId()).toString());
		assertThat(keys(record.path("doctor"))).isEqualTo(new TreeSet<>(DOCTOR));
		assertThat(record.path("doctor").path("id").asString()).isEqualTo(accountOf(doctorA.userId()).toString());
		JsonNode profile = record.path("doctor").path("doctor_profiles").get(0);
		assertThat(keys(profile)).containsExactly("rating", "specialisation");
		assertThat(profile.path("specialisation").asString()).isEqualTo("Clinical Psychologist");
		assertThat(profile.path("rating").isNumber()).isTrue();
		assertThat(keys(record.path("appointment"))).containsExactly("consultation_type", "date", "id", "start_time",
				"status");
		assertThat(record.path("appointment").path("id").asString()).isEqualTo(visitOfA.publicId().toString());
		assertThat(record.path("appointment").path("date").asString()).isEqualTo(visitOfA.date().toString());
		assertThat(record.path("appointment").path("start_time").asString()).isEqualTo("09:00:00");
		assertThat(record.path("appointment").path("consultation_type").asString()).isEqualTo("home");
		assertThat(record.path("appointment").path("status").asString()).isEqualTo("pending_payment");
	}

	@Test
	void aPatientReadsTheirOwnSharedRecordsOnly() {
		String shared = write(doctorAToken, Map.of(), true);
		String hidden = write(doctorAToken, Map.of(), false);

		assertThat(http.get(PATH + "/" + shared).token(patientAToken).send().status()).isEqualTo(200);
		var unshared = http.get(PATH + "/" + hidden).token(patientAToken).send();
		assertThat(unshared.status()).isEqualTo(404);
		assertThat(keys(unshared.json())).containsExactly("details", "error", "status");
		assertThat(http.get(PATH + "/" + shared).token(patientBToken).send().status()).isEqualTo(403);
		assertThat(http.get(PATH + "/" + shared).token(otherDoctorToken).send().status()).isEqualTo(403);
		assertThat(http.get(PATH + "/" + shared).token(secretary).send().status()).isEqualTo(200);
		assertThat(http.get(PATH + "/" + UUID.randomUUID()).token(admin).send().status()).isEqualTo(404);
		assertThat(http.get(PATH + "/12").token(admin).send().status()).isEqualTo(400);

		var mine = http.get(PATH).token(patientAToken).send();
		assertThat(mine.status()).isEqualTo(200);
		assertThat(ids(mine)).contains(shared).doesNotContain(hidden);
		assertThat(ids(http.get(PATH).token(patientBToken).send())).doesNotContain(shared, hidden);
	}

	// GET list

	@Test
	void theListShowsEachRecordWithItsPeopleAndPagination() {
		String user = accountOf(patientA.userId()).toString();
		String first = write(doctorAToken, Map.of("appointment_id", visitOfA.publicId().toString()), true);
		write(doctorAToken, Map.of(), true);

		var res = http.get(PATH + "?userId=" + user + "&limit=1").token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("pagination", "records");
		assertThat(keys(res.json().path("pagination"))).containsExactly("limit", "page", "total", "totalPages");
		assertThat(res.json().path("pagination").path("total").asLong()).isEqualTo(2);
		assertThat(res.json().path("pagination").path("totalPages").asLong()).isEqualTo(2);
		assertThat(res.json().path("records").size()).isEqualTo(1);
		JsonNode listed = res.json().path("records").get(0);
		Set<String> item = new TreeSet<>(RECORD);
		item.addAll(Set.of("patient", "doctor", "appointment"));
		assertThat(keys(listed)).isEqualTo(item);
		assertThat(keys(listed.path("patient"))).isEqualTo(new TreeSet<>(PERSON));
		assertThat(keys(listed.path("doctor"))).isEqualTo(new TreeSet<>(DOCTOR));
		// newest first: the second record, which has no appointment
		assertThat(listed.path("appointment").isNull()).isTrue();

		var older = http.get(PATH + "?userId=" + user + "&limit=1&page=2").token(admin).send();
		JsonNode withVisit = older.json().path("records").get(0);
		assertThat(withVisit.path("id").asString()).isEqualTo(first);
		assertThat(keys(withVisit.path("appointment"))).containsExactly("consultation_type", "date", "id",
				"start_time");
	}

	@Test
	void theListFiltersAndSorts() {
		String user = accountOf(patientA.userId()).toString();
		String b = write(doctorAToken, Map.of("title", "b lab", "record_type", "lab_result"), true);
		String a = write(doctorAToken, Map.of("title", "A note", "appointment_id", visitOfA.publicId().toString()),
				true);
		String c = write(doctorAToken, Map.of("title", "c note"), true);

		assertThat(ids(http.get(PATH + "?userId=" + user + "&sortBy=title&sortOrder=asc").token(doctorAToken).send()))
			.containsExactly(a, b, c);
		assertThat(ids(http.get(PATH + "?userId=" + user + "&recordType=note&sortBy=title&sortOrder=desc")
			.token(admin).send())).containsExactly(c, a);
		assertThat(ids(http.get(PATH + "?appointmentId=" + visitOfA.publicId()).token(admin).send()))
			.containsExactly(a);
		assertThat(ids(http.get(PATH + "?userId=" + user + "&doctorId=" + accountOf(doctorA.userId()))
			.token(secretary).send())).containsExactly(c, a, b);
		assertThat(ids(http.get(PATH + "?appointmentId=" + UUID.randomUUID()).token(admin).send())).isEmpty();
		assertThat(ids(http.get(PATH + "?userId=" + UUID.randomUUID()).token(admin).send())).isEmpty();
		// another doctor sees none of patient A's records
		assertThat(ids(http.get(PATH + "?userId=" + user).token(otherDoctorToken).send())).isEmpty();

		for (String bad : List.of("sortBy=name", "sortOrder=up", "recordType=xray", "userId=12", "doctorId=x",
				"appointmentId=nope", "limit=101", "page=0")) {
			var res = http.get(PATH + "?" + bad).token(admin).send();
			assertThat(res.status()).as(bad + " → " + res).isEqualTo(400);
			assertThat(keys(res.json())).containsExactly("details", "error", "status");
		}
	}

	@Test
	void filtersByPersonAreForTheRolesTheDocumentNames() {
		String userA = accountOf(patientA.userId()).toString();
		String userB = accountOf(patientB.userId()).toString();

		assertThat(http.get(PATH + "?userId=" + userB).token(patientAToken).send().status()).isEqualTo(403);
		assertThat(http.get(PATH + "?userId=" + userA).token(patientAToken).send().status()).isEqualTo(200);
		assertThat(http.get(PATH + "?doctorId=" + accountOf(doctorA.userId())).token(patientAToken).send().status())
			.isEqualTo(403);
		assertThat(http.get(PATH + "?doctorId=" + accountOf(otherDoctor.userId())).token(doctorAToken).send().status())
			.isEqualTo(403);
		assertThat(http.get(PATH + "?doctorId=" + accountOf(doctorA.userId())).token(doctorAToken).send().status())
			.isEqualTo(200);
		assertThat(http.get(PATH).send().status()).isEqualTo(401);
	}

	// PUT

	@Test
	void aChangeAnswersTheRecordAndLeavesWhatItDoesNotName() {
		String id = write(doctorAToken, Map.of("description", "Ten days", "diagnosis", "Flu", "medications",
				Map.of("items", List.of("Paracetamol"))), true);
		Map<String, Object> changes = new HashMap<>();
		changes.put("title", "Renamed");
		changes.put("description", null);
		changes.put("record_type", "diagnosis");
		changes.put("is_shared_with_patient", false);
		changes.put("attachments", Map.of("files", List.of("scan.png")));

		var res = http.put(PATH + "/" + id, changes).token(doctorAToken).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "record");
		JsonNode record = res.json().path("record");
		assertThat(keys(record)).isEqualTo(new TreeSet<>(RECORD));
		assertThat(record.path("title").asString()).isEqualTo("Renamed");
		assertThat(record.path("record_type").asString()).isEqualTo("diagnosis");
		assertThat(record.path("description").isNull()).isTrue();
		assertThat(record.path("diagnosis").asString()).isEqualTo("Flu");
		assertThat(record.path("notes").isNull()).isTrue();
		assertThat(record.path("medications").path("items").get(0).asString()).isEqualTo("Paracetamol");
		assertThat(record.path("attachments").path("files").get(0).asString()).isEqualTo("scan.png");
		assertThat(record.path("is_shared_with_patient").asBoolean()).isFalse();
		// no longer shared: hidden from the patient
		assertThat(http.get(PATH + "/" + id).token(patientAToken).send().status()).isEqualTo(404);
	}

	@Test
	void aChangeIsRefusedToOthersAndCheckedFirst() {
		String id = write(doctorAToken, Map.of(), true);

		assertThat(http.put(PATH + "/" + id, Map.of("title", "Mine")).token(patientAToken).send().status())
			.isEqualTo(403);
		assertThat(http.put(PATH + "/" + id, Map.of("title", "Mine")).token(otherDoctorToken).send().status())
			.isEqualTo(403);
		assertThat(http.put(PATH + "/" + id, Map.of("record_type", "scan")).token(doctorAToken).send().status())
			.isEqualTo(400);
		assertThat(http.put(PATH + "/" + id, Map.of("title", "")).token(doctorAToken).send().status()).isEqualTo(400);
		assertThat(http.put(PATH + "/" + id, Map.of("user_id", UUID.randomUUID().toString())).token(doctorAToken)
			.send().status()).isEqualTo(400);
		assertThat(http.put(PATH + "/" + id, Map.of("medications", "aspirin")).token(doctorAToken).send().status())
			.isEqualTo(400);
		assertThat(http.put(PATH + "/" + id, Map.of("diagnosis", 42)).token(doctorAToken).send().status())
			.isEqualTo(400);
		assertThat(http.put(PATH + "/" + UUID.randomUUID(), Map.of("title", "Gone")).token(admin).send().status())
			.isEqualTo(404);
		assertThat(http.put(PATH + "/" + id, Map.of("title", "Staff")).token(secretary).send().status())
			.isEqualTo(200);
	}

	// DELETE

	@Test
	void deletingIsForAdminsAndTheRecordIsGoneAfterwards() {
		String id = write(doctorAToken, Map.of(), true);

		assertThat(http.delete(PATH + "/" + id).token(doctorAToken).send().status()).isEqualTo(403);
		assertThat(http.delete(PATH + "/" + id).token(secretary).send().status()).isEqualTo(403);
		assertThat(http.delete(PATH + "/" + id).token(patientAToken).send().status()).isEqualTo(403);

		var res = http.delete(PATH + "/" + id).token(admin).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message");

		assertThat(http.get(PATH + "/" + id).token(admin).send().status()).isEqualTo(404);
		assertThat(http.delete(PATH + "/" + id).token(admin).send().status()).isEqualTo(404);
		assertThat(ids(http.get(PATH + "?userId=" + accountOf(patientA.userId())).token(admin).send()))
			.doesNotContain(id);
	}

	/** A record on patient A written through the face; answers its id. */
	private String write(String token, Map<String, Object> fields, boolean shared) {
		Map<String, Object> request = new LinkedHashMap<>(Map.of("record_type", "note", "title", "Seen",
				"is_shared_with_patient", shared));
		request.putAll(fields);
		var res = http.post(PATH, body(request)).token(token).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return res.json().path("record").path("id").asString();
	}

	/** A request on patient A. */
	private Map<String, Object> body(Map<String, Object> fields) {
		return with(fields, "user_id", accountOf(patientA.userId()).toString());
	}

	private void assertBadRequest(Map<String, Object> request, String field) {
		var res = http.post(PATH, request).token(admin).send();
		assertThat(res.status()).as(request + " → " + res).isEqualTo(400);
		assertThat(keys(res.json())).containsExactly("details", "error", "status");
		assertThat(res.json().path("details").asString()).as(res.toString()).contains(field);
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.put(key, value);
		return copy;
	}

	private static Map<String, Object> without(Map<String, Object> map, String key) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.remove(key);
		return copy;
	}

	private static List<String> ids(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		res.json().path("records").forEach(r -> ids.add(r.path("id").asString()));
		return ids;
	}

	private UUID accountOf(long userId) {
		return accounts.get(userId).publicId();
	}

	private String token(long userId) {
		return sessions.start(userId).tokens().accessToken();
	}

	private Appointment visit(Patient patient, Clinician clinician, Centre centre, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
				Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY), LocalTime.of(hour, 0), SessionType.IN_PERSON),
				clinic.admin()).appointment();
	}
}
