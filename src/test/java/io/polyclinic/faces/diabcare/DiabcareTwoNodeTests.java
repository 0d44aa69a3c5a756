package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.platform.realtime.LivePush;
import io.polyclinic.platform.realtime.RedisLivePush;
import io.polyclinic.support.Http;
import io.polyclinic.support.TwoNodes;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one database and one Redis ({@link TwoNodes}): a message sent over HTTP on node A reaches
 * the receiver's socket on node B, and the sender's own socket on node A, through Redis pub/sub. Without Redis this
 * test fails; it never skips.
 */
class DiabcareTwoNodeTests {

	static TwoNodes nodes;
	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodes() {
		nodes = TwoNodes.start("nodes");
		nodeA = nodes.a;
		nodeB = nodes.b;
	}

	@AfterAll
	static void stop() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void aMessageSentOnOneNodeReachesASocketOnTheOther() throws InterruptedException {
		assertThat(nodeA.getBean(LivePush.class)).isInstanceOf(RedisLivePush.class);
		assertThat(nodeB.getBean(LivePush.class)).isInstanceOf(RedisLivePush.class);
		Http onA = new Http(port(nodeA));
		DiabcarePeople people = new DiabcarePeople(onA);
		var patient = people.patient("Salma", "Ayari");
		var doctor = people.medecin("Mehdi", "Khelifi");
		String conversation = onA.post(DiabcareApiTest.API + "/conversations",
				Map.of("patientId", patient.id(), "doctorId", doctor.id())).token(patient.token()).send().json()
			.path("_id").asString();

		try (var doctorOnB = LiveClient.withHeader(port(nodeB), doctor.token()).ready();
				var patientOnA = LiveClient.withQuery(port(nodeA), patient.token()).ready()) {
			Http.Res sent = onA.post(DiabcareApiTest.API + "/conversations/" + conversation + "/messages",
					Map.of("content", "Mon taux est à 180 ce matin")).token(patient.token()).send();
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);

			JsonNode onB = doctorOnB.next("message", Duration.ofSeconds(10));
			assertThat(onB).as("the frame on node B").isNotNull();
			assertThat(onB.path("event").asString()).isEqualTo("message");
			assertThat(onB.path("data")).isEqualTo(sent.json());
			JsonNode backOnA = patientOnA.next("message", Duration.ofSeconds(10));
			assertThat(backOnA).as("the sender's own socket on node A").isNotNull();
			assertThat(backOnA.path("data")).isEqualTo(sent.json());
			// each node hears each update once: no echo of the node's own publication (the receiver's notification
			// of the message is another update)
			assertThat(doctorOnB.next("message", Duration.ofMillis(500))).isNull();
			assertThat(patientOnA.next(Duration.ofMillis(100))).isNull();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return TwoNodes.port(context);
	}
}
