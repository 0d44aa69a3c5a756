package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.SessionType;

/**
 * The signaling socket takes the browser origins of the clinic's one CORS policy: with
 * {@code POLYCLINIC_CORS_ORIGINS=http://localhost:3000} the original app's origin opens it, another origin is refused
 * with 403 before the upgrade, and a client that sends no origin (not a browser) is not held to it.
 */
@TestPropertySource(properties = "polyclinic.cors.allowed-origins=http://localhost:3000")
class HcpSignalingOriginTests extends HcpApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	@Test
	void onlyTheAllowedOriginsOpenTheSocket() throws InterruptedException {
		var patient = people.patient();
		var doctor = people.doctor();
		var appointment = HcpRtcTests.onlineAppointment(book, patients, clinic, patient, doctor, SessionType.ONLINE);
		String roomId = data(http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(patient.token()).send(), 200).path("room_id").asString();
		var uri = RtcClient.uri(port, roomId, patient.token());

		try (var fromTheApp = RtcClient.connect(uri, Map.of("Origin", "http://localhost:3000")).ready();
				var notABrowser = RtcClient.connect(uri).ready()) {
			assertThat(fromTheApp.next("error", Duration.ofMillis(200))).isNull();
		}
		assertThat(RtcClient.refusedStatus(uri, Map.of("Origin", "https://evil.example"))).isEqualTo(403);
	}
}
