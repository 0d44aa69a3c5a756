package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Chat at /diabcare/api: conversations opened, listed by each party, messages sent and paged, marked read — each
 * endpoint's exact shape, its bad input and its denial, with the bodies the Flutter app sends (chat_service.dart) and
 * the fields it reads (message_model.dart).
 */
class DiabcareConversationTests extends DiabcareApiTest {

	static final List<String> CREATED = List.of("_id", "patientId", "patientName", "doctorId", "doctorName",
			"lastMessage", "lastMessageTime", "unreadCount", "createdAt");
	static final List<String> PATIENT_SIDE = List.of("_id", "doctorId", "doctorName", "specialty", "patientId",
			"patientName", "lastMessage", "lastMessageTime", "unreadCount");
	static final List<String> DOCTOR_SIDE = List.of("_id", "patientId", "patientName", "typeDiabete", "doctorId",
			"doctorName", "lastMessage", "lastMessageTime", "unreadCount");
	static final List<String> MESSAGE = List.of("_id", "conversationId", "senderId", "senderName", "receiverId",
			"content", "timestamp", "isRead");

	@Autowired
	Accounts accounts;
	@Autowired
	PatientRegistry patients;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	CareTeam careTeam;

	DiabcarePeople.Person patient;
	DiabcarePeople.Person doctor;
	DiabcarePeople.Person otherPatient;
	DiabcarePeople.Person otherDoctor;

	@BeforeEach
	void people() {
		patient = people.patient("Amira", "Ben Salah");
		doctor = people.medecin("Sami", "Trabelsi", "Endocrinologie");
		otherPatient = people.patient("Karim", "Jaziri");
		otherDoctor = people.medecin("Leila", "Mansour");
	}

	/** As the app starts a chat with a doctor: patientId, doctorId and type "doctor". */
	JsonNode open(DiabcarePeople.Person as, DiabcarePeople.Person withPatient, DiabcarePeople.Person withDoctor) {
		Http.Res res = http.post(API + "/conversations",
				Map.of("patientId", withPatient.id(), "doctorId", withDoctor.id(), "type", "doctor")).token(as.token())
			.send();
		assertThat(res.status()).as(res.body()).isEqualTo(201);
		return res.json();
	}

	/** As the app sends a message: senderId, receiverId and content. */
	Http.Res send(DiabcarePeople.Person as, String conversationId, DiabcarePeople.Person to, String content) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("senderId", as.id());
		body.put("receiverId", to.id());
		body.put("content", content);
		return http.post(API + "/conversations/" + conversationId + "/messages", body).token(as.token()).send();
	}

	@Test
	void aPatientOpensAConversationWithADoctorOnceHoweverOftenAsked() {
		JsonNode created = open(patient, patient, doctor);

		assertThat(Http.keys(created)).containsExactlyInAnyOrderElementsOf(CREATED);
		assertThat(created.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(created.path("patientName").asString()).isEqualTo("Amira Ben Salah");
		assertThat(created.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(created.path("doctorName").asString()).isEqualTo("Sami Trabelsi");
		assertThat(created.path("lastMessage").asString()).isEmpty();
		assertThat(created.path("unreadCount").asInt()).isZero();
		assertThat(created.path("lastMessageTime").asString()).endsWith("Z")
			.isEqualTo(created.path("createdAt").asString());
		Instant.parse(created.path("createdAt").asString());

		assertThat(open(patient, patient, doctor).path("_id").asString()).isEqualTo(created.path("_id").asString());
	}

	@Test
	void openingIsForAPartyForThemselfAndNeedsBothIds() {
		// another patient may not open a conversation in someone else's name
		nestError(http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId", doctor.id()))
			.token(otherPatient.token()).send(), 403, "Forbidden");
		// a doctor opens one only with a patient they care for
		nestError(http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId", doctor.id()))
			.token(doctor.token()).send(), 403, "Forbidden");
		careTeam.link(patientRecord(patient), clinicians.forAccount(UUID.fromString(doctor.id())).orElseThrow().id());
		assertThat(open(doctor, patient, doctor).path("patientId").asString()).isEqualTo(patient.id());

		nestError(http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId",
				UUID.randomUUID().toString())).token(patient.token()).send(), 404, "Not Found");
		assertThat(validationMessages(http.post(API + "/conversations", Map.of("patientId", patient.id()))
			.token(patient.token()).send())).containsExactly("doctorId should not be empty");
		// the app's pharmacy chat (patientId, pharmacistId, type "pharmacist") is not one the clinic opens
		assertThat(validationMessages(http.post(API + "/conversations", Map.of("patientId", patient.id(),
				"pharmacistId", UUID.randomUUID().toString(), "type", "pharmacist")).token(patient.token()).send()))
			.containsExactly("doctorId should not be empty");
		assertThat(validationMessages(http.post(API + "/conversations",
				Map.of("patientId", "507f1f77bcf86cd799439030", "doctorId", doctor.id())).token(patient.token())
			.send())).singleElement().asString().startsWith("patientId");
		assertThat(validationMessages(http.post(API + "/conversations",
				Map.of("patientId", patient.id(), "doctorId", doctor.id(), "color", "red")).token(patient.token())
			.send())).containsExactly("property color should not exist");
		nestError(http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId", doctor.id()))
			.send(), 401, "Unauthorized");
	}

	@Test
	void eachPartyListsTheirConversationsWithTheOthersNameAndTheirUnreadCount() {
		String id = open(patient, patient, doctor).path("_id").asString();
		open(patient, patient, otherDoctor);
		assertThat(send(doctor, id, patient, "Your glucose levels look good").status()).isEqualTo(201);

		Http.Res mine = http.get(API + "/patients/" + patient.id() + "/conversations").token(patient.token()).send();
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(Http.keys(mine.json())).containsExactly("conversations");
		JsonNode list = mine.json().path("conversations");
		assertThat(list).hasSize(2);
		JsonNode latest = list.get(0);
		assertThat(Http.keys(latest)).containsExactlyInAnyOrderElementsOf(PATIENT_SIDE);
		assertThat(latest.path("_id").asString()).isEqualTo(id);
		assertThat(latest.path("doctorId").asString()).isEqualTo(doctor.id());
		assertThat(latest.path("doctorName").asString()).isEqualTo("Sami Trabelsi");
		assertThat(latest.path("specialty").asString()).isEqualTo("Endocrinologie");
		assertThat(latest.path("patientName").asString()).isEqualTo("Amira Ben Salah");
		assertThat(latest.path("lastMessage").asString()).isEqualTo("Your glucose levels look good");
		assertThat(latest.path("unreadCount").asInt()).isEqualTo(1);
		assertThat(list.get(1).path("doctorId").asString()).isEqualTo(otherDoctor.id());
		assertThat(list.get(1).path("lastMessage").asString()).isEmpty();

		Http.Res theirs = http.get(API + "/doctors/" + doctor.id() + "/conversations").token(doctor.token()).send();
		assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
		JsonNode entry = theirs.json().path("conversations").get(0);
		assertThat(theirs.json().path("conversations")).hasSize(1);
		assertThat(Http.keys(entry)).containsExactlyInAnyOrderElementsOf(DOCTOR_SIDE);
		assertThat(entry.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(entry.path("patientName").asString()).isEqualTo("Amira Ben Salah");
		assertThat(entry.path("typeDiabete").asString()).isEqualTo("TYPE_2");
		assertThat(entry.path("doctorName").asString()).isEqualTo("Sami Trabelsi");
		assertThat(entry.path("unreadCount").asInt()).isZero();
		assertThat(entry.path("lastMessageTime").asString()).isEqualTo(latest.path("lastMessageTime").asString());
	}

	@Test
	void aListIsItsOwnersAlone() {
		open(patient, patient, doctor);
		nestError(http.get(API + "/patients/" + patient.id() + "/conversations").token(otherPatient.token()).send(),
				403, "Forbidden");
		nestError(http.get(API + "/patients/" + patient.id() + "/conversations").token(doctor.token()).send(), 403,
				"Forbidden");
		nestError(http.get(API + "/doctors/" + doctor.id() + "/conversations").token(otherDoctor.token()).send(), 403,
				"Forbidden");
		nestError(http.get(API + "/doctors/" + doctor.id() + "/conversations").token(patient.token()).send(), 403,
				"Forbidden");
		assertThat(nestError(http.get(API + "/doctors/" + doctor.id() + "/conversations").token(patient.token())
			.send(), 403, "Forbidden").path("message").asString()).isEqualTo("Forbidden resource");
		assertThat(validationMessages(http.get(API + "/patients/nope/conversations").token(patient.token()).send()))
			.singleElement().asString().startsWith("patientId");
		nestError(http.get(API + "/patients/" + patient.id() + "/conversations").send(), 401, "Unauthorized");
	}

	@Test
	void messagesAreSentAndReadAsTheAppDoes() {
		String id = open(patient, patient, doctor).path("_id").asString();

		Http.Res sent = send(patient, id, doctor, "  I'm feeling much better, thank you!  ");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		JsonNode message = sent.json();
		assertThat(Http.keys(message)).containsExactlyInAnyOrderElementsOf(MESSAGE);
		assertThat(message.path("conversationId").asString()).isEqualTo(id);
		assertThat(message.path("senderId").asString()).isEqualTo(patient.id());
		assertThat(message.path("senderName").asString()).isEqualTo("Amira Ben Salah");
		assertThat(message.path("receiverId").asString()).isEqualTo(doctor.id());
		assertThat(message.path("content").asString()).isEqualTo("I'm feeling much better, thank you!");
		assertThat(message.path("isRead").asBoolean()).isFalse();
		assertThat(message.path("timestamp").asString()).endsWith("Z");
		assertThat(send(doctor, id, patient, "How are you feeling today?").status()).isEqualTo(201);

		// the app's own call: ?page=1&limit=50, reading data['messages'], oldest first
		Http.Res page = http.get(API + "/conversations/" + id + "/messages?page=1&limit=50").token(doctor.token())
			.send();
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(Http.keys(page.json())).containsExactlyInAnyOrder("messages", "hasMore");
		assertThat(page.json().path("hasMore").asBoolean()).isFalse();
		JsonNode messages = page.json().path("messages");
		assertThat(messages).hasSize(2);
		assertThat(Http.keys(messages.get(0))).containsExactlyInAnyOrderElementsOf(MESSAGE);
		assertThat(messages.get(0).path("_id").asString()).isEqualTo(message.path("_id").asString());
		// the doctor read the patient's message by reading the page; their own is unread until the patient reads
		assertThat(messages.get(0).path("isRead").asBoolean()).isTrue();
		assertThat(messages.get(1).path("content").asString()).isEqualTo("How are you feeling today?");
		assertThat(messages.get(1).path("isRead").asBoolean()).isFalse();
		assertThat(messages.get(0).path("timestamp").asString()).isEqualTo(message.path("timestamp").asString());
	}

	@Test
	void theHistoryPagesByLimitAndBefore() throws InterruptedException {
		String id = open(patient, patient, doctor).path("_id").asString();
		for (int i = 1; i <= 3; i++) {
			assertThat(send(i % 2 == 0 ? doctor : patient, id, i % 2 == 0 ? patient : doctor, "m" + i).status())
				.isEqualTo(201);
			Thread.sleep(3);
		}
		JsonNode newest = http.get(API + "/conversations/" + id + "/messages?limit=2").token(patient.token()).send()
			.json();
		assertThat(newest.path("messages").valueStream().map(m -> m.path("content").asString()))
			.containsExactly("m2", "m3");
		assertThat(newest.path("hasMore").asBoolean()).isTrue();
		String before = newest.path("messages").get(0).path("timestamp").asString();
		JsonNode older = http.get(API + "/conversations/" + id + "/messages?limit=2&before=" + before)
			.token(patient.token()).send().json();
		assertThat(older.path("messages").valueStream().map(m -> m.path("content").asString())).containsExactly("m1");
		assertThat(older.path("hasMore").asBoolean()).isFalse();
		JsonNode second = http.get(API + "/conversations/" + id + "/messages?page=2&limit=2").token(patient.token())
			.send().json();
		assertThat(second.path("messages").valueStream().map(m -> m.path("content").asString())).containsExactly("m1");
	}

	@Test
	void badMessagesAndOutsidersAreRefused() {
		String id = open(patient, patient, doctor).path("_id").asString();

		assertThat(validationMessages(send(patient, id, doctor, "   "))).containsExactly("content should not be empty");
		assertThat(validationMessages(http.post(API + "/conversations/" + id + "/messages", Map.of())
			.token(patient.token()).send())).containsExactly("content should not be empty");
		assertThat(validationMessages(send(patient, id, doctor, "x".repeat(4001))))
			.containsExactly("content must be shorter than or equal to 4000 characters");
		assertThat(validationMessages(http.get(API + "/conversations/" + id + "/messages?limit=101")
			.token(patient.token()).send())).singleElement().asString().startsWithIgnoringCase("limit");
		assertThat(validationMessages(http.get(API + "/conversations/" + id + "/messages?before=yesterday")
			.token(patient.token()).send())).singleElement().asString().startsWithIgnoringCase("before");
		assertThat(validationMessages(http.get(API + "/conversations/" + id + "/messages?page=0")
			.token(patient.token()).send())).singleElement().asString().startsWithIgnoringCase("page");

		nestError(http.get(API + "/conversations/" + id + "/messages").token(otherPatient.token()).send(), 403,
				"Forbidden");
		nestError(send(otherDoctor, id, patient, "Hello"), 403, "Forbidden");
		nestError(http.get(API + "/conversations/" + UUID.randomUUID() + "/messages").token(patient.token()).send(),
				404, "Not Found");
		nestError(send(patient, UUID.randomUUID().toString(), doctor, "Hello"), 404, "Not Found");
		nestError(http.get(API + "/conversations/" + id + "/messages").send(), 401, "Unauthorized");
	}

	@Test
	void aPartyMarksTheirOwnMessagesRead() {
		String id = open(patient, patient, doctor).path("_id").asString();
		send(doctor, id, patient, "one");
		send(doctor, id, patient, "two");

		nestError(http.patch(API + "/conversations/" + id + "/read/" + doctor.id()).token(patient.token()).send(), 403,
				"Forbidden");
		nestError(http.patch(API + "/conversations/" + id + "/read/" + patient.id()).token(otherPatient.token())
			.send(), 403, "Forbidden");
		assertThat(validationMessages(http.patch(API + "/conversations/" + id + "/read/me").token(patient.token())
			.send())).singleElement().asString().startsWith("userId");
		assertThat(unread(patient)).isEqualTo(2);

		Http.Res read = http.patch(API + "/conversations/" + id + "/read/" + patient.id()).token(patient.token())
			.send();
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).isEmpty();
		assertThat(unread(patient)).isZero();
	}

	private int unread(DiabcarePeople.Person who) {
		return http.get(API + "/patients/" + who.id() + "/conversations").token(who.token()).send().json()
			.path("conversations").get(0).path("unreadCount").asInt();
	}

	private long patientRecord(DiabcarePeople.Person person) {
		long userId = accounts.findByPublicId(UUID.fromString(person.id())).orElseThrow().id();
		return patients.forUser(userId).orElseThrow().id();
	}
}
