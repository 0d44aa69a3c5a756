package io.polyclinic.faces.sos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.StripeApiTest;
import io.polyclinic.support.StripeStub;
import tools.jackson.databind.JsonNode;

/**
 * A tourist's whole visit through the sos face, as its clients make it: sign-up by email code, a doctor found in the
 * list, a booking on the doctor's clock in another zone, payment through Stripe (the stub of its API) settled by its
 * webhook, the confirmation message, a medical record from the doctor, and half the fee given back by the
 * administrator.
 */
class SosStoryTests extends StripeApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	PatientRegistry patients;
	@Autowired
	Availability availability;
	@Autowired
	Accounts accounts;
	@Autowired
	Clock clock;

	@Test
	void aTouristSignsUpBooksPaysIsTreatedAndGetsHalfBack() throws Exception {
		var fixture = new SosPeopleFixture(clinic, clinicians, patients, availability, accounts);
		String specialty = "Travel Medicine " + System.nanoTime();
		var doctor = fixture.doctor("Dr. Lina Mauritius", specialty, "Indian/Mauritius", "eur", List.of("English", "French"));
		String admin = SosPeopleFixture.adminToken(http);

		// sign-up: the first code to an unknown address makes a patient
		String email = "tourist" + System.nanoTime() + "@travel.example";
		assertThat(http.post("/sos/api/v1/auth/email/send-otp", Map.of("email", email)).send().status()).isEqualTo(200);
		var signedUp = http.post("/sos/api/v1/auth/email/verify-otp", Map.of("email", email, "token",
				code(outbox(email).get(0)))).send();
		assertThat(signedUp.status()).isEqualTo(200);
		assertThat(signedUp.json().path("user").path("role").asString()).isEqualTo("patient");
		String tourist = signedUp.json().path("access_token").asString();

		// finds the doctor, and their hours
		var found = http.get("/sos/api/v1/doctors?specialisation=" + URLEncoder.encode(specialty, StandardCharsets.UTF_8))
			.token(tourist).send().json().path("doctors");
		assertThat(found.size()).isEqualTo(1);
		String doctorId = found.get(0).path("id").asString();
		var day = Clinic.nextWeekday(ZoneId.of("Indian/Mauritius"), DayOfWeek.TUESDAY);
		var hours = http.get("/sos/api/v1/availabilities?doctorId=" + doctorId + "&startDate=" + day + "&endDate=" + day)
			.token(tourist).send().json().path("availabilities");
		assertThat(hours.get(0).path("start_time").asString()).isEqualTo("09:00:00");

		// books 10:00-10:30 on the doctor's clock (Mauritius), whatever the tourist's own zone
		var booked = http.post("/sos/api/v1/appointments", Map.of("doctor_id", doctorId, "date", day.toString(),
				"start_time", "10:00:00", "end_time", "10:30:00", "consultation_type", "video", "symptoms",
				List.of("fever", "sunburn"))).token(tourist).send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		var appointment = booked.json().path("appointment");
		assertThat(appointment.path("status").asString()).isEqualTo("pending_payment");
		assertThat(appointment.path("start_time").asString()).isEqualTo("10:00:00");
		String appointmentId = appointment.path("id").asString();

		// pays the doctor's fee (80.00 EUR) through Stripe; the webhook settles it
		String intent = StripeStub.newIntentId();
		StripeStub.creates(intent, 8_000, "eur");
		var created = http.post("/sos/api/v1/payments", Map.of("appointment_id", appointmentId, "amount", 80,
				"currency", "eur")).token(tourist).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String paymentId = created.json().path("paymentId").asString();
		StripeStub.confirms(intent, "processing", null);
		assertThat(http.post("/sos/api/v1/payments/" + paymentId + "/confirm", Map.of("providerPayload",
				Map.of("payment_method", "pm_card_visa"))).token(tourist).send().status()).isEqualTo(200);
		String event = StripeStub.intentEvent("evt_" + intent, "payment_intent.succeeded", intent, "ch_" + intent, null);
		var hook = http.post("/sos/api/v1/payments/webhook", event)
			.header("Stripe-Signature", StripeStub.signature(event, clock.instant())).send();
		assertThat(hook.status()).isEqualTo(200);
		assertThat(http.get("/sos/api/v1/payments/" + paymentId).token(tourist).send().json().path("payment")
			.path("status").asString()).isEqualTo("succeeded");

		// the appointment reads paid, and the confirmation reaches the tourist
		JsonNode shown = await(() -> http.get("/sos/api/v1/appointments/" + appointmentId).token(tourist).send().json()
			.path("appointment"), a -> a.path("status").asString().equals("confirmed"));
		assertThat(shown.path("status").asString()).isEqualTo("confirmed");
		JsonNode confirmation = await(() -> outbox(email), m -> m.valueStream()
			.anyMatch(x -> x.path("body").asString().contains("confirmed")));
		assertThat(confirmation.valueStream().anyMatch(x -> x.path("body").asString().contains("confirmed"))).isTrue();

		// the doctor writes a record the tourist sees
		String doctorToken = SosPeopleFixture.token(http, doctor.email(), SosPeopleFixture.PASSWORD);
		String touristId = signedUp.json().path("user").path("id").asString();
		var record = http.post("/sos/api/v1/medical-records", Map.of("user_id", touristId, "appointment_id",
				appointmentId, "record_type", "diagnosis", "title", "Mild sunstroke", "diagnosis", "Heat exhaustion",
				"medications", Map.of("paracetamol", "500 mg every 6 hours"))).token(doctorToken).send();
		assertThat(record.status()).as(record.body()).isEqualTo(201);
		var mine = http.get("/sos/api/v1/medical-records").token(tourist).send().json();
		assertThat(mine.path("records").get(0).path("title").asString()).isEqualTo("Mild sunstroke");

		// the administrator gives half the fee back
		StripeStub.refunds("re_half_" + intent, 4_000, "succeeded");
		var refund = http.post("/sos/api/v1/payments/" + paymentId + "/refund", Map.of("amount", 40, "reason",
				"Visit shortened")).token(admin).send();
		assertThat(refund.status()).as(refund.body()).isEqualTo(200);
		assertThat(refund.json().path("payment").path("status").asString()).isEqualTo("partially_refunded");
		assertThat(refund.json().path("payment").path("refund_amount").decimalValue()).isEqualByComparingTo("40");
		assertThat(refund.json().path("refund").path("id").asString()).isEqualTo("re_half_" + intent);
	}

	private JsonNode outbox(String to) {
		return http.get("/dev/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).send().json();
	}

	private static String code(JsonNode message) {
		var matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(message.path("body").asString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static JsonNode await(java.util.function.Supplier<JsonNode> read,
			java.util.function.Predicate<JsonNode> done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode now = read.get();
		while (!done.test(now) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			now = read.get();
		}
		return now;
	}
}
