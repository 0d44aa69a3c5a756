package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.SignIn;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * Payment lists of a patient who sees one clinician twice (issue 6, item 11: each of these answered 500, "Duplicate
 * key", from a map of clinicians built per row).
 */
class MiboPaymentListTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;

	@Test
	void aPatientWithTwoPaidAppointmentsWithOneClinicianSeesBothPayments() {
		Clinician clinician = clinic.clinician(null, "Asia/Kolkata");
		Patient patient = clinic.patient();
		String token = sessions.start(patient.userId()).tokens().accessToken();
		var day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.WEDNESDAY);
		Appointment first = book(patient, clinician, day, LocalTime.of(10, 0));
		Appointment second = book(patient, clinician, day, LocalTime.of(12, 0));
		pay(first, token);
		pay(second, token);

		var payments = http.get("/mibo/api/patient/payments").token(token).send();
		assertThat(payments.status()).as(payments.toString()).isEqualTo(200);
		assertThat(payments.data().size()).isEqualTo(2);
		assertThat(payments.data().findValuesAsString("clinicianName")).containsOnly(clinician.fullName());
		assertThat(payments.data().findValues("appointmentId").stream().map(n -> n.asLong()))
			.containsExactlyInAnyOrder(first.id(), second.id());

		var history = http.get("/mibo/api/payments/history").token(token).send();
		assertThat(history.status()).as(history.toString()).isEqualTo(200);
		assertThat(history.data().size()).isEqualTo(2);
		assertThat(history.data().findValuesAsString("clinicianName")).containsOnly(clinician.fullName());

		var staffHistory = http.get("/mibo/api/payments/history?patientId=" + patient.id())
			.token(new MiboClient(http).adminToken()).send();
		assertThat(staffHistory.status()).as(staffHistory.toString()).isEqualTo(200);
		assertThat(staffHistory.data().size()).isEqualTo(2);

		var dashboard = http.get("/mibo/api/patient/dashboard").token(token).send();
		assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
		assertThat(dashboard.data().path("recentPayments").size()).isEqualTo(2);
		assertThat(dashboard.data().path("totalSpent").asLong()).isEqualTo(3000);
		assertThat(dashboard.data().path("upcomingAppointments").size()).isEqualTo(2);
		assertThat(dashboard.data().path("upcomingAppointments").findValuesAsString("clinicianName"))
			.containsOnly(clinician.fullName());
	}

	private Appointment book(Patient patient, Clinician clinician, java.time.LocalDate day, LocalTime time) {
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(day, time), SessionType.ONLINE, null, null),
				clinic.admin()).appointment();
	}

	private void pay(Appointment appointment, String token) {
		var order = http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id()))
			.token(token).send();
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
		String orderId = order.data().path("orderId").asString();
		String paymentId = "pay_list" + appointment.id();
		var verified = http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", orderId, "razorpayPaymentId",
				paymentId, "razorpaySignature", MiboPaymentTests.hmac(MiboPaymentTests.KEY_SECRET, orderId + "|" + paymentId)))
			.token(token).send();
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
	}
}
