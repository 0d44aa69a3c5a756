package io.polyclinic.faces.diabcare;

import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.assertAppModel;
import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.booking;
import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.ids;
import static io.polyclinic.faces.diabcare.DiabcareAppointmentTests.nextHour;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.faces.diabcare.DiabcarePeople.Person;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The Flutter app's AppointmentService, call by call, on the original backend's paths it uses besides the
 * document's: the doctor's appointments (paged, {@code page=1&limit=100}), the upcoming ones, the statistics, the
 * patient's appointments, and the patient's confirmation of a time the doctor booked — each with the path, the body
 * the app sends and the fields its models read.
 */
class DiabcareAppointmentAppTests extends DiabcareApiTest {

	static final List<String> ORIGINAL = List.of("_id", "patientId", "doctorId", "dateTime", "type", "status",
			"createdByRole", "expiresAt", "patientConfirmedAt", "notes", "createdAt", "updatedAt");

	JsonNode book(Person by, Person patient, Person doctor, Instant at, String type) {
		Http.Res res = http.post(API + "/appointments", booking(patient, doctor, at, type, null)).token(by.token())
			.send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res.json();
	}

	@Test
	void getDoctorAppointmentsPagedAsTheOriginal() {
		Person doctor = people.medecin("Samir", "Louati", "Diabétologie");
		Person patient = people.patient("Fatma", "Khelifi");
		JsonNode older = book(patient, patient, doctor, nextHour(), "ONLINE");
		JsonNode newer = book(patient, patient, doctor, nextHour(), "PHYSICAL");
		String path = API + "/appointments/doctor/" + doctor.id();

		Http.Res res = http.get(path + "?page=1&limit=100").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("data", "total", "page", "limit");
		assertThat(body.path("total").asLong()).isEqualTo(2);
		assertThat(body.path("page").asInt()).isEqualTo(1);
		assertThat(body.path("limit").asInt()).isEqualTo(100);
		JsonNode item = body.path("data").get(0);
		assertThat(Http.keys(item)).containsExactlyInAnyOrderElementsOf(ORIGINAL);
		assertThat(item.path("_id").asString()).isEqualTo(newer.path("_id").asString());
		assertThat(item.path("type").asString()).isEqualTo("PHYSICAL");
		assertThat(item.path("status").asString()).isEqualTo("PENDING");
		assertThat(item.path("createdByRole").asString()).isEqualTo("PATIENT");
		assertThat(item.path("expiresAt").isNull()).isTrue();
		assertThat(item.path("notes").asString()).isEmpty();
		// the patient and the doctor nested, as the original populates them; the model reads nom, prenom, email
		JsonNode nestedPatient = item.path("patientId");
		assertThat(Http.keys(nestedPatient)).containsExactlyInAnyOrder("_id", "prenom", "nom", "email", "telephone");
		assertThat(nestedPatient.path("_id").asString()).isEqualTo(patient.id());
		assertThat(nestedPatient.path("prenom").asString()).isEqualTo("Fatma");
		assertThat(nestedPatient.path("nom").asString()).isEqualTo("Khelifi");
		assertThat(nestedPatient.path("email").asString()).isEqualTo(patient.email());
		JsonNode nestedDoctor = item.path("doctorId");
		assertThat(Http.keys(nestedDoctor)).containsExactlyInAnyOrder("_id", "prenom", "nom", "email", "specialite");
		assertThat(nestedDoctor.path("_id").asString()).isEqualTo(doctor.id());
		assertThat(nestedDoctor.path("specialite").asString()).isEqualTo("Diabétologie");
		body.path("data").forEach(DiabcareAppointmentTests::assertAppModel);

		// the original's filters: status in its words, a window of start times
		http.patch(API + "/appointments/" + older.path("_id").asString(), Map.of("status", "CONFIRMED"))
			.token(doctor.token()).send();
		assertThat(ids(http.get(path + "?status=CONFIRMED").token(doctor.token()).send()))
			.containsExactly(older.path("_id").asString());
		assertThat(ids(http.get(path + "?startDate=" + newer.path("dateTime").asString()).token(doctor.token()).send()))
			.containsExactly(newer.path("_id").asString());
		assertThat(ids(http.get(path + "?endDate=" + older.path("dateTime").asString()).token(doctor.token()).send()))
			.containsExactly(older.path("_id").asString());
		assertThat(validationMessages(http.get(path + "?startDate=yesterday").token(doctor.token()).send()))
			.containsExactly("startDate must be a valid ISO 8601 date string");
		// that doctor alone
		DiabcareApiTest.nestError(http.get(path).token(patient.token()).send(), 403, "Forbidden");
		DiabcareApiTest.nestError(http.get(path).token(people.medecin("Other", "Doctor").token()).send(), 403,
				"Forbidden");
	}

	@Test
	void getDoctorUpcomingAppointmentsIsAnArrayOfTheNextSevenDays() {
		Person doctor = people.medecin("Adel", "Rekik");
		Person patient = people.patient("Nesrine", "Mathlouthi");
		Instant now = Instant.now();
		JsonNode soon = book(patient, patient, doctor, now.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), "Online");
		JsonNode sooner = book(patient, patient, doctor, now.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), "Online");
		JsonNode cancelled = book(patient, patient, doctor, now.plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), "Online");
		http.patch(API + "/appointments/" + cancelled.path("_id").asString(), Map.of("status", "CANCELLED"))
			.token(patient.token()).send();
		book(patient, patient, doctor, now.plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), "Online");

		Http.Res res = http.get(API + "/appointments/doctor/" + doctor.id() + "/upcoming").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json().isArray()).isTrue();
		assertThat(ids(res)).containsExactly(sooner.path("_id").asString(), soon.path("_id").asString());
		res.json().forEach(DiabcareAppointmentTests::assertAppModel);
		DiabcareApiTest.nestError(http.get(API + "/appointments/doctor/" + doctor.id() + "/upcoming")
			.token(patient.token()).send(), 403, "Forbidden");
	}

	@Test
	void getDoctorStatsCountsByTheOriginalsStatuses() {
		Person doctor = people.medecin("Karim", "Chaouch");
		Person patient = people.patient("Ahlem", "Ghanmi");
		for (int i = 0; i < 3; i++) {
			book(patient, patient, doctor, nextHour(), "Online");
		}
		JsonNode confirmed = book(patient, patient, doctor, nextHour(), "Online");
		http.patch(API + "/appointments/" + confirmed.path("_id").asString(), Map.of("status", "CONFIRMED"))
			.token(doctor.token()).send();
		JsonNode completed = book(patient, patient, doctor, nextHour(), "Online");
		http.patch(API + "/appointments/" + completed.path("_id").asString(), Map.of("status", "COMPLETED"))
			.token(doctor.token()).send();

		Http.Res res = http.get(API + "/appointments/doctor/" + doctor.id() + "/stats").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json()).isEqualTo(Http.JSON.readTree("""
				{"total":5,"byStatus":[{"_id":"COMPLETED","count":1},{"_id":"CONFIRMED","count":1},
				{"_id":"PENDING","count":3}],"completed":1,"cancelled":0}"""));
		DiabcareApiTest.nestError(http.get(API + "/appointments/doctor/" + doctor.id() + "/stats")
			.token(patient.token()).send(), 403, "Forbidden");
	}

	@Test
	void getPatientAppointmentsAndThePatientsConfirmationOfTheDoctorsBooking() {
		Person doctor = people.medecin("Ridha", "Belaid");
		Person patient = people.patient("Wafa", "Sellami");
		JsonNode own = book(patient, patient, doctor, nextHour(), "Online");
		people.follow(patient, doctor);
		JsonNode byDoctor = book(doctor, patient, doctor, nextHour(), "PHYSICAL");
		String path = API + "/appointments/patient/" + patient.id();

		Http.Res res = http.get(path + "?page=1&limit=100").token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("data", "total", "page", "limit");
		assertThat(ids(res)).containsExactly(byDoctor.path("_id").asString(), own.path("_id").asString());
		JsonNode first = res.json().path("data").get(0);
		// the app offers the patient to confirm what the doctor booked
		assertThat(first.path("createdByRole").asString()).isEqualTo("MEDECIN");
		assertThat(res.json().path("data").get(1).path("createdByRole").asString()).isEqualTo("PATIENT");
		assertAppModel(first);
		assertThat(ids(http.get(path + "?page=1&limit=100&status=PENDING").token(patient.token()).send())).hasSize(2);
		assertThat(ids(http.get(path + "?status=CONFIRMED").token(patient.token()).send())).isEmpty();
		DiabcareApiTest.nestError(http.get(path).token(doctor.token()).send(), 403, "Forbidden");

		// POST /appointments/:id/patient-confirm, without a body
		String confirm = API + "/appointments/" + byDoctor.path("_id").asString() + "/patient-confirm";
		DiabcareApiTest.nestError(http.post(confirm, Map.of()).token(doctor.token()).send(), 403, "Forbidden");
		Http.Res confirmed = http.post(confirm, Map.of()).token(patient.token()).send();
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(Http.keys(confirmed.json())).containsExactlyInAnyOrderElementsOf(ORIGINAL);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
		assertAppModel(confirmed.json());
		assertThat(http.post(confirm, Map.of()).token(patient.token()).send().status()).isEqualTo(200);
		// a time the patient booked themself waits for nobody's word
		JsonNode notTheDoctors = DiabcareApiTest.nestError(http.post(API + "/appointments/"
				+ own.path("_id").asString() + "/patient-confirm", Map.of()).token(patient.token()).send(), 400,
				"Bad Request");
		assertThat(notTheDoctors.path("message").asString()).contains("doctor");
		// the patient cancels through the document's PATCH, as the app does
		assertThat(http.patch(API + "/appointments/" + own.path("_id").asString(), Map.of("status", "CANCELLED"))
			.token(patient.token()).send().json().path("status").asString()).isEqualTo("Cancelled");
	}
}
