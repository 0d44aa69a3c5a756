package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The signaling socket /hcp/ws/rtc/{room_id}/ with two real WebSocket clients, as the original web app speaks to it:
 * a participant's offer, answer and ICE candidates reach the other participant (and are stored), never back to their
 * sender; each hears the other join and leave; a join token opens the socket as its holder; an outsider, a bad token,
 * an unknown or closed room are refused at the handshake, before any upgrade.
 */
class HcpSignalingTests extends HcpApiTest {

	static final Duration WAIT = Duration.ofSeconds(10);
	static final Duration QUIET = Duration.ofMillis(500);

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	record Room(long id, String roomId, HcpPeople.Person patient, HcpPeople.Person doctor) {
	}

	Room startedRoom() {
		var patient = people.patient();
		var doctor = people.doctor();
		var appointment = HcpRtcTests.onlineAppointment(book, patients, clinic, patient, doctor, SessionType.ONLINE);
		JsonNode room = data(http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(patient.token()).send(), 200);
		String roomId = room.path("room_id").asString();
		data(http.post(API + "/rtc/rooms/" + roomId + "/start/", Map.of()).token(doctor.token()).send(), 200);
		return new Room(room.path("id").asLong(), roomId, patient, doctor);
	}

	String joinToken(Room room, HcpPeople.Person who) {
		return data(http.post(API + "/rtc/rooms/" + room.roomId() + "/join/", Map.of()).token(who.token()).send(), 200)
			.path("join_token").asString();
	}

	@Test
	void anOfferAnAnswerAndIceCandidatesReachTheOtherParticipantAndAreStored() throws InterruptedException {
		Room room = startedRoom();
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 46117 2 IN IP4 127.0.0.1\r\n");
		Map<String, Object> answer = Map.of("type", "answer", "sdp", "v=0\r\no=- 7719 2 IN IP4 127.0.0.1\r\n");
		Map<String, Object> candidate = Map.of("candidate", "candidate:842163049 1 udp 1677729535 192.0.2.3 46154 "
				+ "typ srflx", "sdpMid", "0", "sdpMLineIndex", 0);

		// the doctor with a join token, the patient with their access token (in the header, and the path without its
		// trailing slash)
		try (var doctor = RtcClient.connect(RtcClient.uri(port, room.roomId(), joinToken(room, room.doctor())))
			.ready()) {
			try (var patient = RtcClient.connect(java.net.URI.create("ws://localhost:" + port + "/hcp/ws/rtc/"
					+ room.roomId()), Map.of("Authorization", "Bearer " + room.patient().token())).ready()) {
				JsonNode joined = doctor.next("user_joined", WAIT);
				assertThat(joined).as("the doctor hears the patient join").isNotNull();
				assertThat(Http.keys(joined)).containsExactlyInAnyOrder("type", "user_id", "message");
				assertThat(joined.path("user_id").asLong()).isEqualTo(room.patient().id());
				patient.send(Map.of("type", "join_room", "user_id", String.valueOf(room.patient().id()), "is_doctor",
						false));

				patient.send(Map.of("type", "rtc_signal", "signal_type", "offer", "payload", offer));
				JsonNode heard = doctor.next("rtc_signal", WAIT);
				assertThat(heard).as("the offer at the doctor's").isNotNull();
				assertThat(Http.keys(heard)).containsExactlyInAnyOrder("type", "signal_type", "payload", "sender_id");
				assertThat(heard.path("signal_type").asString()).isEqualTo("offer");
				assertThat(heard.path("payload")).isEqualTo(Http.JSON.valueToTree(offer));
				assertThat(heard.path("sender_id").asLong()).isEqualTo(room.patient().id());

				doctor.send(Map.of("type", "rtc_signal", "signal_type", "answer", "payload", answer));
				JsonNode answered = patient.next("rtc_signal", WAIT);
				assertThat(answered).as("the answer at the patient's").isNotNull();
				assertThat(answered.path("signal_type").asString()).isEqualTo("answer");
				assertThat(answered.path("payload")).isEqualTo(Http.JSON.valueToTree(answer));

				// the app's spelling reaches the other app as it was sent
				patient.send(Map.of("type", "rtc_signal", "signal_type", "ice-candidate", "payload", candidate));
				JsonNode toDoctor = doctor.next("rtc_signal", WAIT);
				assertThat(toDoctor.path("signal_type").asString()).isEqualTo("ice-candidate");
				assertThat(toDoctor.path("payload")).isEqualTo(Http.JSON.valueToTree(candidate));
				doctor.send(Map.of("type", "rtc_signal", "signal_type", "ice_candidate", "payload", candidate));
				assertThat(patient.next("rtc_signal", WAIT).path("signal_type").asString()).isEqualTo("ice_candidate");

				assertThat(patient.next("rtc_signal", QUIET)).as("nothing echoed to its sender").isNull();
				assertThat(doctor.next("rtc_signal", QUIET)).as("each signal once").isNull();
				assertThat(patient.next("user_joined", QUIET)).as("no announcement of oneself").isNull();

				JsonNode status = data(http.get(API + "/rtc/rooms/" + room.roomId() + "/status/")
					.token(room.doctor().token()).send(), 200);
				assertThat(status.path("participants_present").asInt()).isEqualTo(2);
				assertThat(status.path("participants").get(0).path("present").asBoolean()).isTrue();
				assertThat(status.path("participants").get(1).path("present").asBoolean()).isTrue();
			}
			JsonNode left = doctor.next("user_left", WAIT);
			assertThat(left).as("the doctor hears the patient leave").isNotNull();
			assertThat(left.path("user_id").asLong()).isEqualTo(room.patient().id());
		}

		// the server stores a leave when it sees the socket close, which may be just after the client has closed it
		JsonNode stored = signalsOnceSettled(room, 8);
		assertThat(stored.findValuesAsString("signal_type")).containsExactly("join", "join", "offer", "answer",
				"ice-candidate", "ice_candidate", "leave", "leave");
		assertThat(stored.get(2).path("payload")).isEqualTo(Http.JSON.valueToTree(offer));
		assertThat(stored.get(2).path("sender").asLong()).isEqualTo(room.patient().id());
		assertThat(data(http.get(API + "/rtc/rooms/" + room.roomId() + "/status/").token(room.patient().token())
			.send(), 200).path("participants_present").asInt()).isZero();
	}

	/** The room's stored signals once there are {@code expected} of them, or as they are after ten seconds. */
	private JsonNode signalsOnceSettled(Room room, int expected) throws InterruptedException {
		java.time.Instant until = java.time.Instant.now().plusSeconds(10);
		while (true) {
			JsonNode stored = data(http.get(API + "/rtc/rooms/" + room.roomId() + "/signals/")
				.token(room.patient().token()).send(), 200).path("signals");
			if (stored.size() >= expected || java.time.Instant.now().isAfter(until)) {
				return stored;
			}
			Thread.sleep(50);
		}
	}

	@Test
	void aBadFrameIsAnsweredToItsSenderAlone() throws InterruptedException {
		Room room = startedRoom();
		try (var doctor = RtcClient.connect(RtcClient.uri(port, room.roomId(), room.doctor().token())).ready();
				var patient = RtcClient.connect(RtcClient.uri(port, room.roomId(), room.patient().token())).ready()) {
			patient.send("not json");
			assertThat(patient.next("error", WAIT).path("message").asString()).isEqualTo("Invalid JSON");
			patient.send(Map.of("type", "rtc_signal", "signal_type", "offer"));
			assertThat(patient.next("error", WAIT).path("message").asString())
				.isEqualTo("Missing signal_type or payload");
			patient.send(Map.of("type", "rtc_signal", "signal_type", "hello", "payload", Map.of("a", 1)));
			assertThat(patient.next("error", WAIT).path("message").asString()).contains("not a valid choice");
			assertThat(doctor.next("error", QUIET)).isNull();
			assertThat(doctor.next("rtc_signal", QUIET)).isNull();

			// once the room has ended, a signal is refused
			data(http.post(API + "/rtc/rooms/" + room.roomId() + "/end/", Map.of()).token(room.doctor().token()).send(),
					200);
			patient.send(Map.of("type", "rtc_signal", "signal_type", "offer", "payload", Map.of("sdp", "v=0")));
			assertThat(patient.next("error", WAIT).path("message").asString()).isEqualTo("Room has ended");
			assertThat(doctor.next("rtc_signal", QUIET)).isNull();
		}
	}

	@Test
	void anOutsiderABadTokenAndAClosedRoomAreRefusedAtTheHandshake() {
		Room room = startedRoom();
		Room other = startedRoom();
		var outsider = people.patient();
		String patientsToken = joinToken(room, room.patient());

		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), null))).isEqualTo(401);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), "not-a-token"))).isEqualTo(401);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(),
				patientsToken.substring(0, patientsToken.length() - 3) + "abc"))).isEqualTo(401);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), outsider.token()))).isEqualTo(403);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), other.doctor().token()))).isEqualTo(403);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, other.roomId(), patientsToken))).isEqualTo(403);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, "RMnosuchroom", room.patient().token())))
			.isEqualTo(404);

		// an admin reads the room but does not take part in it
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), people.admin().token())))
			.isEqualTo(403);

		// a join token dies with the session that took it, signed out through any face
		String othersToken = joinToken(other, other.patient());
		RtcClient.connect(RtcClient.uri(port, other.roomId(), othersToken)).close();
		Http.Res signedOut = http.post("/sos/api/v1/auth/logout", Map.of()).token(other.patient().token()).send();
		assertThat(signedOut.status()).as(signedOut.body()).isEqualTo(200);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, other.roomId(), othersToken))).isEqualTo(401);

		// a room that has ended takes nobody in
		data(http.post(API + "/rtc/rooms/" + room.roomId() + "/end/", Map.of()).token(room.doctor().token()).send(),
				200);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, room.roomId(), room.doctor().token()))).isEqualTo(400);
	}

	@Test
	void aJoinLinkOpensTheSocketWithTheTokenWhereTheRoomGoes() throws InterruptedException {
		Room room = startedRoom();
		Room other = startedRoom();
		String patientsLink = joinToken(room, room.patient());
		String doctorsLink = joinToken(room, room.doctor());
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 5 2 IN IP4 127.0.0.1\r\n");

		// the original app's /call/<id> page opens /ws/rtc/<id>/ and nothing more: given a join link, that is enough
		try (var doctor = RtcClient.connect(RtcClient.uri(port, doctorsLink, null), Map.of("Origin",
				"http://localhost:3000")).ready();
				var patient = RtcClient.connect(RtcClient.uri(port, patientsLink, null)).ready()) {
			assertThat(doctor.next("user_joined", WAIT).path("user_id").asLong()).isEqualTo(room.patient().id());
			doctor.send(Map.of("type", "rtc_signal", "signal_type", "offer", "payload", offer));
			JsonNode heard = patient.next("rtc_signal", WAIT);
			assertThat(heard).as("the offer at the patient's").isNotNull();
			assertThat(heard.path("payload")).isEqualTo(Http.JSON.valueToTree(offer));
			assertThat(heard.path("sender_id").asLong()).isEqualTo(room.doctor().id());
		}
		assertThat(signalsOnceSettled(room, 5).findValuesAsString("signal_type")).contains("offer");

		// a tampered or unknown link is no link; a link of another room does not open this one through the query
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port,
				patientsLink.substring(0, patientsLink.length() - 3) + "abc", null))).isEqualTo(401);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, "rtc.999999.nothing", null))).isEqualTo(401);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, other.roomId(), patientsLink))).isEqualTo(403);

		// it dies with the session that took it, and with the room
		String othersLink = joinToken(other, other.patient());
		Http.Res signedOut = http.post("/sos/api/v1/auth/logout", Map.of()).token(other.patient().token()).send();
		assertThat(signedOut.status()).as(signedOut.body()).isEqualTo(200);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, othersLink, null))).isEqualTo(401);
		data(http.post(API + "/rtc/rooms/" + room.roomId() + "/end/", Map.of()).token(room.doctor().token()).send(),
				200);
		assertThat(RtcClient.refusedStatus(RtcClient.uri(port, doctorsLink, null))).isEqualTo(400);
	}

	@Test
	void theAppsOriginMayOpenTheSocket() throws InterruptedException {
		Room room = startedRoom();
		try (var client = RtcClient.connect(RtcClient.uri(port, room.roomId(), room.patient().token()),
				Map.of("Origin", "http://localhost:3000")).ready()) {
			assertThat(client.next("error", QUIET)).isNull();
		}
	}
}
