package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.polyclinic.faces.diabcare.DiabcarePeople.Person;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Patient requests at /diabcare/api (contract sections 3 and 5, and the original's other request paths), with the
 * bodies the Flutter app's PatientRequestService sends and the fields it reads back.
 */
class DiabcareRequestsTests extends DiabcareApiTest {

	static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z";

	/** The app's createPatientRequest: doctorId, the note when there is one, and requestType patient_link. */
	Http.Res ask(Person patient, Person doctor, String note) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("doctorId", doctor.id());
		if (note != null) {
			body.put("urgentNote", note);
		}
		body.put("requestType", "patient_link");
		return http.post(API + "/patients/" + patient.id() + "/request-doctor", body).token(patient.token()).send();
	}

	@Test
	void aPatientAsksADoctorAsTheAppDoesAndGets201() {
		Person doctor = people.medecin("Sami", "Gharbi");
		Person patient = people.patient("Lina", "Trabelsi");

		Http.Res res = ask(patient, doctor, "Need urgent consultation");

		assertThat(res.status()).as(res.body()).isEqualTo(201);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("_id", "patientId", "doctorId", "status", "requestDate",
				"urgentNote");
		assertThat(UUID.fromString(body.path("_id").asString())).isNotNull();
		assertThat(body.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(body.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(body.path("status").asString()).isEqualTo("pending");
		assertThat(body.path("requestDate").asString()).matches(ISO_UTC);
		assertThat(body.path("urgentNote").asString()).isEqualTo("Need urgent consultation");

		// asking again while it is pending: a conflict, in NestJS's shape
		JsonNode again = nestError(ask(patient, doctor, null), 409, "Conflict");
		assertThat(again.path("message").asString()).isEqualTo("A pending request to this doctor already exists");
	}

	@Test
	void askingIsValidatedAndForTheCallerOnly() {
		Person doctor = people.medecin("Nabil", "Jaziri");
		Person patient = people.patient("Olfa", "Mansour");
		Person other = people.patient("Other", "Patient");

		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/request-doctor", Map.of())
			.token(patient.token()).send())).containsExactly("doctorId should not be empty");
		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", "nope")).token(patient.token()).send())).containsExactly("doctorId must be an id");
		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id(), "requestType", "access_renewal")).token(patient.token()).send()))
			.containsExactly("requestType must be one of the following values: patient_link");
		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id(), "urgentNote", "x".repeat(1001))).token(patient.token()).send()))
			.containsExactly("urgentNote must be shorter than or equal to 1000 characters");
		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id(), "priority", "high")).token(patient.token()).send()))
			.containsExactly("property priority should not exist");
		nestError(http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", UUID.randomUUID().toString())).token(patient.token()).send(), 404, "Not Found");

		// for oneself only: another patient, or the doctor, on this patient's path
		nestError(http.post(API + "/patients/" + patient.id() + "/request-doctor", Map.of("doctorId", doctor.id()))
			.token(other.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/patients/" + patient.id() + "/request-doctor", Map.of("doctorId", doctor.id()))
			.token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/patients/" + patient.id() + "/request-doctor", Map.of("doctorId", doctor.id()))
			.send(), 401, "Unauthorized");
	}

	@Test
	void theDoctorSeesPendingRequestsWithNameAgeDiabetesTypeAndNote() {
		Person doctor = people.medecin("Mehdi", "Ayari");
		Person first = people.patient("Sarra", "Ben Ali", "TYPE_1", "1990-05-01T00:00:00.000");
		Person second = people.patient("Youssef", "Hamdi", "GESTATIONNEL", "2001-12-31T00:00:00.000");
		ask(first, doctor, "Readings above 300");
		ask(second, doctor, null);

		Http.Res res = http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("requests", "total");
		assertThat(body.path("total").asLong()).isEqualTo(2);
		JsonNode newest = body.path("requests").get(0);
		JsonNode oldest = body.path("requests").get(1);
		assertThat(Http.keys(newest)).containsExactlyInAnyOrder("_id", "patientId", "patientName", "age",
				"diabetesType", "requestDate", "hasUrgentNote", "status", "urgentNote");
		assertThat(newest.path("patientId").asString()).isEqualTo(second.id());
		assertThat(newest.path("patientName").asString()).isEqualTo("Youssef Hamdi");
		assertThat(newest.path("age").asInt()).isEqualTo(age("2001-12-31"));
		assertThat(newest.path("diabetesType").asString()).isEqualTo("GESTATIONNEL");
		assertThat(newest.path("hasUrgentNote").asBoolean()).isFalse();
		assertThat(newest.path("urgentNote").asString()).isEmpty();
		assertThat(newest.path("status").asString()).isEqualTo("pending");
		assertThat(newest.path("requestDate").asString()).matches(ISO_UTC);
		assertThat(oldest.path("patientId").asString()).isEqualTo(first.id());
		assertThat(oldest.path("age").asInt()).isEqualTo(age("1990-05-01"));
		assertThat(oldest.path("diabetesType").asString()).isEqualTo("TYPE_1");
		assertThat(oldest.path("hasUrgentNote").asBoolean()).isTrue();
		assertThat(oldest.path("urgentNote").asString()).isEqualTo("Readings above 300");

		// paged on request, the total still all of them
		JsonNode page = http.get(API + "/doctors/" + doctor.id() + "/patient-requests?limit=1&page=2")
			.token(doctor.token()).send().json();
		assertThat(page.path("total").asLong()).isEqualTo(2);
		assertThat(page.path("requests")).singleElement()
			.satisfies(r -> assertThat(r.path("patientId").asString()).isEqualTo(first.id()));

		// the doctor's own only: another doctor, the patient, a bad id
		Person other = people.medecin("Other", "Doctor");
		nestError(http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(other.token()).send(), 403,
				"Forbidden");
		nestError(http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(first.token()).send(), 403,
				"Forbidden");
		assertThat(validationMessages(http.get(API + "/doctors/not-an-id/patient-requests").token(doctor.token())
			.send())).containsExactly("doctorId must be an id");
		assertThat(validationMessages(http.get(API + "/doctors/" + doctor.id() + "/patient-requests?limit=101")
			.token(doctor.token()).send())).hasSize(1);
	}

	@Test
	void theDoctorAcceptsAsTheAppDoesAndTheAppReadsTheRequestBack() {
		Person doctor = people.medecin("Hela", "Karray");
		Person patient = people.patient("Aziz", "Chaari");
		String requestId = ask(patient, doctor, "Please").json().path("_id").asString();

		// the app posts with a JSON content type and no body
		Http.Res res = http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept", null)
			.header("Content-Type", "application/json").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		// the contract's four, then what the app's acceptPatientRequest reads
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Patient request accepted");
		assertThat(body.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(body.path("requestId").asString()).isEqualTo(requestId);
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("success", "message", "patientId", "requestId", "_id",
				"doctorId", "status", "requestType", "requestDate", "urgentNote", "declineReason", "respondedAt",
				"createdAt", "updatedAt");
		assertThat(body.path("_id").asString()).isEqualTo(requestId);
		assertThat(body.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(body.path("status").asString()).isEqualTo("accepted");
		assertThat(body.path("requestType").asString()).isEqualTo("patient_link");
		assertThat(body.path("urgentNote").asString()).isEqualTo("Please");
		for (String at : List.of("requestDate", "respondedAt", "createdAt", "updatedAt")) {
			assertThat(body.path(at).asString()).as(at).matches(ISO_UTC);
		}

		// accepted: out of the pending list, and the doctor follows the patient, as both ask it
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(doctor.token()).send().json()
			.path("total").asLong()).isZero();
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/access-status")
			.token(doctor.token()).send().json().path("enabled").asBoolean()).isTrue();
		Http.Res status = http.get(API + "/patients/" + patient.id() + "/doctors/" + doctor.id() + "/access-status")
			.token(patient.token()).send();
		assertThat(status.status()).isEqualTo(200);
		assertThat(Http.keys(status.json())).containsExactly("enabled");
		assertThat(status.json().path("enabled").asBoolean()).isTrue();

		// decided once only; asked again while followed
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept", null)
			.token(doctor.token()).send(), 409, "Conflict");
		assertThat(nestError(ask(patient, doctor, null), 409, "Conflict").path("message").asString())
			.isEqualTo("This doctor already follows the patient");
	}

	@Test
	void onlyTheDoctorAskedDecides() {
		Person doctor = people.medecin("Rania", "Feki");
		Person other = people.medecin("Other", "Doctor");
		Person patient = people.patient("Bilel", "Mejri");
		String requestId = ask(patient, doctor, null).json().path("_id").asString();

		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept", null)
			.token(other.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/doctors/" + other.id() + "/patient-requests/" + requestId + "/accept", null)
			.token(other.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept", null)
			.token(patient.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + UUID.randomUUID() + "/accept",
				null).token(doctor.token()).send(), 404, "Not Found");
		assertThat(validationMessages(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/x/accept", null)
			.token(doctor.token()).send())).containsExactly("requestId must be an id");
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/decline",
				Map.of("reason", "Full")).token(other.token()).send(), 403, "Forbidden");
	}

	@Test
	void theDoctorDeclinesWithTheContractsReasonOrTheAppsDeclineReason() {
		Person doctor = people.medecin("Asma", "Dridi");
		Person first = people.patient("Fares", "Sellami");
		Person second = people.patient("Maha", "Zribi");
		String viaContract = ask(first, doctor, null).json().path("_id").asString();
		String viaApp = ask(second, doctor, null).json().path("_id").asString();

		Http.Res res = http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + viaContract + "/decline",
				Map.of("reason", "Patient limit reached")).token(doctor.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Patient request declined");
		assertThat(body.path("requestId").asString()).isEqualTo(viaContract);
		assertThat(body.path("status").asString()).isEqualTo("declined");
		assertThat(body.path("declineReason").asString()).isEqualTo("Patient limit reached");
		assertThat(body.path("patientId").asString()).isEqualTo(first.id());

		// the app's declinePatientRequest sends declineReason ("No reason provided" when the doctor gave none)
		Http.Res app = http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + viaApp + "/decline",
				Map.of("declineReason", "No reason provided")).token(doctor.token()).send();
		assertThat(app.status()).as(app.body()).isEqualTo(200);
		assertThat(app.json().path("_id").asString()).isEqualTo(viaApp);
		assertThat(app.json().path("declineReason").asString()).isEqualTo("No reason provided");

		String third = ask(people.patient("Nour", "Ghanmi"), doctor, null).json().path("_id").asString();
		assertThat(validationMessages(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + third
				+ "/decline", Map.of()).token(doctor.token()).send())).containsExactly("reason should not be empty");
		assertThat(validationMessages(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + third
				+ "/decline", Map.of("reason", "x".repeat(501))).token(doctor.token()).send()))
			.containsExactly("reason must be shorter than or equal to 500 characters");
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + viaApp + "/decline",
				Map.of("reason", "Again")).token(doctor.token()).send(), 409, "Conflict");
	}

	@Test
	void aPatientReadsTheirOwnRequestsAsTheDoctorFinderDoes() {
		Person doctor = people.medecin("Imen", "Baccar", "Diabétologie");
		Person declining = people.medecin("Other", "Doctor");
		Person patient = people.patient("Khalil", "Bouzid");
		String accepted = ask(patient, doctor, "Hello").json().path("_id").asString();
		http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + accepted + "/accept", null)
			.token(doctor.token()).send();
		String declined = ask(patient, declining, null).json().path("_id").asString();
		http.post(API + "/doctors/" + declining.id() + "/patient-requests/" + declined + "/decline",
				Map.of("declineReason", "Full")).token(declining.token()).send();

		Http.Res res = http.get(API + "/patients/" + patient.id() + "/my-requests").token(patient.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode list = res.json();
		assertThat(list.isArray()).isTrue();
		assertThat(list).hasSize(2);
		JsonNode newest = list.get(0);
		assertThat(Http.keys(newest)).containsExactlyInAnyOrder("_id", "patientId", "doctorId", "status",
				"requestType", "requestDate", "urgentNote", "declineReason", "respondedAt", "createdAt", "updatedAt");
		// what FindDoctorsScreen reads: requestType, doctorId (populated: its _id) and status
		assertThat(newest.path("_id").asString()).isEqualTo(declined);
		assertThat(newest.path("requestType").asString()).isEqualTo("patient_link");
		assertThat(newest.path("doctorId").path("_id").asString()).isEqualTo(declining.id());
		assertThat(newest.path("status").asString()).isEqualTo("declined");
		assertThat(newest.path("declineReason").asString()).isEqualTo("Full");
		JsonNode oldest = list.get(1);
		assertThat(Http.keys(oldest.path("doctorId"))).containsExactlyInAnyOrder("_id", "nom", "prenom", "email",
				"telephone", "specialite");
		assertThat(oldest.path("doctorId").path("nom").asString()).isEqualTo("Baccar");
		assertThat(oldest.path("doctorId").path("prenom").asString()).isEqualTo("Imen");
		assertThat(oldest.path("doctorId").path("specialite").asString()).isEqualTo("Diabétologie");
		assertThat(oldest.path("status").asString()).isEqualTo("accepted");

		nestError(http.get(API + "/patients/" + patient.id() + "/my-requests").token(doctor.token()).send(), 403,
				"Forbidden");
		assertThat(validationMessages(http.get(API + "/patients/x/my-requests").token(patient.token()).send()))
			.containsExactly("patientId must be an id");
	}

	@Test
	void accessStatusIsAskedByItsOwnPartyOnly() {
		Person doctor = people.medecin("Wided", "Souissi");
		Person patient = people.patient("Omar", "Kefi");
		Person other = people.patient("Other", "Patient");

		assertThat(http.get(API + "/patients/" + patient.id() + "/doctors/" + doctor.id() + "/access-status")
			.token(patient.token()).send().json().path("enabled").asBoolean()).isFalse();
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/access-status")
			.token(doctor.token()).send().json().path("enabled").asBoolean()).isFalse();
		// a pending request is no access yet
		ask(patient, doctor, null);
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/access-status")
			.token(doctor.token()).send().json().path("enabled").asBoolean()).isFalse();

		nestError(http.get(API + "/patients/" + patient.id() + "/doctors/" + doctor.id() + "/access-status")
			.token(other.token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/patients/" + patient.id() + "/doctors/" + doctor.id() + "/access-status")
			.token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/access-status")
			.token(patient.token()).send(), 403, "Forbidden");
		assertThat(validationMessages(http.get(API + "/doctors/" + doctor.id() + "/patients/x/access-status")
			.token(doctor.token()).send())).containsExactly("patientId must be an id");
	}

	@Test
	void aMedecinsPatientsAreThoseTheyAcceptedAndAPatientsMedecinsTheirFollowers() {
		Person doctor = people.medecin("Lotfi", "Mabrouk", "Endocrinologie");
		Person first = people.patient("Amira", "Ben Youssef", "TYPE_1", "1985-02-10T00:00:00.000");
		Person second = people.patient("Slim", "Kacem");
		Person pending = people.patient("Pending", "Patient");
		for (Person p : List.of(first, second)) {
			String request = ask(p, doctor, null).json().path("_id").asString();
			http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + request + "/accept", null)
				.token(doctor.token()).send();
		}
		ask(pending, doctor, null);

		// the app's getDoctorPatients: page, limit, status=all, search
		Http.Res res = http.get(API + "/medecins/" + doctor.id() + "/my-patients?page=1&limit=10&status=all")
			.token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		JsonNode body = res.json();
		assertThat(Http.keys(body)).containsExactlyInAnyOrder("data", "total", "page", "limit", "totalPages",
				"statusCounts");
		assertThat(body.path("total").asLong()).isEqualTo(2);
		assertThat(body.path("page").asInt()).isEqualTo(1);
		assertThat(body.path("limit").asInt()).isEqualTo(10);
		assertThat(body.path("totalPages").asLong()).isEqualTo(1);
		assertThat(body.path("data").valueStream().map(p -> p.path("_id").asString()))
			.containsExactly(second.id(), first.id());
		JsonNode amira = body.path("data").get(1);
		assertThat(Http.keys(amira)).containsExactlyInAnyOrder("_id", "prenom", "nom", "email", "telephone",
				"photoProfil", "dateNaissance", "age", "sexe", "typeDiabete", "status", "lastReading", "initials");
		assertThat(amira.path("prenom").asString()).isEqualTo("Amira");
		assertThat(amira.path("nom").asString()).isEqualTo("Ben Youssef");
		assertThat(amira.path("email").asString()).isEqualTo(first.email().toLowerCase());
		assertThat(amira.path("dateNaissance").asString()).isEqualTo("1985-02-10");
		assertThat(amira.path("age").asInt()).isEqualTo(age("1985-02-10"));
		assertThat(amira.path("typeDiabete").asString()).isEqualTo("TYPE_1");
		assertThat(amira.path("initials").asString()).isEqualTo("AB");

		JsonNode found = http.get(API + "/medecins/" + doctor.id() + "/my-patients?search=youssef")
			.token(doctor.token()).send().json();
		assertThat(found.path("total").asLong()).isOne();
		assertThat(found.path("data").get(0).path("_id").asString()).isEqualTo(first.id());
		assertThat(validationMessages(http.get(API + "/medecins/" + doctor.id() + "/my-patients?status=unwell")
			.token(doctor.token()).send()))
			.containsExactly("status must be one of the following values: all, stable, attention, critical");
		nestError(http.get(API + "/medecins/" + doctor.id() + "/my-patients").token(people.medecin("Other", "Doctor")
			.token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/medecins/" + doctor.id() + "/my-patients").token(first.token()).send(), 403,
				"Forbidden");

		// the patient's médecins: MyDoctorsScreen reads _id, prenom, nom
		Http.Res mine = http.get(API + "/medecins/patient/" + first.id() + "/my-doctors").token(first.token()).send();
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(mine.json()).singleElement().satisfies(d -> {
			assertThat(d.path("_id").asString()).isEqualTo(doctor.id());
			assertThat(d.path("prenom").asString()).isEqualTo("Lotfi");
			assertThat(d.path("nom").asString()).isEqualTo("Mabrouk");
			assertThat(d.path("role").asString()).isEqualTo("MEDECIN");
			assertThat(d.path("specialite").asString()).isEqualTo("Endocrinologie");
		});
		assertThat(http.get(API + "/medecins/patient/" + pending.id() + "/my-doctors").token(pending.token()).send()
			.json()).isEmpty();
		nestError(http.get(API + "/medecins/patient/" + first.id() + "/my-doctors").token(second.token()).send(), 403,
				"Forbidden");
		nestError(http.get(API + "/medecins/patient/" + first.id() + "/my-doctors").token(doctor.token()).send(), 403,
				"Forbidden");
		assertThat(validationMessages(http.get(API + "/medecins/patient/x/my-doctors").token(first.token()).send()))
			.containsExactly("patientId must be an id");
	}

	/** The app's requestDoctorAccess, getPendingDoctorAccessRequests and respondDoctorAccessRequest. */
	@Test
	void aMedecinAsksAPatientForAccessAndThePatientDecides() {
		Person doctor = people.medecin("Zied", "Hajji", "Diabétologie");
		Person patient = people.patient("Mouna", "Riahi");
		Person declining = people.patient("Ali", "Mzoughi");

		Http.Res asked = http.post(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/request-access",
				null).header("Content-Type", "application/json").token(doctor.token()).send();
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		assertThat(Http.keys(asked.json())).containsExactlyInAnyOrder("_id", "patientId", "doctorId", "status",
				"requestType", "requestDate", "urgentNote", "declineReason", "respondedAt", "createdAt", "updatedAt");
		assertThat(asked.json().path("requestType").asString()).isEqualTo("access_renewal");
		assertThat(asked.json().path("status").asString()).isEqualTo("pending");
		String requestId = asked.json().path("_id").asString();
		// asking again: the app shows the message, a sentence
		assertThat(nestError(http.post(API + "/doctors/" + doctor.id() + "/patients/" + patient.id()
				+ "/request-access", null).token(doctor.token()).send(), 409, "Conflict").path("message").asString())
			.isEqualTo("A request between this doctor and this patient is already pending");

		Http.Res pending = http.get(API + "/patients/" + patient.id() + "/pending-doctor-access-requests")
			.token(patient.token()).send();
		assertThat(pending.status()).as(pending.body()).isEqualTo(200);
		assertThat(pending.json()).singleElement().satisfies(r -> {
			assertThat(r.path("_id").asString()).isEqualTo(requestId);
			assertThat(r.path("doctorId").path("_id").asString()).isEqualTo(doctor.id());
			assertThat(r.path("doctorId").path("specialite").asString()).isEqualTo("Diabétologie");
			assertThat(r.path("requestType").asString()).isEqualTo("access_renewal");
		});
		// not the médecin's to decide, nor among their patients' requests
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept", null)
			.token(doctor.token()).send(), 403, "Forbidden");
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(doctor.token()).send().json()
			.path("total").asLong()).isZero();

		Http.Res accepted = http.post(API + "/patients/" + patient.id() + "/doctor-access-requests/" + requestId
				+ "/accept", null).token(patient.token()).send();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().path("status").asString()).isEqualTo("accepted");
		assertThat(http.get(API + "/doctors/" + doctor.id() + "/patients/" + patient.id() + "/access-status")
			.token(doctor.token()).send().json().path("enabled").asBoolean()).isTrue();

		String other = http.post(API + "/doctors/" + doctor.id() + "/patients/" + declining.id() + "/request-access",
				null).token(doctor.token()).send().json().path("_id").asString();
		nestError(http.post(API + "/patients/" + declining.id() + "/doctor-access-requests/" + other + "/accept", null)
			.token(patient.token()).send(), 403, "Forbidden");
		Http.Res declined = http.post(API + "/patients/" + declining.id() + "/doctor-access-requests/" + other
				+ "/decline", Map.of("declineReason", "Refusée par le patient")).token(declining.token()).send();
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().path("status").asString()).isEqualTo("declined");
		assertThat(declined.json().path("declineReason").asString()).isEqualTo("Refusée par le patient");

		// for themselves only, and ids that are ids
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patients/" + declining.id() + "/request-access", null)
			.token(people.medecin("Other", "Doctor").token()).send(), 403, "Forbidden");
		nestError(http.get(API + "/patients/" + patient.id() + "/pending-doctor-access-requests")
			.token(doctor.token()).send(), 403, "Forbidden");
		nestError(http.post(API + "/doctors/" + doctor.id() + "/patients/" + UUID.randomUUID() + "/request-access",
				null).token(doctor.token()).send(), 404, "Not Found");
		assertThat(validationMessages(http.post(API + "/patients/" + patient.id() + "/doctor-access-requests/x/decline",
				null).token(patient.token()).send())).containsExactly("requestId must be an id");
	}

	static int age(String born) {
		return Period.between(LocalDate.parse(born), LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC)).getYears();
	}
}
