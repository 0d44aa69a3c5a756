package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

class AppointmentMessagesTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aConfirmedOnlineAppointmentIsAnnouncedOverWhatsAppWithClinicianTimeAndLink() {
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		var patient = clinic.patient();
		var day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY);
		var appointment = book.book(new BookingRequest(patient.id(), clinician.id(), null, day, LocalTime.of(10, 0),
				SessionType.ONLINE, null, null), clinic.admin());

		book.confirm(appointment.id());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var messages = http.get("/dev/outbox?to=" + patient.phone().replace("+", "%2B")).send().json();
			assertThat(messages.size()).isPositive();
			var message = messages.get(0);
			assertThat(message.path("channel").asString()).isEqualTo("WHATSAPP");
			assertThat(message.path("body").asString()).contains(clinician.fullName())
				.contains(day.getDayOfMonth() + " ").contains("10:00 AM").contains("/video/rooms/");
		});
		// the event publication was completed, so a restart would not send it again
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%\"appointmentId\":" + appointment.id() + ",%")
			.query(Long.class)
			.single() == 0);
	}
}
