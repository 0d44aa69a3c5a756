package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertValidation;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * The admin panel's booking page and front-desk wizard: {@code POST /api/appointments} with the panel's body,
 * {@code POST /api/appointments/{id}/send-payment-link} and {@code POST /api/payment/send-link}.
 */
class MiboAdminPanelBookingTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	MiboClient mibo;
	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		given = new AppointmentFixture(clinic, staff, sessions, book, mibo);
	}

	static String startOf(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(AppointmentFixture.KOLKATA).toInstant().toString();
	}

	// POST /api/appointments with patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, …

	@Test
	void theBookingPageBooksWithItsOwnBody() {
		long centre = clinic.centre("Bangalore").id();
		var clinician = clinic.clinician(centre, AppointmentFixture.KOLKATA.getId());
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		Map<String, Object> body = new HashMap<>(Map.of("patient_id", patient.userId(), "clinician_id", clinician.id(),
				"centre_id", centre, "appointment_type", "IN_PERSON", "scheduled_start_at", startOf(day, 11),
				"duration_minutes", 60, "patient_notes", "Prefers mornings"));
		String desk = given.staffToken(Role.FRONT_DESK);

		var res = http.post("/mibo/api/appointments", body).token(desk).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.data())).containsExactly("appointmentDate", "appointmentTime", "id", "paymentLink",
				"status");
		assertThat(res.data().path("appointmentDate").asString()).isEqualTo(day.toString());
		assertThat(res.data().path("appointmentTime").asString()).isEqualTo("11:00:00");
		var created = book.require(res.data().path("id").asLong());
		assertThat(created.notes()).isEqualTo("Prefers mornings");
		assertThat(created.time()).isEqualTo(LocalTime.of(11, 0));
		assertThat(created.centreId()).isEqualTo(centre);
		// patient_id is the patient's account, as the panel holds it (userId), never the patient's own id
		assertThat(created.patientId()).isEqualTo(patient.id());
		Map<String, Object> byPatientId = new HashMap<>(body);
		byPatientId.put("patient_id", clinician.userId());
		byPatientId.put("scheduled_start_at", startOf(day, 14));
		var notAPatient = http.post("/mibo/api/appointments", byPatientId).token(desk).send();
		assertThat(notAPatient.status()).as(notAPatient.toString()).isEqualTo(404);

		// the same slot again is taken; outside the hours is refused; a malformed start names its field
		var taken = http.post("/mibo/api/appointments", body).token(desk).send();
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		body.put("scheduled_start_at", "next tuesday");
		assertValidation(http.post("/mibo/api/appointments", body).token(desk).send(), "scheduled_start_at",
				"Must be an ISO-8601 date-time with an offset, such as 2030-01-07T04:30:00Z");
		body.put("scheduled_start_at", startOf(day, 12));
		body.put("appointment_type", "FOLLOW_UP");
		assertValidation(http.post("/mibo/api/appointments", body).token(desk).send(), "sessionType",
				"Session type must be ONLINE or IN_PERSON");
		body.put("appointment_type", "IN_PERSON");
		body.put("appointmentDate", day.toString());
		assertValidation(http.post("/mibo/api/appointments", body).token(desk).send(), "scheduled_start_at",
				"Give scheduled_start_at or appointmentDate and appointmentTime, not both");
		body.remove("appointmentDate");
		body.put("duration_minutes", 1);
		assertValidation(http.post("/mibo/api/appointments", body).token(desk).send(), "duration_minutes",
				"Duration must be between 5 and 480 minutes");
		body.put("duration_minutes", 60);
		body.put("source", "ADMIN_FRONT_DESK");
		assertValidation(http.post("/mibo/api/appointments", body).token(desk).send(), "source", "Unknown field");
		body.remove("source");
		assertForbidden(http.post("/mibo/api/appointments", body).token(given.token(clinician)).send());
	}

	@Test
	void thePanelsStartOutsideTheHoursIsRefused() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.WEDNESDAY);
		var res = http.post("/mibo/api/appointments", Map.of("patient_id", patient.userId(), "clinician_id",
				clinician.id(), "appointment_type", "ONLINE", "scheduled_start_at", startOf(day, 20), "duration_minutes",
				60)).token(given.staffToken(Role.ADMIN)).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(409);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("SLOT_UNAVAILABLE");
	}

	// POST /api/appointments/{id}/send-payment-link, POST /api/payment/send-link

	@Test
	void thePanelSendsAPaymentLinkForAnAppointment() {
		var clinician = given.clinician();
		var patient = given.patient();
		var appointment = given.book(patient, clinician, AppointmentFixture.weekday(DayOfWeek.THURSDAY), 10);
		String desk = given.staffToken(Role.FRONT_DESK);

		var sent = http.post("/mibo/api/appointments/" + appointment.id() + "/send-payment-link", Map.of()).token(desk)
			.send();
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(keys(sent.data())).containsExactly("amount", "expiresAt", "paymentLink", "paymentLinkId",
				"shortUrl", "whatsappSent");
		assertThat(sent.data().path("paymentLink").asString()).isEqualTo(sent.data().path("shortUrl").asString())
			.contains("/pay/plink_");
		assertThat(sent.data().path("amount").asLong()).isEqualTo(1500);

		var wizard = http.post("/mibo/api/payment/send-link", Map.of("appointmentId", appointment.id(),
				"patientPhone", patient.phone(), "patientName", "Patient Name")).token(desk).send();
		assertThat(wizard.status()).as(wizard.toString()).isEqualTo(200);
		assertThat(keys(wizard.data())).containsExactly("amount", "expiresAt", "paymentLink", "paymentLinkId",
				"shortUrl", "whatsappSent");
		assertThat(wizard.data().path("amount").asLong()).isEqualTo(1500);

		assertValidation(http.post("/mibo/api/payment/send-link", Map.of("patientPhone", patient.phone()))
			.token(desk).send(), "appointmentId", "Appointment id is required");
		assertValidation(http.post("/mibo/api/payment/send-link", Map.of("appointmentId", appointment.id(),
				"amount", 10)).token(desk).send(), "amount", "Unknown field");
		assertThat(http.post("/mibo/api/appointments/999999999/send-payment-link", Map.of()).token(desk).send()
			.status()).isEqualTo(404);
		// the roles of /api/payments/create-link: not a clinician, not a patient, not anonymous
		assertForbidden(http.post("/mibo/api/payment/send-link", Map.of("bogus", 1)).token(given.token(clinician))
			.send());
		assertForbidden(http.post("/mibo/api/appointments/" + appointment.id() + "/send-payment-link", Map.of())
			.token(given.token(patient)).send());
		assertThat(http.post("/mibo/api/payment/send-link", Map.of("appointmentId", appointment.id())).send().status())
			.isEqualTo(401);
	}
}
