package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * DiabCare's socket at /diabcare/ws on one node: a message sent over REST reaches the receiver's connected client and
 * the sender's own other clients, as {@code {"event":"message","data":<the message as REST renders it>}}; a third
 * party hears nothing; a handshake without a good token is refused with 401.
 */
class DiabcareSocketTests extends DiabcareApiTest {

	@Test
	void aMessageReachesBothPartiesClientsAsTheRestEndpointRendersIt() throws InterruptedException {
		var patient = people.patient("Nour", "Gharbi");
		var doctor = people.medecin("Fares", "Hamdi");
		var outsider = people.patient("Outsider", "Patient");
		String conversation = http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId",
				doctor.id())).token(patient.token()).send().json().path("_id").asString();

		try (var patientClient = LiveClient.withHeader(port, patient.token()).ready();
				var doctorClient = LiveClient.withQuery(port, doctor.token()).ready();
				var outsiderClient = LiveClient.withHeader(port, outsider.token()).ready()) {
			Http.Res sent = http.post(API + "/conversations/" + conversation + "/messages",
					Map.of("content", "Bonjour docteur")).token(patient.token()).send();
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);

			JsonNode toDoctor = doctorClient.next(Duration.ofSeconds(10));
			assertThat(toDoctor).as("the receiver's frame").isNotNull();
			assertThat(Http.keys(toDoctor)).containsExactlyInAnyOrder("event", "data");
			assertThat(toDoctor.path("event").asString()).isEqualTo("message");
			assertThat(toDoctor.path("data")).isEqualTo(sent.json());

			JsonNode toPatient = patientClient.next(Duration.ofSeconds(10));
			assertThat(toPatient).as("the sender's other client's frame").isNotNull();
			assertThat(toPatient.path("data")).isEqualTo(sent.json());

			assertThat(outsiderClient.next(Duration.ofSeconds(1))).as("a third party hears nothing").isNull();
			assertThat(doctorClient.next(Duration.ofMillis(300))).as("one frame per message").isNull();
		}
	}

	@Test
	void aHandshakeWithoutAGoodTokenIsRefused() {
		URI socket = URI.create("ws://localhost:" + port + "/diabcare/ws");
		assertThat(LiveClient.refusedStatus(socket, null)).isEqualTo(401);
		assertThat(LiveClient.refusedStatus(socket, "not-a-token")).isEqualTo(401);
		assertThat(LiveClient.refusedStatus(URI.create(socket + "?token=forged.token.value"), null)).isEqualTo(401);
	}
}
