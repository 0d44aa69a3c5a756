package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.assistant.internal.CompanionRows;
import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * clinico.md's AI agent: {@code POST /v1/agent/orchestrate} and {@code GET /api/ai/sessions} — their exact shapes, a
 * question opening and continuing a session, crises (in several languages) escalated, recorded and told to the
 * patient's doctor, look-alikes answered calmly, bad input, someone else's session, and the list of one's own.
 */
class ClinicoAssistantTests extends ClinicoApiTest {

	static final String AGENT = "/clinico/v1/agent/orchestrate";

	@Autowired
	CompanionRows rows;
	@Autowired
	InAppNotifications notifications;

	private static Map<String, Object> ask(String query) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		return body;
	}

	private static Map<String, Object> ask(String query, Object sessionId) {
		Map<String, Object> body = ask(query);
		body.put("session_id", sessionId);
		return body;
	}

	@Test
	void anOrdinaryQuestionOpensASessionAndIsAnsweredCalmly() {
		var patient = people.patient();

		JsonNode reply = ok(http.post(AGENT, ask("I have a migraine since this morning, what can I do?"))
			.token(patient.token()).send(), 200);

		assertThat(Http.keys(reply)).containsExactlyInAnyOrder("reply", "action", "session_id", "crisis_detected");
		assertThat(reply.path("crisis_detected").isBoolean()).isTrue();
		assertThat(reply.path("crisis_detected").asBoolean()).isFalse();
		assertThat(reply.path("action").asString()).isEqualTo("self_care");
		assertThat(reply.path("reply").asString()).contains("dark room");
		UUID session = UUID.fromString(reply.path("session_id").asString());
		assertThat(reply.path("session_id").asString()).isEqualTo(session.toString());

		JsonNode next = ok(http.post(AGENT, ask("And how do I book an appointment?", session.toString()))
			.token(patient.token()).send(), 200);
		assertThat(next.path("session_id").asString()).isEqualTo(session.toString());
		assertThat(next.path("action").asString()).isEqualTo("book_appointment");
		assertThat(rows.logs(session)).extracting(l -> l[0]).containsExactly(
				"I have a migraine since this morning, what can I do?", "And how do I book an appointment?");
		assertThat(rows.logs(session)).extracting(l -> l[3]).containsOnly("TRIAGE");
		assertThat(rows.interventions(session)).isEmpty();
	}

	@Test
	void lookAlikesAreNotCrises() {
		var patient = people.patient();
		for (String query : List.of("my chest is sore after bench press", "this migraine is killing me",
				"max dose of paracetamol for an adult", "I am not suicidal, just tired")) {
			JsonNode reply = ok(http.post(AGENT, ask(query)).token(patient.token()).send(), 200);
			assertThat(reply.path("crisis_detected").asBoolean()).as(query).isFalse();
			assertThat(reply.path("action").asString()).as(query).isNotEqualTo("triage_escalation");
		}
	}

	@Test
	void aCrisisIsEscalatedRecordedAndToldToThePatientsDoctorOnly() {
		var patient = people.patient();
		var doctor = people.doctor();
		var otherDoctor = people.doctor();
		clinic.follow(patient.requirePatient(), doctor.requireClinician());

		JsonNode reply = ok(http.post(AGENT, ask("I've been giving my things away and writing letters to everyone"))
			.token(patient.token()).send(), 200);

		assertThat(reply.path("crisis_detected").asBoolean()).isTrue();
		assertThat(reply.path("action").asString()).isEqualTo("triage_escalation");
		assertThat(reply.path("reply").asString()).contains("988", "112", "911", "999");
		UUID session = UUID.fromString(reply.path("session_id").asString());
		List<String[]> interventions = rows.interventions(session);
		assertThat(interventions).hasSize(1);
		assertThat(interventions.get(0)[0]).isEqualTo("SUICIDAL_IDEATION");
		assertThat(interventions.get(0)[1]).isIn("RED_FLAG", "SEMANTIC");
		assertThat(interventions.get(0)[2]).isNotBlank();
		assertThat(rows.logs(session).get(0)[2]).isEqualTo("TRIAGE_ESCALATION");

		InAppNotification told = await(doctor);
		assertThat(told.type()).isEqualTo(InAppNotification.Type.PATIENT_ALERT);
		assertThat(told.severity()).isEqualTo(InAppNotification.Severity.CRITICAL);
		assertThat(told.title()).isEqualTo("Crisis alert: " + patient.name());
		assertThat(told.message()).contains("suicidal thoughts").doesNotContain("letters");
		assertThat(alerts(otherDoctor)).isEmpty();

		JsonNode listed = ok(http.get(API + "/ai/sessions").token(patient.token()).send(), 200);
		assertThat(listed.get(0).path("session_type").asString()).isEqualTo("Crisis Support");
	}

	@Test
	void crisesInOtherLanguagesAnswerInThem() {
		var patient = people.patient();
		JsonNode spanish = ok(http.post(AGENT, ask("Tengo dolor en el pecho y me falta el aire")).token(patient.token())
			.send(), 200);
		assertThat(spanish.path("crisis_detected").asBoolean()).isTrue();
		assertThat(spanish.path("reply").asString()).contains("emergencia", "112");

		JsonNode hindi = ok(http.post(AGENT, ask("मैं जीना नहीं चाहती")).token(patient.token()).send(), 200);
		assertThat(hindi.path("crisis_detected").asBoolean()).isTrue();
		assertThat(hindi.path("action").asString()).isEqualTo("triage_escalation");
		assertThat(hindi.path("reply").asString()).contains("14416", "112");

		JsonNode french = ok(http.post(AGENT, ask("Mon père a la bouche de travers et ne trouve plus ses mots"))
			.token(patient.token()).send(), 200);
		assertThat(french.path("crisis_detected").asBoolean()).isTrue();
		assertThat(french.path("reply").asString()).contains("urgence");
	}

	@Test
	void badInputIsRefused() {
		var patient = people.patient();
		error(http.post(AGENT, ask("   ")).token(patient.token()).send(), 400, "INVALID_INPUT");
		error(http.post(AGENT, Map.of()).token(patient.token()).send(), 400, "INVALID_INPUT");
		error(http.post(AGENT, ask("a".repeat(2001))).token(patient.token()).send(), 400, "INVALID_INPUT");
		assertThat(error(http.post(AGENT, ask("hello", "not-a-uuid")).token(patient.token()).send(), 400))
			.isNotBlank();
		error(http.get(API + "/ai/sessions?limit=0").token(patient.token()).send(), 400, "INVALID_INPUT");
		assertThat(error(http.post(AGENT, ask("hello")).send(), 401)).isNotBlank();
		assertThat(error(http.get(API + "/ai/sessions").send(), 401)).isNotBlank();
	}

	@Test
	void someoneElsesSessionOrAnUnknownOneIsNotFound() {
		var owner = people.patient();
		var stranger = people.patient();
		String session = ok(http.post(AGENT, ask("how much water should I drink")).token(owner.token()).send(), 200)
			.path("session_id").asString();

		error(http.post(AGENT, ask("what did I ask?", session)).token(stranger.token()).send(), 404, "NOT_FOUND");
		error(http.post(AGENT, ask("hello", UUID.randomUUID().toString())).token(owner.token()).send(), 404,
				"NOT_FOUND");
		assertThat(ok(http.get(API + "/ai/sessions").token(stranger.token()).send(), 200)).isEmpty();
		assertThat(rows.logs(UUID.fromString(session))).hasSize(1);
	}

	@Test
	void theListIsOnesOwnSessionsNewestFirst() {
		var patient = people.patient();
		var other = people.patient();
		ok(http.post(AGENT, ask("other's question about sleep")).token(other.token()).send(), 200);
		String first = ok(http.post(AGENT, ask("I have a cough and a cold")).token(patient.token()).send(), 200)
			.path("session_id").asString();
		String second = ok(http.post(AGENT, ask("can I take ibuprofen with paracetamol")).token(patient.token())
			.send(), 200).path("session_id").asString();

		JsonNode list = ok(http.get(API + "/ai/sessions").token(patient.token()).send(), 200);

		assertThat(list.isArray()).isTrue();
		assertThat(list).hasSize(2);
		JsonNode newest = list.get(0);
		assertThat(Http.keys(newest)).containsExactlyInAnyOrder("session_id", "started_at", "session_summary",
				"session_type");
		assertThat(newest.path("session_id").asString()).isEqualTo(second);
		assertThat(newest.path("session_summary").asString()).isEqualTo("User asked about medicine doses.");
		assertThat(newest.path("session_type").asString()).isEqualTo("Medication Query");
		assertThat(newest.path("started_at").asString()).endsWith("Z");
		assertThat(list.get(1).path("session_id").asString()).isEqualTo(first);
		assertThat(list.get(1).path("session_type").asString()).isEqualTo("Symptom Check");
	}

	@Test
	void atLeastTheTwentyNewestAreListed() {
		var patient = people.patient();
		for (int i = 0; i < 22; i++) {
			ok(http.post(AGENT, ask("question number " + i + " about healthy diet")).token(patient.token()).send(), 200);
		}
		assertThat(ok(http.get(API + "/ai/sessions").token(patient.token()).send(), 200)).hasSize(22);
		assertThat(ok(http.get(API + "/ai/sessions?limit=20").token(patient.token()).send(), 200)).hasSize(20);
	}

	/** The person's alerts (a doctor following a patient was also told of the patient's request). */
	private List<InAppNotification> alerts(ClinicoPeople.Person person) {
		return notifications.mine(new InAppNotifications.Query(false, InAppNotification.Type.PATIENT_ALERT, 20, 0),
				person.actor()).notifications();
	}

	private InAppNotification await(ClinicoPeople.Person person) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<InAppNotification> told = alerts(person);
			if (!told.isEmpty()) {
				assertThat(told).hasSize(1);
				return told.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError(person.name() + " was not told");
	}
}
