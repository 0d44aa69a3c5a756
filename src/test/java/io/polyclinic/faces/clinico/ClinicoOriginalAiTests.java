package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** The original client's {@code POST /api/ai/chat}: the care companion as orchestrate answers, in the original's shape. */
class ClinicoOriginalAiTests extends ClinicoApiTest {

	@Autowired
	ClinicianRegistry clinicians;

	@Autowired
	Availability availability;

	ClinicoOriginalPeople original;

	@BeforeEach
	void originalPeople() {
		original = new ClinicoOriginalPeople(http, clinic, clinicians, availability);
	}

	@Test
	void aQuestionOpensASessionTheNextContinuesItAndTheListShowsIt() {
		var patient = original.patient();
		JsonNode first = ok(http.post(API + "/ai/chat", Map.of("query", "I have a mild headache since this morning"))
			.token(patient.token()).send(), 200);
		assertThat(Http.keys(first)).containsExactlyInAnyOrder("session_id", "reply", "action", "crisis_detected",
				"timestamp");
		assertThat(first.path("reply").asString()).isNotBlank();
		assertThat(first.path("action").asString()).isNotBlank().isNotEqualTo("triage_escalation");
		assertThat(first.path("crisis_detected").asBoolean()).isFalse();
		assertThat(Instant.parse(first.path("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
		String session = first.path("session_id").asString();
		JsonNode second = ok(http.post(API + "/ai/chat", Map.of("query", "and it is worse when I look at screens",
				"session_id", session)).token(patient.token()).send(), 200);
		assertThat(second.path("session_id").asString()).isEqualTo(session);
		JsonNode sessions = ok(http.get(API + "/ai/sessions").token(patient.token()).send(), 200);
		assertThat(sessions).hasSize(1);
		assertThat(sessions.get(0).path("session_id").asString()).isEqualTo(session);
	}

	@Test
	void aStoredSessionIsReadBackLineByLineAndClosedByItsOwnerOnly() {
		var patient = original.patient();
		var other = original.patient();
		String session = ok(http.post(API + "/ai/chat", Map.of("query", "I have a mild headache since this morning"))
			.token(patient.token()).send(), 200).path("session_id").asString();
		ok(http.post(API + "/ai/chat", Map.of("query", "it is worse in the evening", "session_id", session))
			.token(patient.token()).send(), 200);

		JsonNode lines = ok(http.get(API + "/ai/sessions/" + session + "/messages").token(patient.token()).send(), 200);
		assertThat(lines).hasSize(4);
		assertThat(Http.keys(lines.get(0))).containsExactlyInAnyOrder("role", "sender_type", "message", "image_url",
				"timestamp", "action", "crisis_detected");
		assertThat(lines.valueStream().map(l -> l.path("role").asString())).containsExactly("user", "assistant",
				"user", "assistant");
		assertThat(lines.get(0).path("sender_type").asString()).isEqualTo("User");
		assertThat(lines.get(0).path("message").asString()).isEqualTo("I have a mild headache since this morning");
		assertThat(lines.get(1).path("sender_type").asString()).isEqualTo("AI");
		assertThat(lines.get(1).path("message").asString()).isNotBlank();
		assertThat(lines.get(1).path("action").asString()).isNotBlank();
		assertThat(lines.get(2).path("message").asString()).isEqualTo("it is worse in the evening");

		// someone else's session is not found, to read or to close; a malformed id is a bad request
		error(http.get(API + "/ai/sessions/" + session + "/messages").token(other.token()).send(), 404, "NOT_FOUND");
		error(http.delete(API + "/ai/sessions/" + session).token(other.token()).send(), 404, "NOT_FOUND");
		error(http.get(API + "/ai/sessions/not-a-uuid/messages").token(patient.token()).send(), 400);

		// its owner closes it: it leaves the list and takes no more questions
		JsonNode closed = ok(http.delete(API + "/ai/sessions/" + session).token(patient.token()).send(), 200);
		assertThat(closed.path("success").asBoolean()).isTrue();
		assertThat(closed.path("message").asString()).isEqualTo("Session deleted successfully");
		assertThat(ok(http.get(API + "/ai/sessions").token(patient.token()).send(), 200)).isEmpty();
		error(http.post(API + "/ai/chat", Map.of("query", "hello again", "session_id", session))
			.token(patient.token()).send(), 404, "NOT_FOUND");
		error(http.delete(API + "/ai/sessions/" + session).token(patient.token()).send(), 404, "NOT_FOUND");
	}

	@Test
	void aCrisisEscalatesAsOrchestrateDoes() {
		var patient = original.patient();
		JsonNode reply = ok(http.post(API + "/ai/chat", Map.of("query", "I want to kill myself tonight"))
			.token(patient.token()).send(), 200);
		assertThat(reply.path("crisis_detected").asBoolean()).isTrue();
		assertThat(reply.path("action").asString()).isEqualTo("triage_escalation");
	}

	@Test
	void aBlankQuestionAnotherPersonsSessionAndNoTokenAreRefused() {
		var patient = original.patient();
		error(http.post(API + "/ai/chat", Map.of("query", " ")).token(patient.token()).send(), 400);
		String theirs = ok(http.post(API + "/ai/chat", Map.of("query", "I have a cough")).token(patient.token()).send(),
				200).path("session_id").asString();
		error(http.post(API + "/ai/chat", Map.of("query", "hello", "session_id", theirs))
			.token(original.patient().token()).send(), 404);
		error(http.post(API + "/ai/chat", Map.of("query", "hello")).send(), 401);
	}
}
