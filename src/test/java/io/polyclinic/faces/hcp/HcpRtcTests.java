package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The RTC endpoints over HTTP: each one's shape, a bad input and a denial. A room belongs to an online appointment; its
 * patient and doctor open it (the same room for both), the doctor alone starts and changes it, either ends it; an
 * administrator reads it; anybody else is refused.
 */
class HcpRtcTests extends HcpApiTest {

	static final List<String> ROOM_KEYS = List.of("id", "appointment", "room_id", "status", "max_participants",
			"recording_enabled", "created_at", "started_at", "ended_at", "expires_at", "duration_minutes");

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	/** An online appointment of the patient with the doctor, next Thursday at 11:00 on the doctor's clock. */
	static Appointment onlineAppointment(AppointmentBook book, PatientRegistry patients, Clinic clinic,
			HcpPeople.Person patient, HcpPeople.Person doctor, SessionType type) {
		long patientId = patients.forUser(patient.id()).orElseThrow().id();
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patientId)),
				Ref.id(doctor.requireDoctorId()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.THURSDAY), LocalTime.of(11, 0)),
				type, null, null), clinic.admin()).appointment();
	}

	Appointment appointment(HcpPeople.Person patient, HcpPeople.Person doctor) {
		return onlineAppointment(book, patients, clinic, patient, doctor, SessionType.ONLINE);
	}

	@Test
	void bothPartiesGetTheSameRoomForTheirAppointmentAndNobodyElseDoes() {
		var patient = people.patient();
		var doctor = people.doctor();
		var outsider = people.patient();
		Appointment appointment = appointment(patient, doctor);

		Http.Res created = http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(patient.token()).send();
		JsonNode room = data(created, 200);
		assertThat(created.json().path("message").asString()).isEqualTo("Room created successfully");
		assertThat(Http.keys(room)).containsExactlyInAnyOrderElementsOf(ROOM_KEYS);
		assertThat(room.path("room_id").asString()).matches("\\w{20,}");
		assertThat(room.path("status").asString()).isEqualTo("created");
		assertThat(room.path("max_participants").asInt()).isEqualTo(2);
		assertThat(room.path("recording_enabled").asBoolean()).isFalse();
		assertThat(room.path("started_at").isNull()).isTrue();
		assertThat(room.path("duration_minutes").isNull()).isTrue();
		assertThat(Instant.parse(room.path("expires_at").asString()))
			.isEqualTo(appointment.endsAt().plusSeconds(2 * 3600));
		JsonNode summary = room.path("appointment");
		assertThat(Http.keys(summary)).containsExactlyInAnyOrder("id", "patient", "doctor", "appointment_type",
				"status", "scheduled_at");
		assertThat(summary.path("id").asLong()).isEqualTo(appointment.id());
		assertThat(summary.path("patient").path("id").asLong()).isEqualTo(patient.id());
		assertThat(summary.path("patient").path("role").asString()).isEqualTo("patient");
		assertThat(summary.path("doctor").path("id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(summary.path("doctor").path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(summary.path("appointment_type").asString()).isEqualTo("video");
		assertThat(summary.path("status").asString()).isEqualTo("pending");
		assertThat(Instant.parse(summary.path("scheduled_at").asString())).isEqualTo(appointment.startsAt());

		Http.Res again = http.post(API + "/rtc/rooms/appointment/" + appointment.id(), Map.of()).token(doctor.token())
			.send();
		assertThat(data(again, 200).path("room_id").asString()).isEqualTo(room.path("room_id").asString());
		assertThat(again.json().path("message").asString()).isEqualTo("Room already exists for this appointment");

		assertThat(drfError(http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(outsider.token()).send(), 403)).isEmpty();
		drfError(http.post(API + "/rtc/rooms/appointment/" + (appointment.id() + 100_000) + "/", Map.of())
			.token(patient.token()).send(), 404);
		drfError(http.post(API + "/rtc/rooms/appointment/abc/", Map.of()).token(patient.token()).send(), 400);
		drfError(http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of()).send(), 401);
	}

	@Test
	void aRoomIsOpenedOncePerOnlineAppointmentWithItsSettings() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment appointment = appointment(patient, doctor);

		assertThat(fieldError(http.post(API + "/rtc/rooms/", Map.of()).token(patient.token()).send(),
				"appointment_id")).isEqualTo("This field is required.");
		assertThat(fieldError(http.post(API + "/rtc/rooms/", Map.of("appointment_id", appointment.id(),
				"max_participants", 1)).token(patient.token()).send(), "max_participants")).contains("between 2 and");
		assertThat(fieldError(http.post(API + "/rtc/rooms/", Map.of("appointment_id", appointment.id(), "expires_at",
				"tomorrow")).token(patient.token()).send(), "expires_at")).isNotBlank();

		String expires = Instant.now().plusSeconds(3 * 3600).toString();
		Http.Res created = http.post(API + "/rtc/rooms/", Map.of("appointment_id", appointment.id(),
				"max_participants", 3, "recording_enabled", true, "expires_at", expires)).token(doctor.token()).send();
		JsonNode room = data(created, 201);
		assertThat(Http.keys(room)).containsExactlyInAnyOrderElementsOf(ROOM_KEYS);
		assertThat(room.path("max_participants").asInt()).isEqualTo(3);
		assertThat(room.path("recording_enabled").asBoolean()).isTrue();
		assertThat(Instant.parse(room.path("expires_at").asString()).toEpochMilli())
			.isEqualTo(Instant.parse(expires).toEpochMilli());

		assertThat(fieldError(http.post(API + "/rtc/rooms/", Map.of("appointment_id", appointment.id()))
			.token(patient.token()).send(), "appointment_id")).isEqualTo("This appointment already has a room");
		var outsider = people.doctor();
		drfError(http.post(API + "/rtc/rooms/", Map.of("appointment_id", appointment.id())).token(outsider.token())
			.send(), 403);

		Appointment inPerson = onlineAppointment(book, patients, clinic, patient, people.doctor(),
				SessionType.IN_PERSON);
		assertThat(fieldError(http.post(API + "/rtc/rooms/", Map.of("appointment_id", inPerson.id()))
			.token(patient.token()).send(), "appointment_id")).isEqualTo("This appointment is not a video consultation");
	}

	@Test
	void theDoctorStartsTheRoomThenEitherPartyJoinsAndEndsIt() {
		var patient = people.patient();
		var doctor = people.doctor();
		var outsider = people.patient();
		String roomId = openRoom(patient, doctor).path("room_id").asString();
		String rooms = API + "/rtc/rooms/" + roomId;

		assertThat(drfError(http.post(rooms + "/join/", Map.of()).token(patient.token()).send(), 400)).isEmpty();
		Http.Res notTheDoctor = http.post(rooms + "/start/", Map.of()).token(patient.token()).send();
		drfError(notTheDoctor, 403);
		assertThat(notTheDoctor.json().path("error").asString()).isEqualTo("Only the doctor can start the room");

		Http.Res started = http.post(rooms + "/start/", Map.of()).token(doctor.token()).send();
		JsonNode room = data(started, 200);
		assertThat(started.json().path("message").asString()).isEqualTo("Room started successfully");
		assertThat(room.path("status").asString()).isEqualTo("active");
		assertThat(room.path("started_at").isString()).isTrue();
		Http.Res twice = http.post(rooms + "/start", Map.of()).token(doctor.token()).send();
		drfError(twice, 400);
		assertThat(twice.json().path("error").asString()).isEqualTo("Room cannot be started from status: active");

		Http.Res joined = http.post(rooms + "/join/", Map.of()).token(patient.token()).send();
		JsonNode token = data(joined, 200);
		assertThat(Http.keys(token)).containsExactlyInAnyOrder("join_token", "expires_at", "room_id");
		assertThat(token.path("room_id").asString()).isEqualTo(roomId);
		assertThat(token.path("join_token").asString()).startsWith("rtc.");
		assertThat(Instant.parse(token.path("expires_at").asString())).isBefore(Instant.now().plusSeconds(31 * 60))
			.isAfter(Instant.now().plusSeconds(29 * 60));
		drfError(http.post(rooms + "/join/", Map.of()).token(outsider.token()).send(), 403);
		drfError(http.post(API + "/rtc/rooms/RMnosuchroom/join/", Map.of()).token(patient.token()).send(), 404);

		JsonNode status = data(http.get(rooms + "/status/").token(patient.token()).send(), 200);
		assertThat(Http.keys(status)).containsExactlyInAnyOrder("room_id", "status", "created_at", "started_at",
				"ended_at", "expires_at", "max_participants", "recording_enabled", "participants",
				"participants_present");
		assertThat(status.path("status").asString()).isEqualTo("active");
		assertThat(status.path("participants_present").asInt()).isZero();
		assertThat(status.path("participants").get(0).path("role").asString()).isEqualTo("patient");
		assertThat(status.path("participants").get(1).path("role").asString()).isEqualTo("doctor");
		assertThat(status.path("participants").get(0).path("user").path("id").asLong()).isEqualTo(patient.id());
		assertThat(status.path("participants").get(1).path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(status.path("participants").get(0).path("present").asBoolean()).isFalse();
		drfError(http.get(rooms + "/status/").token(outsider.token()).send(), 403);
		drfError(http.get(API + "/rtc/rooms/RMnosuchroom/status/").token(patient.token()).send(), 404);

		Http.Res ended = http.post(rooms + "/end/", Map.of()).token(patient.token()).send();
		JsonNode endedRoom = data(ended, 200);
		assertThat(endedRoom.path("status").asString()).isEqualTo("ended");
		assertThat(endedRoom.path("ended_at").isString()).isTrue();
		assertThat(endedRoom.path("duration_minutes").asInt()).isZero();
		assertThat(http.post(rooms + "/end/", Map.of()).token(doctor.token()).send().json().path("error").asString())
			.isEqualTo("Room cannot be ended from status: ended");
		drfError(http.post(rooms + "/end/", Map.of()).token(outsider.token()).send(), 403);
	}

	@Test
	void roomsAreListedForTheirPartiesAndTheAdministratorAndChangedByTheDoctor() {
		var patient = people.patient();
		var doctor = people.doctor();
		var outsider = people.patient();
		JsonNode room = openRoom(patient, doctor);
		long id = room.path("id").asLong();

		JsonNode page = page(http.get(API + "/rtc/rooms/?status=created&appointment__doctor=" + doctor.doctorId())
			.token(patient.token()).send());
		assertThat(page.path("count").asLong()).isEqualTo(1);
		assertThat(Http.keys(page.path("results").get(0))).containsExactlyInAnyOrderElementsOf(ROOM_KEYS);
		assertThat(page.path("results").get(0).path("id").asLong()).isEqualTo(id);
		assertThat(page(http.get(API + "/rtc/rooms/?status=active").token(patient.token()).send()).path("count")
			.asLong()).isZero();
		assertThat(page(http.get(API + "/rtc/rooms").token(outsider.token()).send()).path("count").asLong()).isZero();
		assertThat(page(http.get(API + "/rtc/rooms/?page_size=100&ordering=-created_at&appointment__patient="
				+ patient.id()).token(people.admin().token()).send()).path("results").findValuesAsString("room_id"))
			.containsExactly(room.path("room_id").asString());
		assertThat(fieldError(http.get(API + "/rtc/rooms/?status=open").token(patient.token()).send(), "status"))
			.isEqualTo("\"open\" is not a valid choice.");
		assertThat(fieldError(http.get(API + "/rtc/rooms/?ordering=room_id").token(patient.token()).send(),
				"ordering")).contains("created_at");

		JsonNode detail = data(http.get(API + "/rtc/rooms/" + id + "/").token(people.admin().token()).send(), 200);
		assertThat(detail).isEqualTo(room);
		drfError(http.get(API + "/rtc/rooms/" + id + "/").token(outsider.token()).send(), 403);
		drfError(http.get(API + "/rtc/rooms/" + (id + 100_000)).token(patient.token()).send(), 404);

		Map<String, Object> change = new LinkedHashMap<>();
		change.put("max_participants", 4);
		change.put("recording_enabled", true);
		JsonNode changed = data(http.put(API + "/rtc/rooms/" + id + "/", change).token(doctor.token()).send(), 200);
		assertThat(changed.path("max_participants").asInt()).isEqualTo(4);
		assertThat(changed.path("recording_enabled").asBoolean()).isTrue();
		assertThat(changed.path("status").asString()).isEqualTo("created");
		drfError(http.put(API + "/rtc/rooms/" + id + "/", change).token(patient.token()).send(), 403);
		assertThat(fieldError(http.put(API + "/rtc/rooms/" + id + "/", Map.of("max_participants", 50))
			.token(doctor.token()).send(), "max_participants")).contains("between 2 and 10");
		assertThat(fieldError(http.put(API + "/rtc/rooms/" + id + "/", Map.of("status", "expired"))
			.token(doctor.token()).send(), "status")).contains("cannot be set to expired");
		JsonNode startedByPut = data(http.put(API + "/rtc/rooms/" + id, Map.of("status", "active"))
			.token(doctor.token()).send(), 200);
		assertThat(startedByPut.path("status").asString()).isEqualTo("active");
		assertThat(startedByPut.path("started_at").isString()).isTrue();
		drfError(http.get(API + "/rtc/rooms/").send(), 401);
	}

	@Test
	void signalsAreSentByParticipantsAndReadInTheirRooms() {
		var patient = people.patient();
		var doctor = people.doctor();
		var outsider = people.patient();
		JsonNode room = openRoom(patient, doctor);
		long id = room.path("id").asLong();
		Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1");

		Http.Res sent = http.post(API + "/rtc/signals/", Map.of("room", id, "signal_type", "offer", "payload", offer))
			.token(patient.token()).send();
		JsonNode signal = data(sent, 201);
		assertThat(Http.keys(signal)).containsExactlyInAnyOrder("id", "room", "sender", "sender_name", "signal_type",
				"payload", "created_at");
		assertThat(signal.path("room").asLong()).isEqualTo(id);
		assertThat(signal.path("sender").asLong()).isEqualTo(patient.id());
		assertThat(signal.path("sender_name").asString()).startsWith("Pat");
		assertThat(signal.path("signal_type").asString()).isEqualTo("offer");
		assertThat(signal.path("payload")).isEqualTo(Http.JSON.valueToTree(offer));
		http.post(API + "/rtc/signals", Map.of("room", id, "signal_type", "ice_candidate", "payload",
				Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 5000 typ host"))).token(doctor.token()).send();

		assertThat(fieldError(http.post(API + "/rtc/signals/", Map.of("room", id, "signal_type", "hello", "payload",
				offer)).token(patient.token()).send(), "signal_type")).isEqualTo("\"hello\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/rtc/signals/", Map.of("room", id, "signal_type", "offer"))
			.token(patient.token()).send(), "payload")).isEqualTo("This field is required.");
		assertThat(fieldError(http.post(API + "/rtc/signals/", Map.of("signal_type", "offer", "payload", offer))
			.token(patient.token()).send(), "room")).isEqualTo("This field is required.");
		drfError(http.post(API + "/rtc/signals/", Map.of("room", id, "signal_type", "offer", "payload", offer))
			.token(outsider.token()).send(), 403);

		JsonNode ofRoom = data(http.get(API + "/rtc/rooms/" + room.path("room_id").asString() + "/signals/")
			.token(doctor.token()).send(), 200);
		assertThat(Http.keys(ofRoom)).containsExactlyInAnyOrder("room_id", "signals");
		assertThat(ofRoom.path("signals").findValuesAsString("signal_type")).containsExactly("offer",
				"ice_candidate");
		assertThat(ofRoom.path("signals").get(0)).isEqualTo(signal);
		assertThat(data(http.get(API + "/rtc/rooms/" + room.path("room_id").asString() + "/signals/?after="
				+ signal.path("id").asLong()).token(doctor.token()).send(), 200).path("signals")
			.findValuesAsString("signal_type")).containsExactly("ice_candidate");
		drfError(http.get(API + "/rtc/rooms/" + room.path("room_id").asString() + "/signals/").token(outsider.token())
			.send(), 403);

		JsonNode page = page(http.get(API + "/rtc/signals/?room=" + id + "&ordering=-created_at")
			.token(patient.token()).send());
		assertThat(page.path("count").asLong()).isEqualTo(2);
		assertThat(page.path("results").findValuesAsString("signal_type")).containsExactly("ice_candidate", "offer");
		assertThat(page(http.get(API + "/rtc/signals/?signal_type=offer&sender=" + patient.id())
			.token(patient.token()).send()).path("count").asLong()).isEqualTo(1);
		assertThat(page(http.get(API + "/rtc/signals/?room=" + id).token(outsider.token()).send()).path("count")
			.asLong()).isZero();
		assertThat(fieldError(http.get(API + "/rtc/signals/?signal_type=bye").token(patient.token()).send(),
				"signal_type")).isEqualTo("\"bye\" is not a valid choice.");
	}

	@Test
	void aRoomsSignalsAfterSomethingThatIsNoSignalIdAreADrfError() {
		var patient = people.patient();
		var doctor = people.doctor();
		JsonNode room = openRoom(patient, doctor);
		String signals = API + "/rtc/rooms/" + room.path("room_id").asString() + "/signals/";

		assertThat(fieldError(http.get(signals + "?after=abc").token(patient.token()).send(), "after")).isNotBlank();
		assertThat(fieldError(http.get(signals + "?after=1.5").token(doctor.token()).send(), "after")).isNotBlank();
		drfError(http.get(API + "/rtc/rooms/no-such-room/signals/?after=1").token(patient.token()).send(), 404);
		JsonNode none = data(http.get(signals + "?after=").token(patient.token()).send(), 200);
		assertThat(none.path("room_id").asString()).isEqualTo(room.path("room_id").asString());
		assertThat(none.path("signals").isArray()).isTrue();
	}

	@Test
	void joinTokensAreTheCallersOwn() {
		var patient = people.patient();
		var doctor = people.doctor();
		JsonNode room = openRoom(patient, doctor);
		long id = room.path("id").asLong();

		Http.Res created = http.post(API + "/rtc/join-tokens/", Map.of("room", id)).token(patient.token()).send();
		JsonNode token = data(created, 201);
		assertThat(Http.keys(token)).containsExactlyInAnyOrder("id", "room", "user", "user_name", "token",
				"expires_at", "created_at");
		assertThat(token.path("room").asLong()).isEqualTo(id);
		assertThat(token.path("user").asLong()).isEqualTo(patient.id());
		assertThat(token.path("token").asString()).startsWith("rtc.");
		String soon = Instant.now().plusSeconds(300).toString();
		JsonNode shortOne = data(http.post(API + "/rtc/join-tokens/", Map.of("room", id, "expires_at", soon))
			.token(doctor.token()).send(), 201);
		assertThat(Instant.parse(shortOne.path("expires_at").asString()).getEpochSecond())
			.isEqualTo(Instant.parse(soon).getEpochSecond());

		assertThat(fieldError(http.post(API + "/rtc/join-tokens/", Map.of("room", id, "expires_at",
				Instant.now().plusSeconds(3600).toString())).token(patient.token()).send(), "expires_at"))
			.isEqualTo("Must be at most 30 minutes from now");
		assertThat(fieldError(http.post(API + "/rtc/join-tokens/", Map.of()).token(patient.token()).send(), "room"))
			.isEqualTo("This field is required.");
		drfError(http.post(API + "/rtc/join-tokens/", Map.of("room", id)).token(people.patient().token()).send(), 403);

		JsonNode mine = page(http.get(API + "/rtc/join-tokens/").token(patient.token()).send());
		assertThat(mine.path("count").asLong()).isEqualTo(1);
		assertThat(mine.path("results").get(0)).isEqualTo(token);
		assertThat(page(http.get(API + "/rtc/join-tokens/?room=" + id + "&ordering=expires_at").token(doctor.token())
			.send()).path("results").findValuesAsString("token")).containsExactly(shortOne.path("token").asString());
		assertThat(fieldError(http.get(API + "/rtc/join-tokens/?ordering=token").token(patient.token()).send(),
				"ordering")).contains("created_at");
	}

	JsonNode openRoom(HcpPeople.Person patient, HcpPeople.Person doctor) {
		Appointment appointment = appointment(patient, doctor);
		return data(http.post(API + "/rtc/rooms/appointment/" + appointment.id() + "/", Map.of())
			.token(patient.token()).send(), 200);
	}
}
