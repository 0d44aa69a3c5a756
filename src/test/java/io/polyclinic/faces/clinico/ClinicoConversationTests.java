package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Chat at /clinico/api (clinico.md §3): a booking through any face opens the pair's one "Appointment" conversation;
 * each party lists it with the other's name; messages are sent and read in the document's shapes, reading marks what
 * the reader received as read; only the conversation's two parties read or write it.
 */
class ClinicoConversationTests extends ClinicoApiTest {

	static final List<String> CONVERSATION = List.of("conversation_id", "other_user_name", "last_message_at",
			"is_active", "conversation_type");
	static final List<String> MESSAGE = List.of("message_id", "sender_type", "message_content", "message_type",
			"attachment_url", "sent_at", "is_read");

	@Autowired
	LiveListeners live;

	ClinicoPeople.Person patient;
	ClinicoPeople.Person doctor;

	@BeforeEach
	void aPatientAndTheirDoctor() {
		patient = people.patient();
		doctor = people.doctor();
	}

	/** Books through Mibo's patient booking, as a patient of either face would (any face's token is valid there). */
	void bookThroughMibo(ClinicoPeople.Person as, ClinicoPeople.Person with, String time) {
		var day = Clinic.nextWeekday(java.time.ZoneId.of("Asia/Kolkata"), java.time.DayOfWeek.THURSDAY);
		Http.Res booked = http.post("/mibo/api/booking/create", Map.of("clinicianId", with.requireClinician().id(),
				"appointmentDate", day.toString(), "appointmentTime", time, "sessionType", "ONLINE"))
			.token(as.token()).send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
	}

	/** The caller's conversations once the booking's listener (run after the booking commits) has opened theirs. */
	JsonNode conversationsOnceOpened(ClinicoPeople.Person as) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode list = ok(http.get(API + "/conversations").token(as.token()).send(), 200);
		while (list.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			list = ok(http.get(API + "/conversations").token(as.token()).send(), 200);
		}
		return list;
	}

	String openedByABooking() throws InterruptedException {
		bookThroughMibo(patient, doctor, "10:00");
		return conversationsOnceOpened(patient).get(0).path("conversation_id").asString();
	}

	Http.Res send(ClinicoPeople.Person as, String conversation, Object body) {
		return http.post(API + "/conversations/" + conversation + "/messages", body).token(as.token()).send();
	}

	JsonNode sent(ClinicoPeople.Person as, String conversation, String content, String type) {
		return ok(send(as, conversation, Map.of("message_content", content, "message_type", type)), 201);
	}

	JsonNode read(ClinicoPeople.Person as, String conversation, String query) {
		return ok(http.get(API + "/conversations/" + conversation + "/messages" + query).token(as.token()).send(), 200);
	}

	@Test
	void aBookingThroughMiboOpensOneAppointmentConversationAndTheNextBookingOfThePairReusesIt() throws Exception {
		bookThroughMibo(patient, doctor, "10:00");
		JsonNode mine = conversationsOnceOpened(patient);

		assertThat(mine).hasSize(1);
		JsonNode conversation = mine.get(0);
		assertThat(Http.keys(conversation)).containsExactlyInAnyOrderElementsOf(CONVERSATION);
		String id = conversation.path("conversation_id").asString();
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
		assertThat(conversation.path("other_user_name").asString()).isEqualTo(doctor.name());
		assertThat(conversation.path("is_active").asBoolean()).isTrue();
		assertThat(conversation.path("conversation_type").asString()).isEqualTo("Appointment");
		Instant.parse(conversation.path("last_message_at").asString());

		JsonNode doctorSide = conversationsOnceOpened(doctor);
		assertThat(doctorSide).hasSize(1);
		assertThat(doctorSide.get(0).path("conversation_id").asString()).isEqualTo(id);
		assertThat(doctorSide.get(0).path("other_user_name").asString()).isEqualTo(patient.name());
		assertThat(doctorSide.get(0).path("conversation_type").asString()).isEqualTo("Appointment");

		bookThroughMibo(patient, doctor, "12:00");
		Thread.sleep(1500);
		JsonNode again = ok(http.get(API + "/conversations").token(patient.token()).send(), 200);
		assertThat(again).hasSize(1);
		assertThat(again.get(0).path("conversation_id").asString()).isEqualTo(id);
		assertThat(again.get(0).path("conversation_type").asString()).isEqualTo("Appointment");
	}

	@Test
	void theListIsTheLatestActivityFirstAndPagesByLimitAndOffset() throws Exception {
		ClinicoPeople.Person otherDoctor = people.doctor();
		bookThroughMibo(patient, doctor, "10:00");
		String first = conversationsOnceOpened(patient).get(0).path("conversation_id").asString();
		bookThroughMibo(patient, otherDoctor, "11:00");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (ok(http.get(API + "/conversations").token(patient.token()).send(), 200).size() < 2
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		// the newest conversation leads until the older one has a message
		assertThat(names(ok(http.get(API + "/conversations").token(patient.token()).send(), 200)))
			.containsExactly(otherDoctor.name(), doctor.name());
		JsonNode message = sent(doctor, first, "Please share your previous report.", "Text");

		JsonNode list = ok(http.get(API + "/conversations").token(patient.token()).send(), 200);
		assertThat(names(list)).containsExactly(doctor.name(), otherDoctor.name());
		assertThat(list.get(0).path("last_message_at").asString()).isEqualTo(message.path("sent_at").asString());
		assertThat(names(ok(http.get(API + "/conversations?limit=1").token(patient.token()).send(), 200)))
			.containsExactly(doctor.name());
		assertThat(names(ok(http.get(API + "/conversations?limit=1&offset=1").token(patient.token()).send(), 200)))
			.containsExactly(otherDoctor.name());

		error(http.get(API + "/conversations?limit=0").token(patient.token()).send(), 400, "INVALID_INPUT");
		error(http.get(API + "/conversations?limit=101").token(patient.token()).send(), 400, "INVALID_INPUT");
		// the clinic reads no signed number as a count
		error(http.get(API + "/conversations?offset=-1").token(patient.token()).send(), 400, "VALIDATION_ERROR");
		error(http.get(API + "/conversations").send(), 401, "UNAUTHORIZED");
		// staff take part in no conversation
		assertThat(ok(http.get(API + "/conversations").token(people.admin().token()).send(), 200)).isEmpty();
	}

	@Test
	void messagesAreSentAndReadInTheDocumentsShapesOldestFirstAndReadingMarksThemRead() throws Exception {
		String id = openedByABooking();

		JsonNode fromPatient = sent(patient, id, "  Here is the report you asked for.  ", "Report");
		assertThat(Http.keys(fromPatient)).containsExactlyInAnyOrder("message_id", "sent_at");
		String patientMessage = fromPatient.path("message_id").asString();
		assertThat(UUID.fromString(patientMessage).toString()).isEqualTo(patientMessage);
		Instant.parse(fromPatient.path("sent_at").asString());
		// message_type defaults to "Text", as the original's
		JsonNode fromDoctor = ok(send(doctor, id, Map.of("message_content", "Thank you, it looks fine.")), 201);

		// the patient reads first: the doctor's message becomes read, theirs is not yet
		JsonNode patientView = read(patient, id, "");
		assertThat(patientView).hasSize(2);
		assertThat(Http.keys(patientView.get(0))).containsExactlyInAnyOrderElementsOf(MESSAGE);
		assertThat(patientView.get(0).path("message_id").asString()).isEqualTo(patientMessage);
		assertThat(patientView.get(0).path("sender_type").asString()).isEqualTo("Patient");
		assertThat(patientView.get(0).path("message_content").asString())
			.isEqualTo("Here is the report you asked for.");
		assertThat(patientView.get(0).path("message_type").asString()).isEqualTo("Report");
		assertThat(patientView.get(0).path("attachment_url").isNull()).isTrue();
		assertThat(patientView.get(0).path("sent_at").asString()).isEqualTo(fromPatient.path("sent_at").asString());
		assertThat(patientView.get(0).path("is_read").asBoolean()).isFalse();
		assertThat(patientView.get(1).path("message_id").asString())
			.isEqualTo(fromDoctor.path("message_id").asString());
		assertThat(patientView.get(1).path("sender_type").asString()).isEqualTo("Doctor");
		assertThat(patientView.get(1).path("message_type").asString()).isEqualTo("Text");
		assertThat(patientView.get(1).path("is_read").asBoolean()).isTrue();

		JsonNode doctorView = read(doctor, id, "");
		assertThat(doctorView.get(0).path("is_read").asBoolean()).isTrue();
		assertThat(read(patient, id, "").get(0).path("is_read").asBoolean()).isTrue();

		// paged by limit and the instant before which the client holds the history
		JsonNode newest = read(patient, id, "?limit=1");
		assertThat(newest).hasSize(1);
		assertThat(newest.get(0).path("message_id").asString()).isEqualTo(fromDoctor.path("message_id").asString());
		JsonNode older = read(patient, id, "?limit=1&before=" + newest.get(0).path("sent_at").asString());
		assertThat(older.get(0).path("message_id").asString()).isEqualTo(patientMessage);
	}

	@Test
	void aMessageReachesTheOtherPartyLiveAndShowsInTheOtherFacesChat() throws Exception {
		String id = openedByABooking();
		List<LiveUpdate> heard = new CopyOnWriteArrayList<>();
		try (var toDoctor = live.listen(doctor.userId(), u -> {
			if ("message".equals(u.topic())) {
				heard.add(u);
			}
		})) {
			String message = sent(patient, id, "Hello doctor", "Text").path("message_id").asString();
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (heard.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(heard).containsExactly(new LiveUpdate(doctor.userId(), "message", UUID.fromString(message)));

			// DiabCare's app shows the same conversation and message
			Http.Res diabcare = http.get("/diabcare/api/conversations/" + id + "/messages").token(doctor.token())
				.send();
			assertThat(diabcare.status()).as(diabcare.body()).isEqualTo(200);
			assertThat(diabcare.json().path("messages").get(0).path("_id").asString()).isEqualTo(message);
			assertThat(diabcare.json().path("messages").get(0).path("content").asString()).isEqualTo("Hello doctor");
		}
	}

	@Test
	void aMessageNeedsContentOfAtMostFourThousandCharactersAndAKnownType() throws Exception {
		String id = openedByABooking();

		assertThat(error(send(patient, id, Map.of("message_content", "   ", "message_type", "Text")), 400))
			.isEqualTo("VALIDATION_ERROR");
		assertThat(error(send(patient, id, Map.of("message_type", "Text")), 400)).isEqualTo("VALIDATION_ERROR");
		assertThat(error(send(patient, id, Map.of("message_content", "x".repeat(4001))), 400))
			.isEqualTo("VALIDATION_ERROR");
		assertThat(error(send(patient, id, Map.of("message_content", "Hello", "message_type", "Video")), 400))
			.isEqualTo("VALIDATION_ERROR");
		error(send(patient, "not-a-uuid", Map.of("message_content", "Hello")), 400, "INVALID_INPUT");
		error(http.get(API + "/conversations/42/messages").token(patient.token()).send(), 400, "INVALID_INPUT");
		error(http.get(API + "/conversations/" + id + "/messages?limit=0").token(patient.token()).send(), 400,
				"INVALID_INPUT");
		error(http.get(API + "/conversations/" + id + "/messages?before=yesterday").token(patient.token()).send(),
				400, "INVALID_INPUT");
		// nothing of it was stored
		assertThat(read(patient, id, "")).isEmpty();
		// the longest message is kept whole
		sent(patient, id, "x".repeat(4000), "Text");
		assertThat(read(doctor, id, "").get(0).path("message_content").asString()).hasSize(4000);
	}

	@Test
	void onlyTheConversationsPartiesReadOrWriteIt() throws Exception {
		String id = openedByABooking();
		sent(doctor, id, "Please share your previous report.", "Text");
		Map<String, ClinicoPeople.Person> outsiders = new LinkedHashMap<>();
		outsiders.put("another patient", people.patient());
		outsiders.put("another doctor", people.doctor());
		outsiders.put("the administrator", people.admin());

		List<String> answers = new ArrayList<>();
		outsiders.forEach((who, outsider) -> {
			answers.add(who + " reads " + error(http.get(API + "/conversations/" + id + "/messages")
				.token(outsider.token()).send(), 403));
			answers.add(who + " writes " + error(send(outsider, id, Map.of("message_content", "Hi")), 403));
		});
		assertThat(answers).allSatisfy(a -> assertThat(a).endsWith("FORBIDDEN"));
		error(http.get(API + "/conversations/" + id + "/messages").send(), 401, "UNAUTHORIZED");
		error(send(patient, UUID.randomUUID().toString(), Map.of("message_content", "Hi")), 404, "NOT_FOUND");
		error(http.get(API + "/conversations/" + UUID.randomUUID() + "/messages").token(patient.token()).send(), 404,
				"NOT_FOUND");
		// the outsiders' reads marked nothing read
		assertThat(read(patient, id, "").get(0).path("is_read").asBoolean()).isTrue();
		assertThat(read(doctor, id, "")).singleElement()
			.satisfies(m -> assertThat(m.path("message_content").asString()).startsWith("Please share"));
	}

	private static List<String> names(JsonNode list) {
		List<String> names = new ArrayList<>();
		list.forEach(c -> names.add(c.path("other_user_name").asString()));
		return names;
	}
}
