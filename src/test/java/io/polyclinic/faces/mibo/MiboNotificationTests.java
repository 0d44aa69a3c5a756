package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.audit.AuditTrail;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

class MiboNotificationTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	AuditTrail trail;

	MiboClient mibo;
	Patient patient;
	Appointment appointment;
	String clinicianName;

	@BeforeEach
	void anAppointment() {
		mibo = new MiboClient(http);
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		clinicianName = clinician.fullName();
		patient = clinic.patient();
		appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.WEDNESDAY), LocalTime.of(15, 0)),
				SessionType.IN_PERSON, null, null), clinic.admin()).appointment();
	}

	@Test
	void confirmationAndReminderGoOutOverWhatsAppAndShowInTheHistory() {
		String admin = mibo.adminToken();

		var confirmation = http.post("/mibo/api/notifications/appointment-confirmation",
				Map.of("appointmentId", appointment.id())).token(mibo.staff(6).token()).send();
		assertThat(confirmation.status()).as(confirmation.toString()).isEqualTo(200);
		assertThat(keys(confirmation.json())).containsExactly("message", "success");
		assertThat(confirmation.json().path("message").asString()).isEqualTo("Appointment confirmation sent successfully");
		var whatsapp = http.get("/dev/outbox?to=" + patient.phone().replace("+", "%2B")).send().json().get(0);
		assertThat(whatsapp.path("channel").asString()).isEqualTo("WHATSAPP");
		assertThat(whatsapp.path("body").asString()).contains(clinicianName).contains("3:00 PM");

		var reminder = http.post("/mibo/api/notifications/appointment-reminder", Map.of("appointmentId", appointment.id()))
			.token(admin).send();
		assertThat(reminder.status()).isEqualTo(200);
		assertThat(reminder.json().path("message").asString()).isEqualTo("Appointment reminder sent successfully");

		var history = http.get("/mibo/api/notifications/history?patientId=" + patient.id()).token(admin).send();
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.data().size()).isEqualTo(2);
		assertThat(keys(history.data().get(0))).containsExactly("appointmentId", "id", "notificationType", "patientId",
				"sentAt", "status");
		assertThat(history.data().get(0).path("notificationType").asString()).isEqualTo("APPOINTMENT_REMINDER");
		assertThat(history.data().get(1).path("notificationType").asString()).isEqualTo("APPOINTMENT_CONFIRMATION");
		assertThat(history.data().get(1).path("status").asString()).isEqualTo("SENT");

		var filtered = http.get("/mibo/api/notifications/history?patientId=" + patient.id()
				+ "&notificationType=APPOINTMENT_CONFIRMATION&status=SENT&startDate=" + LocalDate.now().minusDays(1)
				+ "&endDate=" + LocalDate.now().plusDays(1) + "&limit=10").token(admin).send();
		assertThat(filtered.data().size()).isEqualTo(1);
		assertThat(http.get("/mibo/api/notifications/history?patientId=" + patient.id() + "&endDate="
				+ LocalDate.now().minusDays(2)).token(admin).send().data().size()).isZero();

		long id = history.data().get(1).path("id").asLong();
		var one = http.get("/mibo/api/notifications/" + id).token(mibo.staff(4).token()).send();
		assertThat(one.status()).isEqualTo(200);
		assertThat(keys(one.data())).containsExactly("appointmentId", "channel", "createdAt", "failureReason", "id",
				"message", "notificationType", "patientId", "recipient", "sentAt", "status");
		assertThat(one.data().path("recipient").asString()).isEqualTo(patient.phone());
		// reading who was told what about a patient is on the audit trail
		assertThat(trail.of("NOTIFICATION", String.valueOf(id), 5, Actor.system())).extracting(AuditTrail.Entry::action)
			.containsExactly("READ");
	}

	@Test
	void statsCountSentAndFailedByType() {
		String admin = mibo.adminToken();
		http.post("/mibo/api/notifications/appointment-confirmation", Map.of("appointmentId", appointment.id()))
			.token(admin).send();

		var stats = http.get("/mibo/api/notifications/stats?startDate=" + LocalDate.now().minusDays(1) + "&endDate="
				+ LocalDate.now()).token(admin).send();
		assertThat(stats.status()).isEqualTo(200);
		assertThat(keys(stats.data())).containsExactly("byType", "successRate", "totalFailed", "totalSent");
		assertThat(stats.data().path("totalSent").asLong()).isPositive();
		assertThat(stats.data().path("byType").path("APPOINTMENT_CONFIRMATION").asLong()).isPositive();
		var empty = http.get("/mibo/api/notifications/stats?startDate=2001-01-01&endDate=2001-01-31").token(admin).send();
		assertThat(empty.data().path("totalSent").asLong()).isZero();
		assertThat(empty.data().path("successRate").asDouble()).isZero();
	}

	@Test
	void badInputsAndAccess() {
		String admin = mibo.adminToken();
		var missing = http.post("/mibo/api/notifications/appointment-confirmation", Map.of()).token(admin).send();
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("error").path("details").path("appointmentId").asString())
			.isEqualTo("Appointment id is required");
		assertThat(http.post("/mibo/api/notifications/appointment-confirmation", Map.of("appointmentId", 987654321))
			.token(admin).send().status()).isEqualTo(404);
		var badType = http.get("/mibo/api/notifications/history?notificationType=PIGEON").token(admin).send();
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(http.get("/mibo/api/notifications/stats?startDate=yesterday").token(admin).send().status())
			.isEqualTo(400);
		assertThat(http.get("/mibo/api/notifications/999999999").token(admin).send().status()).isEqualTo(404);

		String frontDesk = mibo.staff(6).token();
		assertThat(http.post("/mibo/api/notifications/appointment-reminder", Map.of("appointmentId", appointment.id()))
			.token(frontDesk).send().status()).isEqualTo(403);
		assertThat(http.get("/mibo/api/notifications/history").token(frontDesk).send().status()).isEqualTo(403);
		assertThat(http.get("/mibo/api/notifications/stats").token(frontDesk).send().status()).isEqualTo(403);
		assertThat(http.get("/mibo/api/notifications/1").token(frontDesk).send().status()).isEqualTo(403);
		assertThat(http.get("/mibo/api/notifications/history").send().status()).isEqualTo(401);
	}

}
