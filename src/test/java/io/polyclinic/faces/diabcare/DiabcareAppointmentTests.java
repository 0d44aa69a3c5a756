package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.polyclinic.faces.diabcare.DiabcarePeople.Person;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The document's appointments (section 1) at /diabcare/api: booking at a free instant by the patient or by their
 * doctor, the doctor's and the patient's lists, one appointment, the parties' edits and removal — each with its exact
 * shape, its bad input and its denials.
 */
class DiabcareAppointmentTests extends DiabcareApiTest {

	static final ZoneId DOCTORS_ZONE = ZoneId.of("Asia/Kolkata");
	static final List<String> DETAIL = List.of("_id", "patientId", "patientName", "doctorId", "doctorName", "dateTime",
			"type", "status", "notes", "createdAt", "updatedAt");

	/** Whole hours far enough ahead, each used once in the run: a booking never meets another by chance. */
	private static final AtomicInteger HOURS = new AtomicInteger();
	private static final Instant AHEAD = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);

	static Instant nextHour() {
		return AHEAD.plus(Duration.ofHours(3L * HOURS.getAndIncrement()));
	}

	static Map<String, Object> booking(Person patient, Person doctor, Object dateTime, String type, String notes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("patientId", patient.id());
		body.put("doctorId", doctor.id());
		body.put("dateTime", dateTime.toString());
		body.put("type", type);
		if (notes != null) {
			body.put("notes", notes);
		}
		return body;
	}

	JsonNode book(Person by, Person patient, Person doctor, Instant at) {
		Http.Res res = http.post(API + "/appointments", booking(patient, doctor, at, "Online", "Follow-up"))
			.token(by.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res.json();
	}

	// POST /api/appointments

	@Test
	void aPatientBooksAnyDoctorAtAFreeInstant() {
		Person doctor = people.medecin("Sami", "Trabelsi");
		Person patient = people.patient("John", "Doe");
		Instant at = nextHour();

		Http.Res res = http.post(API + "/appointments", booking(patient, doctor, at, "Online", "Follow-up consultation"))
			.token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrderElementsOf(DETAIL);
		assertThat(UUID.fromString(body.path("_id").asString())).isNotNull();
		assertThat(body.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(body.path("patientName").asString()).isEqualTo("John Doe");
		assertThat(body.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(body.path("doctorName").asString()).isEqualTo("Sami Trabelsi");
		assertThat(body.path("dateTime").asString()).isEqualTo(at.toString()).endsWith("Z");
		assertThat(body.path("type").asString()).isEqualTo("Online");
		assertThat(body.path("status").asString()).isEqualTo("Pending");
		assertThat(body.path("notes").asString()).isEqualTo("Follow-up consultation");
		assertThat(body.path("createdAt").asString()).endsWith("Z");
		assertThat(body.path("updatedAt").asString()).endsWith("Z");

		// the doctor's time is held, one consultation long, whoever asks next
		Person other = people.patient("Ali", "Ben Salah");
		nestError(http.post(API + "/appointments", booking(other, doctor, at.plus(Duration.ofMinutes(30)), "Physical",
				null)).token(other.token()).send(), 409, "Conflict");
		assertThat(http.post(API + "/appointments", booking(other, doctor, at.plus(Duration.ofHours(1)), "Physical",
				null)).token(other.token()).send().status()).isEqualTo(201);
	}

	@Test
	void theAppBooksWithItsOwnWordsAndALocalTimeOnTheDoctorsClock() {
		Person doctor = people.medecin("Nadia", "Mejri");
		Person patient = people.patient("Karim", "Jaziri");
		// what AppointmentService.createAppointment sends: type.name, and DateTime.toIso8601String() of a local time
		LocalDateTime local = LocalDate.now(DOCTORS_ZONE).plusDays(90).atTime(10, 0);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("patientId", patient.id());
		body.put("doctorId", doctor.id());
		body.put("dateTime", local + ":00.000");
		body.put("type", "PHYSICAL");
		body.put("notes", "Bilan trimestriel");

		Http.Res res = http.post(API + "/appointments", body).token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		assertAppModel(res.json());
		assertThat(res.json().path("dateTime").asString())
			.isEqualTo(local.atZone(DOCTORS_ZONE).toInstant().toString());
		assertThat(res.json().path("type").asString()).isEqualTo("Physical");
	}

	@Test
	void aDoctorBooksForTheirPatientOnlyAndOnlyWithThemself() {
		Person doctor = people.medecin("Hatem", "Ayari");
		Person otherDoctor = people.medecin("Leila", "Gharbi");
		Person patient = people.patient("Mouna", "Chaabane");
		Person stranger = people.patient("Omar", "Ferchichi");
		// an appointment alone does not make the patient theirs; an accepted request does
		book(patient, patient, doctor, nextHour());
		nestError(http.post(API + "/appointments", booking(patient, doctor, nextHour(), "Online", null))
			.token(doctor.token()).send(), 403, "Forbidden");
		people.follow(patient, doctor);

		JsonNode booked = book(doctor, patient, doctor, nextHour());
		assertThat(booked.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(booked.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(booked.path("status").asString()).isEqualTo("Pending");

		nestError(http.post(API + "/appointments", booking(stranger, doctor, nextHour(), "Online", null))
			.token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/appointments", booking(patient, otherDoctor, nextHour(), "Online", null))
			.token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/appointments", booking(patient, doctor, nextHour(), "Online", null))
			.token(otherDoctor.token()).send(), 403, "Forbidden");
		// a patient books only for themself; a pharmacien not at all
		nestError(http.post(API + "/appointments", booking(patient, doctor, nextHour(), "Online", null))
			.token(stranger.token()).send(), 403, "Forbidden");
		Person pharmacien = people.pharmacien("Salma", "Kefi");
		nestError(http.post(API + "/appointments", booking(patient, doctor, nextHour(), "Online", null))
			.token(pharmacien.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/appointments", booking(patient, doctor, nextHour(), "Online", null)).send(), 401,
				"Unauthorized");
	}

	@Test
	void badBookingsAreValidationErrors() {
		Person doctor = people.medecin("Rania", "Haddad");
		Person patient = people.patient("Youssef", "Mansour");
		String path = API + "/appointments";

		assertThat(validationMessages(http.post(path, Map.of()).token(patient.token()).send()))
			.containsExactlyInAnyOrder("patientId should not be empty", "doctorId should not be empty",
					"dateTime should not be empty", "type should not be empty");
		assertThat(validationMessages(http.post(path, booking(patient, doctor, nextHour(), "Video", null))
			.token(patient.token()).send())).containsExactly("type must be one of the following values: Online, Physical");
		assertThat(validationMessages(http.post(path, booking(patient, doctor, "tomorrow at ten", "Online", null))
			.token(patient.token()).send())).containsExactly("dateTime must be a valid ISO 8601 date string");
		assertThat(validationMessages(http.post(path, booking(patient, doctor, "2031-02-30T10:00:00Z", "Online", null))
			.token(patient.token()).send())).containsExactly("dateTime must be a valid ISO 8601 date string");
		assertThat(validationMessages(http.post(path,
				booking(patient, doctor, Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
						"Online", null))
			.token(patient.token()).send())).singleElement().asString().startsWith("dateTime");
		Map<String, Object> extra = booking(patient, doctor, nextHour(), "Online", null);
		extra.put("status", "Confirmed");
		assertThat(validationMessages(http.post(path, extra).token(patient.token()).send()))
			.containsExactly("property status should not exist");
		assertThat(validationMessages(http.post(path, Map.of("patientId", "someone", "doctorId", doctor.id(),
				"dateTime", nextHour().toString(), "type", "Online")).token(patient.token()).send()))
			.singleElement().asString().startsWith("patientId");
		nestError(http.post(path, booking(patient, patient, nextHour(), "Online", null)).token(patient.token()).send(),
				404, "Not Found");
	}

	// GET /api/doctors/:doctorId/appointments

	@Test
	void theDoctorsListByDayStatusAndTypeWithItsTotal() {
		Person doctor = people.medecin("Imed", "Karoui");
		Person patient = people.patient("Sonia", "Belhaj");
		LocalDate day = LocalDate.now(DOCTORS_ZONE).plusDays(120);
		// 00:30 on the doctor's day is the evening before in UTC
		Instant early = day.atTime(0, 30).atZone(DOCTORS_ZONE).toInstant();
		Instant late = day.atTime(22, 0).atZone(DOCTORS_ZONE).toInstant();
		JsonNode first = book(patient, patient, doctor, early);
		JsonNode second = book(patient, patient, doctor, late);
		Map<String, Object> physical = booking(patient, doctor, day.plusDays(1).atTime(9, 0).atZone(DOCTORS_ZONE)
			.toInstant(), "Physical", null);
		String third = http.post(API + "/appointments", physical).token(patient.token()).send().json().path("_id")
			.asString();
		http.patch(API + "/appointments/" + second.path("_id").asString(), Map.of("status", "Confirmed"))
			.token(doctor.token()).send();
		String path = API + "/doctors/" + doctor.id() + "/appointments";

		Http.Res res = http.get(path + "?date=" + day).token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "total");
		assertThat(res.json().path("total").asLong()).isEqualTo(2);
		JsonNode item = res.json().path("data").get(0);
		assertThat(Http.keys(item)).containsExactlyInAnyOrder("_id", "patientId", "patientName", "dateTime", "type",
				"status", "notes");
		// newest first
		assertThat(item.path("_id").asString()).isEqualTo(second.path("_id").asString());
		assertThat(item.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(item.path("patientName").asString()).isEqualTo("Sonia Belhaj");
		assertThat(item.path("dateTime").asString()).isEqualTo(late.toString());
		assertThat(item.path("status").asString()).isEqualTo("Confirmed");
		assertThat(item.path("notes").asString()).isEqualTo("Follow-up");

		assertThat(ids(http.get(path + "?status=Confirmed").token(doctor.token()).send()))
			.containsExactly(second.path("_id").asString());
		assertThat(ids(http.get(path + "?status=pending&type=Online").token(doctor.token()).send()))
			.containsExactly(first.path("_id").asString());
		assertThat(ids(http.get(path + "?type=Physical").token(doctor.token()).send())).containsExactly(third);
		Http.Res page = http.get(path + "?limit=1&page=2").token(doctor.token()).send();
		assertThat(page.json().path("total").asLong()).isEqualTo(3);
		assertThat(ids(page)).containsExactly(second.path("_id").asString());

		assertThat(validationMessages(http.get(path + "?status=Done").token(doctor.token()).send()))
			.containsExactly("status must be one of the following values: Pending, Confirmed, Completed, Cancelled");
		assertThat(validationMessages(http.get(path + "?type=Video").token(doctor.token()).send()))
			.containsExactly("type must be one of the following values: Online, Physical");
		assertThat(validationMessages(http.get(path + "?date=25-02-2024").token(doctor.token()).send()))
			.containsExactly("date must be a valid ISO 8601 date string");
		assertThat(validationMessages(http.get(path + "?limit=0").token(doctor.token()).send())).hasSize(1);
		assertThat(validationMessages(http.get(API + "/doctors/not-an-id/appointments").token(doctor.token()).send()))
			.hasSize(1);
	}

	@Test
	void aDoctorsListIsForThatDoctorAlone() {
		Person doctor = people.medecin("Fethi", "Sghaier");
		Person patient = people.patient("Hela", "Ouni");
		book(patient, patient, doctor, nextHour());
		String path = API + "/doctors/" + doctor.id() + "/appointments";

		nestError(http.get(path).token(people.medecin("Other", "Doctor").token()).send(), 403, "Forbidden");
		JsonNode denied = nestError(http.get(path).token(patient.token()).send(), 403, "Forbidden");
		assertThat(denied.path("message").asString()).isEqualTo("Forbidden resource");
		// a patient's own id on the doctors' path is no way in either
		nestError(http.get(API + "/doctors/" + patient.id() + "/appointments").token(patient.token()).send(), 403,
				"Forbidden");
		nestError(http.get(path).send(), 401, "Unauthorized");
	}

	// GET /api/patients/:patientId/appointments

	@Test
	void thePatientsListWithTheDoctorsSpecialty() {
		Person doctor = people.medecin("Mehdi", "Saidi", "Endocrinologie");
		Person patient = people.patient("Amel", "Toumi");
		JsonNode booked = book(patient, patient, doctor, nextHour());
		book(patient, patient, doctor, nextHour());
		String path = API + "/patients/" + patient.id() + "/appointments";

		Http.Res res = http.get(path + "?limit=1").token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "total");
		assertThat(res.json().path("total").asLong()).isEqualTo(2);
		JsonNode item = res.json().path("data").get(0);
		assertThat(Http.keys(item)).containsExactlyInAnyOrder("_id", "doctorId", "doctorName", "specialty", "dateTime",
				"type", "status");
		assertThat(item.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(item.path("doctorName").asString()).isEqualTo("Mehdi Saidi");
		assertThat(item.path("specialty").asString()).isEqualTo("Endocrinologie");
		assertThat(item.path("type").asString()).isEqualTo("Online");
		assertThat(item.path("status").asString()).isEqualTo("Pending");
		assertThat(ids(http.get(path + "?page=2&limit=1").token(patient.token()).send()))
			.containsExactly(booked.path("_id").asString());

		// the patient alone: not their doctor, not another patient
		nestError(http.get(path).token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.get(path).token(people.patient("Other", "Patient").token()).send(), 403, "Forbidden");
		assertThat(validationMessages(http.get(path + "?status=Later").token(patient.token()).send())).hasSize(1);
	}

	// GET /api/appointments/:id

	@Test
	void oneAppointmentForItsParties() {
		Person doctor = people.medecin("Anis", "Jlassi");
		Person patient = people.patient("Asma", "Dridi");
		JsonNode booked = book(patient, patient, doctor, nextHour());
		String path = API + "/appointments/" + booked.path("_id").asString();

		Http.Res res = http.get(path).token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrderElementsOf(DETAIL);
		assertThat(res.json()).isEqualTo(booked);
		assertThat(http.get(path).token(patient.token()).send().json()).isEqualTo(booked);

		nestError(http.get(path).token(people.patient("Nour", "Hammami").token()).send(), 403, "Forbidden");
		nestError(http.get(path).token(people.medecin("Zied", "Mabrouk").token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/appointments/" + UUID.randomUUID()).token(patient.token()).send(), 404, "Not Found");
		assertThat(validationMessages(http.get(API + "/appointments/42x").token(patient.token()).send())).hasSize(1);
	}

	// PATCH /api/appointments/:id

	@Test
	void theDoctorConfirmsAndTheBodyIsTheAppointment() {
		Person doctor = people.medecin("Bilel", "Hamdi");
		Person patient = people.patient("Ons", "Guesmi");
		JsonNode booked = book(patient, patient, doctor, nextHour());
		String path = API + "/appointments/" + booked.path("_id").asString();

		// confirming is the doctor's word, not the patient's
		nestError(http.patch(path, Map.of("status", "Confirmed")).token(patient.token()).send(), 403, "Forbidden");
		Http.Res res = http.patch(path, Map.of("status", "Confirmed", "notes", "Updated notes")).token(doctor.token())
			.send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		// the document's {_id, status, notes, updatedAt}, with the rest of the appointment the app's model reads
		assertThat(Http.keys(body)).containsExactlyInAnyOrderElementsOf(DETAIL);
		assertThat(body.path("_id").asString()).isEqualTo(booked.path("_id").asString());
		assertThat(body.path("status").asString()).isEqualTo("Confirmed");
		assertThat(body.path("notes").asString()).isEqualTo("Updated notes");
		assertThat(body.path("updatedAt").asString()).endsWith("Z");
		assertAppModel(body);
		// and it is what a read shows
		assertThat(http.get(path).token(patient.token()).send().json()).isEqualTo(body);

		// nothing goes back to pending
		nestError(http.patch(path, Map.of("status", "Pending")).token(doctor.token()).send(), 409, "Conflict");
		// the patient writes notes and cancels
		assertThat(http.patch(path, Map.of("notes", "I will bring my log")).token(patient.token()).send().json()
			.path("notes").asString()).isEqualTo("I will bring my log");
		assertThat(http.patch(path, Map.of("status", "cancelled")).token(patient.token()).send().json().path("status")
			.asString()).isEqualTo("Cancelled");
		nestError(http.patch(path, Map.of("status", "Completed")).token(doctor.token()).send(), 409, "Conflict");
	}

	@Test
	void theDoctorCompletesStraightFromPendingMovesAndRetypes() {
		Person doctor = people.medecin("Lotfi", "Mzoughi");
		Person patient = people.patient("Yasmine", "Baccouche");
		JsonNode booked = book(patient, patient, doctor, nextHour());
		String path = API + "/appointments/" + booked.path("_id").asString();
		Instant moved = nextHour();

		// the app's edit sheet sends all four, in its own words
		Http.Res res = http.patch(path, Map.of("status", "PENDING", "dateTime", moved.toString(), "type", "PHYSICAL",
				"notes", "Moved")).token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json().path("dateTime").asString()).isEqualTo(moved.toString());
		assertThat(res.json().path("type").asString()).isEqualTo("Physical");
		assertThat(res.json().path("status").asString()).isEqualTo("Pending");
		// the old time is free again
		book(patient, patient, doctor, Instant.parse(booked.path("dateTime").asString()));
		// the patient moves nothing
		nestError(http.patch(path, Map.of("dateTime", nextHour().toString())).token(patient.token()).send(), 403,
				"Forbidden");
		nestError(http.patch(path, Map.of("status", "Completed")).token(patient.token()).send(), 403, "Forbidden");
		assertThat(http.patch(path, Map.of("status", "COMPLETED")).token(doctor.token()).send().json().path("status")
			.asString()).isEqualTo("Completed");
		// a completed visit stays on the record
		nestError(http.delete(path).token(doctor.token()).send(), 409, "Conflict");
	}

	@Test
	void badEditsAreValidationErrorsAndStrangersAreRefused() {
		Person doctor = people.medecin("Chokri", "Brahmi");
		Person patient = people.patient("Rym", "Dhaouadi");
		String path = API + "/appointments/" + book(patient, patient, doctor, nextHour()).path("_id").asString();

		assertThat(validationMessages(http.patch(path, Map.of("status", "Done")).token(doctor.token()).send()))
			.containsExactly("status must be one of the following values: Pending, Confirmed, Completed, Cancelled");
		assertThat(validationMessages(http.patch(path, Map.of("type", "Video")).token(doctor.token()).send()))
			.containsExactly("type must be one of the following values: Online, Physical");
		assertThat(validationMessages(http.patch(path, Map.of("dateTime", "soon")).token(doctor.token()).send()))
			.containsExactly("dateTime must be a valid ISO 8601 date string");
		assertThat(validationMessages(http.patch(path, Map.of("doctorId", doctor.id())).token(doctor.token()).send()))
			.containsExactly("property doctorId should not exist");
		nestError(http.patch(path, Map.of("notes", "mine")).token(people.medecin("Other", "Doctor").token()).send(), 403,
				"Forbidden");
		nestError(http.patch(API + "/appointments/" + UUID.randomUUID(), Map.of("notes", "x")).token(doctor.token())
			.send(), 404, "Not Found");
	}

	// DELETE /api/appointments/:id

	@Test
	void eitherPartyDeletesAndItIsGoneAndItsTimeFree() {
		Person doctor = people.medecin("Moez", "Chtioui");
		Person patient = people.patient("Dorra", "Zribi");
		Instant at = nextHour();
		String byPatient = API + "/appointments/" + book(patient, patient, doctor, at).path("_id").asString();

		nestError(http.delete(byPatient).token(people.patient("Other", "Patient").token()).send(), 403, "Forbidden");
		nestError(http.delete(byPatient).token(people.medecin("Other", "Doctor").token()).send(), 403, "Forbidden");
		Http.Res res = http.delete(byPatient).token(patient.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json()).isEqualTo(Http.JSON.readTree("{\"message\":\"Appointment deleted successfully\"}"));
		nestError(http.get(byPatient).token(patient.token()).send(), 404, "Not Found");
		nestError(http.delete(byPatient).token(patient.token()).send(), 404, "Not Found");

		String byDoctor = API + "/appointments/" + book(patient, patient, doctor, at).path("_id").asString();
		assertThat(http.delete(byDoctor).token(doctor.token()).send().status()).isEqualTo(200);
		book(patient, patient, doctor, at);
		assertThat(validationMessages(http.delete(API + "/appointments/nope").token(patient.token()).send())).hasSize(1);
	}

	/** What the app's AppointmentModel.fromJson reads, and would fail without. */
	static void assertAppModel(JsonNode json) {
		assertThat(json.path("_id").isString()).isTrue();
		assertThat(json.path("patientId").isString() || json.path("patientId").path("_id").isString()).isTrue();
		assertThat(json.path("doctorId").isString() || json.path("doctorId").path("_id").isString()).isTrue();
		assertThat(Instant.parse(json.path("dateTime").asString())).isNotNull();
		assertThat(json.path("type").asString().toUpperCase()).isIn("ONLINE", "PHYSICAL");
		assertThat(json.path("status").asString().toUpperCase()).isIn("PENDING", "CONFIRMED", "COMPLETED", "CANCELLED");
		assertThat(Instant.parse(json.path("createdAt").asString())).isNotNull();
		assertThat(Instant.parse(json.path("updatedAt").asString())).isNotNull();
	}

	static List<String> ids(Http.Res res) {
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode data = res.json().isArray() ? res.json() : res.json().path("data");
		return data.valueStream().map(n -> n.path("_id").asString()).toList();
	}
}
