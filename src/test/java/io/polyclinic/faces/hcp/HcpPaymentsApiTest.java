package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The payment endpoints' tests: appointments booked through scheduling's API (the appointment endpoints are another
 * part's), paid by webhooks signed as the offline provider signs them — Razorpay's HMAC-SHA256 over the raw body.
 */
abstract class HcpPaymentsApiTest extends HcpApiTest {

	static final String PAYMENTS = API + "/payments";
	private static final AtomicInteger HOURS = new AtomicInteger();

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;
	@Autowired
	BillingProperties billing;
	@Autowired
	JdbcClient jdbc;

	/** An appointment of the patient with the doctor (fee ₹1500) on a weekday hour of their own, booked by staff. */
	long appointment(HcpPeople.Person patient, HcpPeople.Person doctor) {
		int n = HOURS.getAndIncrement();
		var day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY).plusDays(n / 8 % 5)
			.plusWeeks(n / 40);
		long patientId = patients.forUser(patient.id()).orElseThrow().id();
		return book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patientId)),
				Ref.id(doctor.doctorId()), null, new AppointmentRequest.GridSlot(day, LocalTime.of(9 + n % 8, 0)),
				SessionType.ONLINE, null, null), clinic.admin()).appointment().id();
	}

	Http.Res intent(HcpPeople.Person patient, long appointment) {
		return http.post(PAYMENTS + "/intent/", java.util.Map.of("appointment_id", appointment)).token(patient.token())
			.send();
	}

	/** The intent's payment, paid: Razorpay's {@code payment.captured} for its order, signed with the offline secret. */
	JsonNode paid(HcpPeople.Person patient, long appointment) {
		JsonNode intent = data(intent(patient, appointment), 200);
		String body = captured("pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14),
				intent.path("order_id").asString());
		Http.Res res = razorpayWebhook(body, null);
		assertThat(data(res, 200).path("result").asString()).isEqualTo("processed");
		return intent;
	}

	Http.Res razorpayWebhook(String body, String eventId) {
		var call = http.post(PAYMENTS + "/webhooks/", body).header("X-Razorpay-Signature", razorpaySignature(body));
		if (eventId != null) {
			call = call.header("X-Razorpay-Event-Id", eventId);
		}
		return call.send();
	}

	String razorpaySignature(String body) {
		return Signatures.webhookSignature(body.getBytes(StandardCharsets.UTF_8), billing.offline().webhookSecret());
	}

	/** Razorpay's {@code payment.captured} event (its documented payload, trimmed). */
	static String captured(String paymentId, String orderId) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],
				 "payload":{"payment":{"entity":{"id":"%s","entity":"payment","amount":150000,"currency":"INR",
				 "status":"captured","order_id":"%s","method":"upi","amount_refunded":0,"captured":true,
				 "description":"Consultation","notes":[],"created_at":1567674599}}},"created_at":1567674606}"""
			.formatted(paymentId, orderId);
	}

	void awaitStatus(long appointment, AppointmentStatus status) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(20);
		while (book.require(appointment).status() != status && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		assertThat(book.require(appointment).status()).isEqualTo(status);
	}
}
