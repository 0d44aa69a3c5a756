package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The signaling endpoints over HTTP: the room of an appointment, the same for its doctor and patient, whose link is
 * the appointment's meeting link in Mibo too; who the caller is in a room; bad input, outsiders, unknown rooms and
 * cancelled appointments refused.
 */
class ClinicoSignalingTests extends ClinicoApiTest {

	@Autowired
	AppointmentBook book;

	Appointment appointment(ClinicoPeople.Person patient, ClinicoPeople.Person doctor, SessionType type) {
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(
				Ref.id(patient.requirePatient().id())), Ref.id(doctor.requireClinician().id()), null,
				new AppointmentRequest.GridSlot(Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.WEDNESDAY),
						LocalTime.of(10, 0)), type, null, null), clinic.admin()).appointment();
	}

	Http.Res room(long appointmentId, String token) {
		return http.post(API + "/signaling/room", Map.of("appointment_id", appointmentId)).token(token).send();
	}

	@Test
	void theDoctorAndThePatientGetOneRoomWhoseLinkIsTheAppointmentsMeetingLinkInEveryFace() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment appointment = appointment(patient, doctor, SessionType.ONLINE);

		JsonNode created = ok(room(appointment.id(), patient.token()), 201);
		assertThat(Http.keys(created)).containsExactlyInAnyOrder("room_id", "consultation_link", "success", "data");
		// the original client reads the room under {success, data}: the same fields again
		assertThat(created.path("success").asBoolean()).isTrue();
		assertThat(Http.keys(created.path("data"))).containsExactlyInAnyOrder("room_id", "consultation_link");
		assertThat(created.path("data").path("room_id").asString()).isEqualTo(created.path("room_id").asString());
		assertThat(created.path("data").path("consultation_link").asString())
			.isEqualTo(created.path("consultation_link").asString());
		String roomId = created.path("room_id").asString();
		assertThat(roomId).matches("[A-Za-z0-9]{20,64}");
		assertThat(created.path("consultation_link").asString()).isEqualTo("http://localhost:8080/clinico/room/"
				+ roomId);

		// asked again, and by the other party: the same room, the same link
		assertThat(ok(room(appointment.id(), doctor.token()), 200)).isEqualTo(created);
		assertThat(ok(room(appointment.id(), patient.token()), 200)).isEqualTo(created);

		// Mibo shows it as the appointment's meet link; sos's video consultation is the same room
		var mibo = http.get("/mibo/api/booking/" + appointment.id()).token(patient.token()).send();
		assertThat(mibo.status()).as(mibo.body()).isEqualTo(200);
		assertThat(mibo.json().path("data").path("meetLink").asString())
			.isEqualTo(created.path("consultation_link").asString());
		var sos = http.get("/sos/api/v1/video-consultations/status/" + appointment.publicId()).token(doctor.token())
			.send();
		assertThat(sos.status()).as(sos.body()).isEqualTo(200);
		assertThat(sos.json().path("consultation").path("room_sid").asString()).isEqualTo(roomId);
	}

	@Test
	void aRoomIsForTheAppointmentsPartiesAndAnOpenOnlineAppointment() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment appointment = appointment(patient, doctor, SessionType.ONLINE);

		error(room(appointment.id(), people.patient().token()), 403, "FORBIDDEN");
		error(room(appointment.id(), people.doctor().token()), 403, "FORBIDDEN");
		error(room(appointment.id(), people.admin().token()), 403, "FORBIDDEN");
		error(room(Long.MAX_VALUE, patient.token()), 404, "NOT_FOUND");
		error(http.post(API + "/signaling/room", Map.of()).token(patient.token()).send(), 400);
		assertThat(error(http.post(API + "/signaling/room", Map.of("appointment_id", "abc")).token(patient.token())
			.send(), 400)).isNotBlank();
		error(http.post(API + "/signaling/room", Map.of("appointment_id", appointment.id())).send(), 401);

		Appointment inPerson = appointment(patient, people.doctor(), SessionType.IN_PERSON);
		assertThat(error(room(inPerson.id(), patient.token()), 400)).isNotBlank();

		book.cancel(Ref.id(appointment.id()), "Feeling better", clinic.admin());
		assertThat(error(room(appointment.id(), doctor.token()), 409, "APPOINTMENT_CANCELLED")).contains("cancelled");
	}

	@Test
	void validateSaysWhoTheCallerIsInTheRoomAndRefusesEveryoneElse() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment appointment = appointment(patient, doctor, SessionType.ONLINE);
		String roomId = ok(room(appointment.id(), doctor.token()), 201).path("room_id").asString();

		JsonNode asPatient = ok(http.get(API + "/signaling/validate/" + roomId).token(patient.token()).send(), 200);
		assertThat(Http.keys(asPatient)).containsExactlyInAnyOrder("is_valid", "role", "identity_name", "success",
				"data");
		assertThat(asPatient.path("data")).isEqualTo(Http.JSON.createObjectNode()
			.put("is_valid", true)
			.put("role", "Patient")
			.put("identity_name", patient.name()));
		assertThat(asPatient.path("is_valid").asBoolean()).isTrue();
		assertThat(asPatient.path("role").asString()).isEqualTo("Patient");
		assertThat(asPatient.path("identity_name").asString()).isEqualTo(patient.name());
		JsonNode asDoctor = ok(http.get(API + "/signaling/validate/" + roomId).token(doctor.token()).send(), 200);
		assertThat(asDoctor.path("is_valid").asBoolean()).isTrue();
		assertThat(asDoctor.path("role").asString()).isEqualTo("Doctor");
		assertThat(asDoctor.path("identity_name").asString()).isEqualTo(doctor.name());

		error(http.get(API + "/signaling/validate/" + roomId).token(people.patient().token()).send(), 403,
				"FORBIDDEN");
		error(http.get(API + "/signaling/validate/" + roomId).token(people.admin().token()).send(), 403, "FORBIDDEN");
		error(http.get(API + "/signaling/validate/RMnosuchroom").token(patient.token()).send(), 404, "NOT_FOUND");
		error(http.get(API + "/signaling/validate/" + roomId).send(), 401);

		// once the appointment is called off its room is no longer joined
		book.cancel(Ref.id(appointment.id()), null, clinic.admin());
		JsonNode cancelled = ok(http.get(API + "/signaling/validate/" + roomId).token(patient.token()).send(), 200);
		assertThat(cancelled.path("is_valid").asBoolean()).isFalse();
		assertThat(cancelled.path("role").asString()).isEqualTo("Patient");
	}
}
