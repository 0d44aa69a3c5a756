package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.video.MeetingRooms;
import io.polyclinic.video.RtcRoom;
import io.polyclinic.video.RtcSignal;
import io.polyclinic.video.RtcSignaling;
import tools.jackson.databind.JsonNode;

/**
 * The Socket.IO signaling as the original client speaks it, frame by frame: the Engine.IO open packet, the namespace
 * connected with a token, two parties who join the room, see each other and exchange an offer, an answer and a
 * candidate (stored by the video module, each reaching the socket it was addressed to); an outsider, an unknown room
 * and a bad token refused.
 */
class ClinicoSignalingSocketTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	MeetingRooms meetingRooms;
	@Autowired
	RtcSignaling signaling;
	@Autowired
	VerifiedSessions sessions;

	Patient patient;
	Clinician doctor;
	RtcRoom room;

	@BeforeEach
	void anOnlineAppointmentWithItsRoom() {
		patient = clinic.patient();
		doctor = clinic.clinician(clinic.centre("Signaling").id(), "Asia/Kolkata");
		Appointment appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(
				Ref.id(patient.id())), Ref.id(doctor.id()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY), LocalTime.of(10, 0)),
				SessionType.ONLINE, null, null), clinic.admin()).appointment();
		room = meetingRooms.open(Ref.id(appointment.id()), clinic.actorOf(patient.userId(), Role.PATIENT)).room();
	}

	String tokenOf(long userId) {
		return sessions.start(userId).tokens().accessToken();
	}

	@Test
	void theOpenPacketOffersNoUpgradeAndTheHeartbeatTheClientExpects() throws InterruptedException {
		try (var client = SocketIoClient.open(SocketIoClient.uri(port, "/clinico/socket.io/"))) {
			String open = client.packet("0", Duration.ofSeconds(10));
			assertThat(open).isNotNull();
			JsonNode handshake = Http.JSON.readTree(open.substring(1));
			assertThat(Http.keys(handshake)).containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout",
					"maxPayload");
			assertThat(handshake.path("sid").asString()).matches("[A-Za-z0-9_-]{20}");
			assertThat(handshake.path("upgrades").isArray()).isTrue();
			assertThat(handshake.path("upgrades")).isEmpty();
			assertThat(handshake.path("pingInterval").asInt()).isEqualTo(25000);
			assertThat(handshake.path("pingTimeout").asInt()).isEqualTo(20000);
			assertThat(handshake.path("maxPayload").asInt()).isEqualTo(1000000);
			client.send("2probe");
			assertThat(client.packet("3probe", Duration.ofSeconds(10))).isEqualTo("3probe");
		}
	}

	@Test
	void twoPartiesJoinSeeEachOtherAndExchangeAnOfferAnAnswerAndACandidate() throws InterruptedException {
		try (var doctorSocket = SocketIoClient.connected(port, tokenOf(doctor.userId()));
				var patientSocket = SocketIoClient.connected(port, tokenOf(patient.userId()))) {
			assertThat(doctorSocket.sid).matches("[A-Za-z0-9_-]{20}").isNotEqualTo(patientSocket.sid);

			doctorSocket.emit("join-room", Map.of("roomId", room.roomId(), "userData", Map.of("role", "Doctor")));
			await().atMost(Duration.ofSeconds(15)).until(() -> signaling.connections(room,
					clinic.actorOf(doctor.userId(), Role.CLINICIAN)).size() == 1);
			patientSocket.emit("join-room", Map.of("roomId", room.roomId(), "userData", Map.of("role", "Patient",
					"name", "")));

			// the one who came second is told who is there; the one there hears who came
			JsonNode there = patientSocket.event("user-already-in-room");
			assertThat(there).as(patientSocket.heard().toString()).isNotNull();
			assertThat(there.path("userId").asString()).isEqualTo(doctorSocket.sid);
			assertThat(there.path("userData").path("role").asString()).isEqualTo("Doctor");
			assertThat(there.path("userData").path("name").asString()).isEqualTo(doctor.fullName());
			JsonNode joined = doctorSocket.event("user-joined");
			assertThat(joined).as(doctorSocket.heard().toString()).isNotNull();
			assertThat(Http.keys(joined)).containsExactlyInAnyOrder("userId", "userData");
			assertThat(joined.path("userId").asString()).isEqualTo(patientSocket.sid);
			assertThat(joined.path("userData").path("role").asString()).isEqualTo("Patient");
			assertThat(joined.path("userData").path("name").asString()).isEqualTo(patient.fullName());

			// the doctor initiates, as the original client does
			Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
			doctorSocket.emit("signal", Map.of("signal", offer, "to", patientSocket.sid));
			JsonNode heardOffer = patientSocket.event("signal");
			assertThat(heardOffer).isNotNull();
			assertThat(Http.keys(heardOffer)).containsExactlyInAnyOrder("signal", "from");
			assertThat(heardOffer.path("from").asString()).isEqualTo(doctorSocket.sid);
			assertThat(heardOffer.path("signal")).isEqualTo(Http.JSON.valueToTree(offer));

			Map<String, Object> answer = Map.of("type", "answer", "sdp", "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n");
			patientSocket.emit("signal", Map.of("signal", answer, "to", heardOffer.path("from").asString()));
			JsonNode heardAnswer = doctorSocket.event("signal");
			assertThat(heardAnswer).isNotNull();
			assertThat(heardAnswer.path("from").asString()).isEqualTo(patientSocket.sid);
			assertThat(heardAnswer.path("signal")).isEqualTo(Http.JSON.valueToTree(answer));

			Map<String, Object> candidate = Map.of("type", "candidate", "candidate", Map.of("candidate",
					"candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host", "sdpMLineIndex", 0, "sdpMid", "0"));
			patientSocket.emit("signal", Map.of("signal", candidate, "to", doctorSocket.sid));
			JsonNode heardCandidate = doctorSocket.event("signal");
			assertThat(heardCandidate).isNotNull();
			assertThat(heardCandidate.path("signal")).isEqualTo(Http.JSON.valueToTree(candidate));

			// what cannot be relayed is said to its sender alone
			patientSocket.emit("signal", Map.of("signal", Map.of("renegotiate", true), "to", doctorSocket.sid));
			assertThat(patientSocket.event("error").path("error").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(doctorSocket.event("signal", Duration.ofMillis(500))).isNull();

			// every signal was stored, in order, from the socket that sent it
			Actor asPatient = clinic.actorOf(patient.userId(), Role.PATIENT);
			List<RtcSignal> stored = signaling.ofRoom(room.roomId(), null, asPatient);
			assertThat(stored).extracting(RtcSignal::signalType).containsExactly("join", "join", "offer", "answer",
					"ice_candidate");
			assertThat(stored).extracting(RtcSignal::senderConnection).containsExactly(doctorSocket.sid,
					patientSocket.sid, doctorSocket.sid, patientSocket.sid, patientSocket.sid);

			// leaving is heard by the other party
			patientSocket.emit("leave-room", room.roomId());
			JsonNode left = doctorSocket.event("user-left");
			assertThat(left).isNotNull();
			assertThat(left.asString()).isEqualTo(patientSocket.sid);
			assertThat(signaling.connections(room, asPatient)).extracting(c -> c.connectionId())
				.containsExactly(doctorSocket.sid);
		}
	}

	@Test
	void hcpAnswersTheRoomClinicoAnswersAndListsTheSignalsSentOverSocketIo() throws InterruptedException {
		String patientToken = tokenOf(patient.userId());
		String doctorToken = tokenOf(doctor.userId());
		// the room clinico opened (as its endpoint does, through the module) is the one hcp answers for the appointment
		Http.Res existing = http.post("/hcp/api/rtc/rooms/appointment/" + room.appointmentId() + "/", Map.of())
			.token(doctorToken).send();
		assertThat(existing.status()).as(existing.body()).isEqualTo(200);
		assertThat(existing.json().path("message").asString()).isEqualTo("Room already exists for this appointment");
		assertThat(existing.json().path("data").path("room_id").asString()).isEqualTo(room.roomId());
		assertThat(existing.json().path("data").path("id").asLong()).isEqualTo(room.id());

		// and the other way round: hcp opens the room of another online appointment, clinico answers that room
		Appointment next = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(doctor.id()), null, new AppointmentRequest.GridSlot(Clinic.nextWeekday(ZoneId.of(
						"Asia/Kolkata"), DayOfWeek.WEDNESDAY), LocalTime.of(11, 0)), SessionType.ONLINE, null, null),
				clinic.admin()).appointment();
		Http.Res opened = http.post("/hcp/api/rtc/rooms/appointment/" + next.id() + "/", Map.of())
			.token(patientToken).send();
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().path("message").asString()).isEqualTo("Room created successfully");
		String roomId = opened.json().path("data").path("room_id").asString();
		Http.Res clinicos = http.post("/clinico/api/signaling/room", Map.of("appointment_id", next.id()))
			.token(doctorToken).send();
		assertThat(clinicos.status()).as("not made again: " + clinicos.body()).isEqualTo(200);
		assertThat(clinicos.json().path("room_id").asString()).isEqualTo(roomId);
		assertThat(clinicos.json().path("consultation_link").asString()).endsWith("/clinico/room/" + roomId);
		// hcp's status of that room and clinico's validation name the same parties
		Http.Res status = http.get("/hcp/api/rtc/rooms/" + roomId + "/status/").token(patientToken).send();
		assertThat(status.status()).as(status.body()).isEqualTo(200);
		Http.Res validated = http.get("/clinico/api/signaling/validate/" + roomId).token(patientToken).send();
		assertThat(validated.status()).as(validated.body()).isEqualTo(200);
		assertThat(validated.json().path("is_valid").asBoolean()).isTrue();
		assertThat(validated.json().path("role").asString()).isEqualTo("Patient");

		// an offer sent over clinico's Socket.IO is stored in that room and read through hcp's view of its signals
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 5 6 IN IP4 127.0.0.1\r\n");
		try (var doctorSocket = SocketIoClient.connected(port, doctorToken);
				var patientSocket = SocketIoClient.connected(port, patientToken)) {
			doctorSocket.emit("join-room", Map.of("roomId", roomId, "userData", Map.of("role", "Doctor")));
			// hcp's status counts the doctor present once clinico's socket has them in the room
			await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/hcp/api/rtc/rooms/" + roomId + "/status/")
				.token(patientToken).send().json().path("data").path("participants_present").asInt() == 1);
			patientSocket.emit("join-room", Map.of("roomId", roomId, "userData", Map.of("role", "Patient")));
			assertThat(doctorSocket.event("user-joined")).as(doctorSocket.heard().toString()).isNotNull();
			doctorSocket.emit("signal", Map.of("signal", offer, "to", patientSocket.sid));
			assertThat(patientSocket.event("signal")).as(patientSocket.heard().toString()).isNotNull();
		}
		Http.Res signals = http.get("/hcp/api/rtc/rooms/" + roomId + "/signals/").token(patientToken).send();
		assertThat(signals.status()).as(signals.body()).isEqualTo(200);
		JsonNode stored = signals.json().path("data").path("signals");
		assertThat(stored.findValuesAsString("signal_type")).as(stored.toString()).startsWith("join", "join",
				"offer");
		JsonNode sent = stored.get(2);
		assertThat(sent.path("payload")).isEqualTo(Http.JSON.valueToTree(offer));
		assertThat(sent.path("sender").asLong()).isEqualTo(doctor.userId());
		assertThat(sent.path("room").asLong()).isEqualTo(opened.json().path("data").path("id").asLong());
	}

	@Test
	void aDoctorOnHcpsSocketAndAPatientOnClinicosExchangeAnOfferAndAnAnswerInTheirOneRoom() throws Exception {
		String patientToken = tokenOf(patient.userId());
		Actor asPatient = clinic.actorOf(patient.userId(), Role.PATIENT);
		try (var patientSocket = SocketIoClient.connected(port, patientToken)) {
			patientSocket.emit("join-room", Map.of("roomId", room.roomId(), "userData", Map.of("role", "Patient")));
			await().atMost(Duration.ofSeconds(15)).until(() -> signaling.connections(room, asPatient).size() == 1);

			// the doctor opens hcp's socket of the same room with their access token
			List<JsonNode> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
			var doctorSocket = HttpClient.newHttpClient().newWebSocketBuilder()
				.buildAsync(URI.create("ws://localhost:" + port + "/hcp/ws/rtc/" + room.roomId() + "/?token="
						+ tokenOf(doctor.userId())), new java.net.http.WebSocket.Listener() {
							private final StringBuilder text = new StringBuilder();

							@Override
							public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket,
									CharSequence data, boolean last) {
								text.append(data);
								if (last) {
									frames.add(Http.JSON.readTree(text.toString()));
									text.setLength(0);
								}
								socket.request(1);
								return null;
							}
						})
				.get(10, java.util.concurrent.TimeUnit.SECONDS);
			try {
				JsonNode joined = patientSocket.event("user-joined");
				assertThat(joined).as(patientSocket.heard().toString()).isNotNull();
				assertThat(joined.path("userData").path("role").asString()).isEqualTo("Doctor");
				assertThat(joined.path("userData").path("name").asString()).isEqualTo(doctor.fullName());
				String doctorConnection = joined.path("userId").asString();

				Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 7 8 IN IP4 127.0.0.1\r\n");
				doctorSocket.sendText(Http.JSON.writeValueAsString(Map.of("type", "rtc_signal", "signal_type", "offer",
						"payload", offer)), true).get(10, java.util.concurrent.TimeUnit.SECONDS);
				JsonNode heard = patientSocket.event("signal");
				assertThat(heard).as(patientSocket.heard().toString()).isNotNull();
				assertThat(heard.path("signal")).isEqualTo(Http.JSON.valueToTree(offer));
				assertThat(heard.path("from").asString()).isEqualTo(doctorConnection);

				Map<String, Object> answer = Map.of("type", "answer", "sdp", "v=0\r\no=- 9 10 IN IP4 127.0.0.1\r\n");
				patientSocket.emit("signal", Map.of("signal", answer, "to", doctorConnection));
				await().atMost(Duration.ofSeconds(15)).until(() -> frames.stream()
					.anyMatch(f -> "rtc_signal".equals(f.path("type").asString())));
				JsonNode answered = frames.stream().filter(f -> "rtc_signal".equals(f.path("type").asString()))
					.findFirst().orElseThrow();
				assertThat(answered.path("signal_type").asString()).isEqualTo("answer");
				assertThat(answered.path("payload")).isEqualTo(Http.JSON.valueToTree(answer));
				assertThat(answered.path("sender_id").asLong()).isEqualTo(patient.userId());
			}
			finally {
				doctorSocket.abort();
			}
		}
		assertThat(signaling.ofRoom(room.roomId(), null, asPatient)).extracting(RtcSignal::signalType)
			.containsSubsequence("join", "join", "offer", "answer");
	}

	@Test
	void anOutsiderAndAnUnknownRoomAreToldWhyAndLetGo() throws InterruptedException {
		Patient outsider = clinic.patient();
		try (var socket = SocketIoClient.connected(port, tokenOf(outsider.userId()))) {
			socket.emit("join-room", Map.of("roomId", room.roomId(), "userData", Map.of()));
			JsonNode error = socket.event("error");
			assertThat(error).as(socket.heard().toString()).isNotNull();
			assertThat(Http.keys(error)).containsExactlyInAnyOrder("error", "message");
			assertThat(error.path("error").asString()).isEqualTo("FORBIDDEN");
			assertThat(socket.packet("41" + SocketIoClient.NAMESPACE + ",", Duration.ofSeconds(10))).isNotNull();
			// a signal after that goes nowhere: the namespace is no longer connected
			socket.emit("signal", Map.of("signal", Map.of("type", "offer", "sdp", "v=0"), "to", "x"));
			assertThat(socket.event("error", Duration.ofMillis(500))).isNull();
		}
		assertThat(signaling.connections(room, clinic.actorOf(patient.userId(), Role.PATIENT))).isEmpty();

		try (var socket = SocketIoClient.connected(port, tokenOf(patient.userId()))) {
			socket.emit("join-room", Map.of("roomId", "RMnosuchroom", "userData", Map.of()));
			assertThat(socket.event("error").path("error").asString()).isEqualTo("NOT_FOUND");
			assertThat(socket.packet("41" + SocketIoClient.NAMESPACE + ",", Duration.ofSeconds(10))).isNotNull();
		}
	}

	@Test
	void aBadTokenNoTokenAndAnUnknownNamespaceAreRefusedAtConnect() throws InterruptedException {
		try (var socket = SocketIoClient.open(SocketIoClient.uri(port, "/socket.io/"))) {
			socket.send("40/clinico,{\"token\":\"not-a-token\"}");
			String refused = socket.packet("44/clinico,", Duration.ofSeconds(10));
			assertThat(refused).isNotNull();
			JsonNode body = Http.JSON.readTree(refused.substring("44/clinico,".length()));
			assertThat(body.path("message").asString()).isEqualTo("Authentication error: Invalid token.");

			socket.send("40/clinico,{}");
			assertThat(Http.JSON.readTree(socket.packet("44/clinico,", Duration.ofSeconds(10)).substring(
					"44/clinico,".length())).path("message").asString()).contains("No token");

			socket.send("40/mibo,{\"token\":\"" + tokenOf(patient.userId()) + "\"}");
			assertThat(socket.packet("44/mibo,", Duration.ofSeconds(10))).contains("Invalid namespace");

			// refused, the socket was never admitted: joining does nothing
			socket.emit("join-room", Map.of("roomId", room.roomId()));
			assertThat(socket.packet("42", Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void onlyEngineIoFourOverWebSocketIsServed() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> polling = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/socket.io/?EIO=4&transport=polling")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(polling.statusCode()).isEqualTo(400);
		assertThat(Http.JSON.readTree(polling.body()).path("message").asString()).isEqualTo("Transport unknown");
		HttpResponse<String> old = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/socket.io/?EIO=3&transport=websocket")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(old.statusCode()).isEqualTo(400);
		assertThat(Http.JSON.readTree(old.body()).path("message").asString()).isEqualTo("Unsupported protocol version");
	}
}
