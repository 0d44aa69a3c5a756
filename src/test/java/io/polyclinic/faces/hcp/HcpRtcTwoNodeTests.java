package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientRequests;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.realtime.LivePush;
import io.polyclinic.platform.realtime.RedisLivePush;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.TwoNodes;
import tools.jackson.databind.JsonNode;

/**
 * Signaling across two nodes ({@link TwoNodes}: one database, one Redis): the patient's socket on node A, the doctor's
 * on node B; an offer sent on A reaches B, the answer from B reaches A, and each hears the other join, through Redis
 * pub/sub. Without Redis this test fails; it never skips.
 */
class HcpRtcTwoNodeTests {

	static TwoNodes nodes;

	@BeforeAll
	static void twoNodes() {
		nodes = TwoNodes.start("rtc_nodes");
	}

	@AfterAll
	static void stop() {
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void signalsCrossNodesThroughRedis() throws InterruptedException {
		ConfigurableApplicationContext a = nodes.a;
		assertThat(a.getBean(LivePush.class)).isInstanceOf(RedisLivePush.class);
		Http onA = new Http(TwoNodes.port(a));
		Http onB = new Http(TwoNodes.port(nodes.b));
		Clinic clinic = new Clinic(a.getBean(CentreRegistry.class), a.getBean(ClinicianRegistry.class),
				a.getBean(PatientRegistry.class), a.getBean(Availability.class), a.getBean(Accounts.class),
				a.getBeanProvider(PatientRequests.class));
		HcpPeople people = new HcpPeople(onA, clinic, a.getBean(ClinicianRegistry.class));
		var patient = people.patient();
		var doctor = people.doctor();
		var appointment = HcpRtcTests.onlineAppointment(a.getBean(AppointmentBook.class),
				a.getBean(PatientRegistry.class), clinic, patient, doctor, SessionType.ONLINE);
		String roomId = onA.post(HcpApiTest.API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(patient.token()).send().json().path("data").path("room_id").asString();
		Http.Res started = onB.post(HcpApiTest.API + "/rtc/rooms/" + roomId + "/start/", Map.of())
			.token(doctor.token()).send();
		assertThat(started.status()).as(started.body()).isEqualTo(200);

		try (var doctorOnB = RtcClient.connect(RtcClient.uri(TwoNodes.port(nodes.b), roomId, doctor.token())).ready();
				var patientOnA = RtcClient.connect(RtcClient.uri(TwoNodes.port(a), roomId, patient.token())).ready()) {
			JsonNode joined = doctorOnB.next("user_joined", Duration.ofSeconds(10));
			assertThat(joined).as("node B hears the patient join on node A").isNotNull();
			assertThat(joined.path("user_id").asLong()).isEqualTo(patient.id());

			Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\n");
			patientOnA.send(Map.of("type", "rtc_signal", "signal_type", "offer", "payload", offer));
			JsonNode heard = doctorOnB.next("rtc_signal", Duration.ofSeconds(10));
			assertThat(heard).as("the offer on node B").isNotNull();
			assertThat(heard.path("payload")).isEqualTo(Http.JSON.valueToTree(offer));

			doctorOnB.send(Map.of("type", "rtc_signal", "signal_type", "answer", "payload", Map.of("sdp", "v=0")));
			JsonNode answered = patientOnA.next("rtc_signal", Duration.ofSeconds(10));
			assertThat(answered).as("the answer on node A").isNotNull();
			assertThat(answered.path("signal_type").asString()).isEqualTo("answer");
			// each node hears each signal once, and no sender hears its own
			assertThat(doctorOnB.next("rtc_signal", Duration.ofMillis(500))).isNull();
			assertThat(patientOnA.next("rtc_signal", Duration.ofMillis(100))).isNull();

			JsonNode status = onA.get(HcpApiTest.API + "/rtc/rooms/" + roomId + "/status/").token(patient.token())
				.send().json().path("data");
			assertThat(status.path("participants_present").asInt()).as("present on either node").isEqualTo(2);
		}
	}
}
