package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.SignIn;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

class MiboPaymentTests extends ApiTest {

	static final String KEY_SECRET = "polyclinic-offline-demo-key-secret";
	static final String WEBHOOK_SECRET = "polyclinic-offline-demo-webhook-secret";

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;

	Clinician clinician;
	Patient patient;
	String patientToken;
	Appointment appointment;

	@BeforeEach
	void anAppointmentToPayFor() {
		clinician = clinic.clinician(null, "Asia/Kolkata");
		patient = clinic.patient();
		patientToken = sessions.start(patient.userId()).tokens().accessToken();
		appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY), LocalTime.of(11, 0)),
				SessionType.ONLINE, null, null), clinic.admin()).appointment();
	}

	@Test
	void aPatientOrdersPaysAndTheAppointmentIsConfirmed() {
		var order = http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id(), "amount", 1500))
			.token(patientToken).send();
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
		assertThat(keys(order.data())).containsExactly("amount", "currency", "orderId", "razorpayKeyId");
		assertThat(order.data().path("amount").asLong()).isEqualTo(1500);
		assertThat(order.data().path("currency").asString()).isEqualTo("INR");
		String orderId = order.data().path("orderId").asString();

		var forged = http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", orderId, "razorpayPaymentId",
				"pay_forged1", "razorpaySignature", "0".repeat(64), "appointmentId", appointment.id()))
			.token(patientToken).send();
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.json().path("error").path("code").asString()).isEqualTo("PAYMENT_FAILED");

		String paymentId = "pay_" + appointment.id() + "abc";
		var verified = http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", orderId, "razorpayPaymentId",
				paymentId, "razorpaySignature", hmac(KEY_SECRET, orderId + "|" + paymentId), "appointmentId",
				appointment.id())).token(patientToken).send();
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.json().path("message").asString()).isEqualTo("Payment verified successfully");
		assertThat(keys(verified.data())).containsExactly("paymentId", "status");
		assertThat(verified.data().path("status").asString()).isEqualTo("PAID");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> book.require(appointment.id()).status() == AppointmentStatus.CONFIRMED);

		var details = http.get("/mibo/api/payments/" + appointment.id()).token(patientToken).send();
		assertThat(details.status()).isEqualTo(200);
		assertThat(keys(details.data())).containsExactly("amount", "appointmentId", "paidAt", "paymentMethod", "status",
				"transactionId");
		assertThat(details.data().path("transactionId").asString()).isEqualTo(paymentId);

		var history = http.get("/mibo/api/payments/history").token(patientToken).send();
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.data().size()).isEqualTo(1);
		assertThat(keys(history.data().get(0))).containsExactly("amount", "appointmentId", "clinicianName", "paidAt",
				"status");
		assertThat(history.data().get(0).path("clinicianName").asString()).isEqualTo(clinician.fullName());

		var dashboard = http.get("/mibo/api/patient/dashboard").token(patientToken).send();
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(keys(dashboard.data())).containsExactly("patient", "recentPayments", "statistics",
				"totalAppointments", "totalSpent", "upcomingAppointments");
		assertThat(dashboard.data().path("totalSpent").asLong()).isEqualTo(1500);
		assertThat(dashboard.data().path("totalAppointments").asLong()).isEqualTo(1);
		assertThat(keys(dashboard.data().path("upcomingAppointments").get(0))).containsExactly("appointmentDate",
				"appointmentTime", "appointment_type", "centre_name", "clinicianName", "clinician_name",
				"duration_minutes", "id", "scheduled_end_at", "scheduled_start_at", "sessionType", "status");
		assertThat(dashboard.data().path("upcomingAppointments").get(0).path("appointmentTime").asString())
			.isEqualTo("11:00:00");

		var payments = http.get("/mibo/api/patient/payments").token(patientToken).send();
		assertThat(payments.status()).isEqualTo(200);
		assertThat(keys(payments.data().get(0))).containsExactly("amount", "appointmentId", "clinicianName", "paidAt",
				"paymentMethod", "status");
	}

	@Test
	void aCapturedPaymentWebhookPaysOnceAndAForgedOneIsRefused() {
		String orderId = http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id()))
			.token(patientToken).send().data().path("orderId").asString();
		String body = "{\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_wh"
				+ appointment.id() + "\",\"order_id\":\"" + orderId + "\",\"status\":\"captured\",\"method\":\"upi\"}}}}";

		var forged = http.post("/mibo/api/payments/webhook", body).header("X-Razorpay-Signature", hmac("wrong", body))
			.send();
		assertThat(forged.status()).isEqualTo(400);
		assertThat(forged.json().path("success").asBoolean()).isFalse();

		String signature = hmac(WEBHOOK_SECRET, body);
		var first = http.post("/mibo/api/payments/webhook", body).header("X-Razorpay-Signature", signature)
			.header("X-Razorpay-Event-Id", "evt_" + appointment.id()).send();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("success").asBoolean()).isTrue();
		var second = http.post("/mibo/api/payments/webhook", body).header("X-Razorpay-Signature", signature)
			.header("X-Razorpay-Event-Id", "evt_" + appointment.id()).send();
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.data().path("result").asString()).isEqualTo("DUPLICATE");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> book.require(appointment.id()).status() == AppointmentStatus.CONFIRMED);
		assertThat(http.get("/mibo/api/payments/" + appointment.id()).token(patientToken).send().data().path("status")
			.asString()).isEqualTo("PAID");
	}

	@Test
	void staffSendAPaymentLinkOverWhatsApp() {
		String frontDesk = new MiboClient(http).staff(6).token();

		var link = http.post("/mibo/api/payments/create-link", Map.of("appointmentId", appointment.id(), "amount", 1500,
				"customerName", patient.fullName(), "customerPhone", patient.phone())).token(frontDesk).send();
		assertThat(link.status()).as(link.toString()).isEqualTo(200);
		assertThat(link.json().path("message").asString()).isEqualTo("Payment link created and sent via WhatsApp");
		assertThat(keys(link.data())).containsExactly("expiresAt", "paymentLinkId", "shortUrl");
		String shortUrl = link.data().path("shortUrl").asString();
		var outbox = http.get("/dev/outbox?to=" + patient.phone().replace("+", "%2B")).send().json();
		assertThat(outbox.get(0).path("channel").asString()).isEqualTo("WHATSAPP");
		assertThat(outbox.get(0).path("body").asString()).contains(shortUrl);

		var status = http.get("/mibo/api/payments/verify/" + link.data().path("paymentLinkId").asString())
			.token(frontDesk).send();
		assertThat(status.status()).isEqualTo(200);
		assertThat(keys(status.data())).containsExactly("amountPaid", "paymentLinkId", "status");
		assertThat(status.data().path("status").asString()).isEqualTo("created");
		assertThat(status.data().path("amountPaid").asLong()).isZero();

		// patients and clinicians do not send payment links
		assertThat(http.post("/mibo/api/payments/create-link", Map.of("appointmentId", appointment.id()))
			.token(patientToken).send().status()).isEqualTo(403);
	}

	@Test
	void accessAndValidation() {
		var other = clinic.patient();
		String otherToken = sessions.start(other.userId()).tokens().accessToken();
		var denied = http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id()))
			.token(otherToken).send();
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(http.get("/mibo/api/payments/" + appointment.id()).token(otherToken).send().status()).isEqualTo(403);

		String clinicianToken = sessions.start(clinician.userId()).tokens().accessToken();
		assertThat(http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id()))
			.token(clinicianToken).send().status()).isEqualTo(403);
		assertThat(http.post("/mibo/api/payments/create-order", Map.of("appointmentId", appointment.id())).send()
			.status()).isEqualTo(401);

		var missing = http.post("/mibo/api/payments/create-order", Map.of("amount", 1500)).token(patientToken).send();
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("error").path("details").path("appointmentId").asString())
			.isEqualTo("Appointment id is required");
		var wrongAmount = http.post("/mibo/api/payments/create-order",
				Map.of("appointmentId", appointment.id(), "amount", 1)).token(patientToken).send();
		assertThat(wrongAmount.status()).isEqualTo(400);
		assertThat(wrongAmount.json().path("error").path("details").path("amount").asString()).contains("1500");
		var noPayment = http.get("/mibo/api/payments/" + appointment.id()).token(patientToken).send();
		assertThat(noPayment.status()).isEqualTo(404);
		assertThat(http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", "x")).token(patientToken).send()
			.status()).isEqualTo(400);
		assertThat(http.get("/mibo/api/payments/history").token(new MiboClient(http).adminToken()).send().status())
			.isEqualTo(400);
	}

	static String hmac(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
