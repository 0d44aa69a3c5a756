package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;

class SosChatAndVideoTests extends SosApiTest {

	@Autowired
	AppointmentBook book;

	Clinician doctor;
	Patient patient;
	String patientToken;
	String doctorToken;

	@BeforeEach
	void setUp() {
		doctor = people.doctor("Dr. Video " + System.nanoTime(), "General Practice", "Indian/Mauritius", "eur",
				List.of("English"));
		patient = people.patient("Video Patient");
		patientToken = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
		doctorToken = SosPeopleFixture.token(http, doctor.email(), SosPeopleFixture.PASSWORD);
	}

	@Test
	void anAppointmentOpensAConversationWhosePartnerIsTheOtherParty() throws InterruptedException {
		book(SessionType.ONLINE, LocalTime.of(9, 0));

		var res = awaitConversations(patientToken);

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("conversations");
		var conversation = res.json().path("conversations").get(0);
		assertThat(keys(conversation)).containsExactly("id", "lastMessage", "lastMessageAt", "partnerAvatar",
				"partnerId", "partnerName", "unreadCount");
		assertThat(conversation.path("partnerName").asString()).isEqualTo(doctor.fullName());
		assertThat(conversation.path("partnerId").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(conversation.path("unreadCount").asInt()).isZero();

		var doctors = awaitConversations(doctorToken).json().path("conversations");
		assertThat(doctors.get(0).path("partnerName").asString()).isEqualTo("Video Patient");
		assertThat(doctors.get(0).path("id").asString()).isEqualTo(conversation.path("id").asString());

		var stranger = people.patient("Stranger");
		var strangers = http.get("/sos/api/v1/chat/conversations")
			.token(SosPeopleFixture.token(http, stranger.email(), SosPeopleFixture.PASSWORD)).send();
		assertThat(strangers.json().path("conversations").size()).isZero();
		assertThat(http.get("/sos/api/v1/chat/conversations?limit=0").token(patientToken).send().status())
			.isEqualTo(400);
		assertThat(http.get("/sos/api/v1/chat/conversations?limit=many").token(patientToken).send().status())
			.isEqualTo(400);
		assertThat(http.get("/sos/api/v1/chat/conversations").send().status()).isEqualTo(401);
	}

	@Test
	void aPatientsAssociatedDoctorsAreTheDoctorsTheyHaveAppointmentsWith() {
		assertThat(http.get("/sos/api/v1/auth/me").token(patientToken).send().json().path("user")
			.path("associated_doctors").size()).isZero();

		book(SessionType.IN_PERSON, LocalTime.of(14, 0));

		var me = http.get("/sos/api/v1/auth/me").token(patientToken).send().json().path("user");
		assertThat(me.path("associated_doctors").size()).isEqualTo(1);
		assertThat(me.path("associated_doctors").get(0).asString()).isEqualTo(doctor.accountId().toString());
		var listed = http.get("/sos/api/v1/users?search=" + patient.email()).token(SosPeopleFixture.adminToken(http))
			.send().json().path("users").get(0);
		assertThat(listed.path("associated_doctors").get(0).asString()).isEqualTo(doctor.accountId().toString());
		// a doctor has none of their own
		assertThat(http.get("/sos/api/v1/auth/me").token(doctorToken).send().json().path("user")
			.path("associated_doctors").size()).isZero();
	}

	@Test
	void anOnlineAppointmentHasAVideoConsultationWithOneRoom() {
		Appointment online = book(SessionType.ONLINE, LocalTime.of(10, 0));
		String path = "/sos/api/v1/video-consultations/status/" + online.publicId();

		var res = http.get(path).token(patientToken).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("consultation");
		var consultation = res.json().path("consultation");
		assertThat(keys(consultation)).containsExactly("appointment_id", "created_at", "doctor_id", "duration",
				"ended_at", "id", "room_sid", "started_at", "status", "updated_at", "user_id");
		assertThat(consultation.path("appointment_id").asString()).isEqualTo(online.publicId().toString());
		assertThat(consultation.path("user_id").asString())
			.isEqualTo(accounts.get(patient.userId()).publicId().toString());
		assertThat(consultation.path("doctor_id").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(consultation.path("status").asString()).isEqualTo("scheduled");
		assertThat(consultation.path("room_sid").asString()).startsWith("RM").hasSize(34);
		assertThat(http.get(path).token(doctorToken).send().json().path("consultation").path("room_sid").asString())
			.isEqualTo(consultation.path("room_sid").asString());

		book.cancel(online.id(), "changed plans", clinic.admin());
		assertThat(http.get(path).token(patientToken).send().json().path("consultation").path("status").asString())
			.isEqualTo("cancelled");
	}

	@Test
	void onlyOnlineAppointmentsHaveOneAndOnlyTheirPeopleSeeIt() {
		Appointment inPerson = book(SessionType.IN_PERSON, LocalTime.of(11, 0));
		Appointment online = book(SessionType.ONLINE, LocalTime.of(12, 0));
		var stranger = people.patient("Nosy Stranger");

		assertThat(http.get("/sos/api/v1/video-consultations/status/" + inPerson.publicId()).token(patientToken).send()
			.status()).isEqualTo(404);
		var refused = http.get("/sos/api/v1/video-consultations/status/" + online.publicId())
			.token(SosPeopleFixture.token(http, stranger.email(), SosPeopleFixture.PASSWORD)).send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(keys(refused.json())).containsExactly("details", "error", "status");
		assertThat(http.get("/sos/api/v1/video-consultations/status/nope").token(patientToken).send().status())
			.isEqualTo(400);
		assertThat(http.get("/sos/api/v1/video-consultations/status/7d0c5f8e-0000-4000-8000-000000000000")
			.token(patientToken).send().status()).isEqualTo(404);
		assertThat(http.get("/sos/api/v1/video-consultations/status/" + online.publicId()).send().status())
			.isEqualTo(401);
	}

	private Appointment book(SessionType type, LocalTime time) {
		var day = Clinic.nextWeekday(ZoneId.of("Indian/Mauritius"), DayOfWeek.THURSDAY);
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(doctor.id()), null, day, time, type),
				clinic.admin()).appointment();
	}

	private io.polyclinic.support.Http.Res awaitConversations(String token) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		var res = http.get("/sos/api/v1/chat/conversations").token(token).send();
		while (res.json().path("conversations").isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			res = http.get("/sos/api/v1/chat/conversations").token(token).send();
		}
		return res;
	}
}
