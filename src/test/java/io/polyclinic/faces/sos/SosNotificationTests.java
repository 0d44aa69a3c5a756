package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;

class SosNotificationTests extends SosApiTest {

	private static final String PATH = "/sos/api/v1/notifications/preferences";

	@Autowired
	AppointmentBook book;

	@Test
	void everyoneStartsWithTheDefaultsInTheDocumentsCamelCase() {
		Patient patient = people.patient("Default Prefs");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);

		var res = http.get(PATH).token(token).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("preferences", "userId");
		assertThat(keys(res.json().path("preferences"))).containsExactly("appointmentConfirmations",
				"appointmentReminders", "email", "paymentNotifications", "push", "reminderTime", "sms");
		assertThat(res.json().path("userId").asString()).isEqualTo(accounts.get(patient.userId()).publicId().toString());
		assertThat(res.json().path("preferences").path("email").asBoolean()).isTrue();
		assertThat(res.json().path("preferences").path("reminderTime").asInt()).isEqualTo(1440);
		assertThat(http.get(PATH).send().status()).isEqualTo(401);
	}

	@Test
	void aPutMergesTheChoicesItNames() {
		Patient patient = people.patient("Merging Prefs");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);

		var res = http.put(PATH, Map.of("preferences", Map.of("sms", false, "reminderTime", 60))).token(token).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("preferences", "updatedAt", "userId");
		assertThat(res.json().path("preferences").path("sms").asBoolean()).isFalse();
		assertThat(res.json().path("preferences").path("email").asBoolean()).isTrue();
		var second = http.put(PATH, Map.of("preferences", Map.of("push", false))).token(token).send();
		assertThat(second.json().path("preferences").path("sms").asBoolean()).isFalse();
		assertThat(second.json().path("preferences").path("push").asBoolean()).isFalse();
		assertThat(http.get(PATH).token(token).send().json().path("preferences").path("reminderTime").asInt())
			.isEqualTo(60);
	}

	@Test
	void wrongTypesAndValuesAre400() {
		Patient patient = people.patient("Wrong Prefs");
		String token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);

		for (Object body : List.of(Map.of("preferences", Map.of("email", "yes")),
				Map.of("preferences", Map.of("reminderTime", "soon")), Map.of("preferences", Map.of("reminderTime", 5000)),
				Map.of("preferences", Map.of("colour", true)), Map.of("preferences", List.of(true)), Map.of())) {
			var res = http.put(PATH, body).token(token).send();
			assertThat(res.status()).as(body.toString()).isEqualTo(400);
			assertThat(keys(res.json())).containsExactly("details", "error", "status");
		}
		assertThat(http.get(PATH).token(token).send().json().path("preferences").path("reminderTime").asInt())
			.isEqualTo(1440);
		assertThat(http.put(PATH, Map.of("preferences", Map.of("email", "yes"))).token(token).send().json()
			.path("details").asString()).contains("preferences.email");
	}

	@Test
	void aPatientWhoTurnedConfirmationsOffGetsNone() throws InterruptedException {
		var doctor = clinic.clinician(null, "Asia/Kolkata");
		Patient quiet = people.patient("Quiet Patient");
		Patient chatty = people.patient("Chatty Patient");
		String quietToken = SosPeopleFixture.token(http, quiet.email(), SosPeopleFixture.PASSWORD);
		http.put(PATH, Map.of("preferences", Map.of("appointmentConfirmations", false))).token(quietToken).send();
		var day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.WEDNESDAY);
		var first = book.book(AppointmentRequest.onGrid(Ref.id(quiet.id()), Ref.id(doctor.id()), null, day,
				LocalTime.of(10, 0), SessionType.IN_PERSON), clinic.admin());
		var second = book.book(AppointmentRequest.onGrid(Ref.id(chatty.id()), Ref.id(doctor.id()), null, day,
				LocalTime.of(11, 0), SessionType.IN_PERSON), clinic.admin());

		book.confirm(Ref.id(first.appointment().id()), clinic.admin());
		book.confirm(Ref.id(second.appointment().id()), clinic.admin());

		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (outbox(chatty.phone()).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(outbox(chatty.phone())).isNotEmpty();
		assertThat(outbox(quiet.phone())).isEmpty();
	}

	private List<?> outbox(String to) {
		var res = http.get("/dev/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).send();
		return res.json().valueStream().filter(m -> m.path("body").asString().contains("confirm")).toList();
	}
}
