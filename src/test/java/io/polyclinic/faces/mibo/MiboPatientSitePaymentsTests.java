package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;

/**
 * The patient website's checkout calls beyond mibo.md: the registration fee (none is due) and the report of an
 * abandoned or failed checkout, which marks the order failed and frees the appointment's time.
 */
class MiboPatientSitePaymentsTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	record Booking(long appointmentId, String orderId, String token) {
	}

	Booking bookAndOrder(Clinician clinician, Centre centre, LocalDate day, String time) {
		var given = new AppointmentFixture(clinic, staff, sessions, book, new MiboClient(http));
		String token = given.token(given.patient());
		var booked = http.post("/mibo/api/booking/create", Map.of("clinicianId", clinician.id(), "centreId", centre.id(),
				"appointmentDate", day.toString(), "appointmentTime", time, "sessionType", "IN_PERSON")).token(token).send();
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
		return new Booking(booked.data().path("appointmentId").asLong(), booked.data().path("paymentOrderId").asString(),
				token);
	}

	@Test
	void noRegistrationFeeIsEverDue() {
		var given = new AppointmentFixture(clinic, staff, sessions, book, new MiboClient(http));
		var res = http.get("/mibo/api/payments/registration-fee-status").token(given.token(given.patient())).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("hasPaidRegistrationFee", "registrationFee");
		assertThat(res.data().path("hasPaidRegistrationFee").asBoolean()).isTrue();
		assertThat(res.data().path("registrationFee").asLong()).isZero();
		assertError(http.get("/mibo/api/payments/registration-fee-status").send(), 401, "UNAUTHORIZED");
		assertError(http.get("/mibo/api/payments/registration-fee-status").token(new MiboClient(http).adminToken())
			.send(), 403, "FORBIDDEN");
	}

	@Test
	void anAbandonedCheckoutFailsTheOrderAndFreesTheTime() {
		Centre centre = clinic.centre("Kochi");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);
		Booking first = bookAndOrder(clinician, centre, day, "10:00");

		var res = http.post("/mibo/api/payments/failure", Map.of("appointmentId", first.appointmentId(),
				"razorpayOrderId", first.orderId(), "errorCode", "PAYMENT_CANCELLED", "errorDescription",
				"Checkout closed")).token(first.token()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(book.require(first.appointmentId()).status()).isEqualTo(AppointmentStatus.CANCELLED);
		var payment = http.get("/mibo/api/payments/" + first.appointmentId()).token(first.token()).send();
		assertThat(payment.data().path("status").asString()).as(payment.toString()).isEqualTo("FAILED");
		// the time is free again: another patient books it
		bookAndOrder(clinician, centre, day, "10:00");
	}

	@Test
	void onlyThePatientReportsTheirCheckoutAndABadReportIsRefused() {
		Centre centre = clinic.centre("Pune");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);
		Booking mine = bookAndOrder(clinician, centre, day, "10:00");
		Booking theirs = bookAndOrder(clinician, centre, day, "11:00");

		assertError(http.post("/mibo/api/payments/failure", Map.of("appointmentId", theirs.appointmentId(),
				"razorpayOrderId", theirs.orderId())).token(mine.token()).send(), 403, "FORBIDDEN");
		assertError(http.post("/mibo/api/payments/failure", Map.of("appointmentId", mine.appointmentId(),
				"razorpayOrderId", theirs.orderId())).token(mine.token()).send(), 404, "NOT_FOUND");
		var missing = http.post("/mibo/api/payments/failure", Map.of("appointmentId", mine.appointmentId()))
			.token(mine.token()).send();
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").has("razorpayOrderId")).isTrue();
		assertError(http.post("/mibo/api/payments/failure", Map.of("appointmentId", mine.appointmentId(),
				"razorpayOrderId", mine.orderId())).send(), 401, "UNAUTHORIZED");
		assertThat(book.require(mine.appointmentId()).status()).isEqualTo(AppointmentStatus.PENDING);
		assertThat(book.require(theirs.appointmentId()).status()).isEqualTo(AppointmentStatus.PENDING);
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}
}
