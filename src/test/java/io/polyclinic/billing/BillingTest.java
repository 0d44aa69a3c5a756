package io.polyclinic.billing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;

/**
 * Billing's module tests: the shared application (offline provider, demo mode), the rows payments point to made by
 * {@link BillingFixture}, signatures computed with the offline secrets, and the billing events of each test caught as
 * they are published (whatever thread publishes them).
 */
abstract class BillingTest extends ApiTest {

	@Autowired
	Payments payments;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BillingProperties billing;
	@Autowired
	ConfigurableApplicationContext context;

	BillingFixture fixture;
	Published published;

	@BeforeEach
	void billingSetUp() {
		fixture = new BillingFixture(jdbc);
		published = new Published();
		context.addApplicationListener(published);
	}

	@AfterEach
	void billingTearDown() {
		context.removeApplicationListener(published);
	}

	static final class Published implements ApplicationListener<ApplicationEvent> {
		final List<Object> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> p
					&& (p.getPayload() instanceof PaymentSucceeded || p.getPayload() instanceof PaymentFailed)) {
				events.add(p.getPayload());
			}
		}

		List<PaymentSucceeded> succeeded(long paymentId) {
			return events.stream().filter(PaymentSucceeded.class::isInstance).map(PaymentSucceeded.class::cast)
				.filter(e -> e.paymentId() == paymentId).toList();
		}

		List<PaymentFailed> failed(long paymentId) {
			return events.stream().filter(PaymentFailed.class::isInstance).map(PaymentFailed.class::cast)
				.filter(e -> e.paymentId() == paymentId).toList();
		}
	}

	/** A patient with one appointment, and an order for it of ₹1,500. */
	record Ordered(BillingFixture.Patient patient, long appointmentId, PaymentOrder order) {
	}

	Ordered ordered() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);
		PaymentOrder order = payments.createOrder(patient.actor(),
				new NewOrder(appointment, patient.id(), 150_000, null));
		return new Ordered(patient, appointment, order);
	}

	String checkoutSignature(String orderId, String paymentId) {
		return Signatures.checkoutSignature(orderId, paymentId, billing.offline().keySecret());
	}

	String webhookSignature(String body) {
		return Signatures.webhookSignature(body.getBytes(StandardCharsets.UTF_8), billing.offline().webhookSecret());
	}

	WebhookResult webhook(String body, @Nullable String eventId) {
		return payments.handleWebhook(body.getBytes(StandardCharsets.UTF_8), webhookSignature(body), eventId);
	}

	Payment payment(long paymentId) {
		return payments.ofPatient(fixture.actor(Role.ADMIN), patientOf(paymentId), org.springframework.data.domain.Pageable.ofSize(100))
			.stream().filter(p -> p.id() == paymentId).findFirst().orElseThrow();
	}

	private long patientOf(long paymentId) {
		return jdbc.sql("SELECT patient_id FROM payments WHERE id = ?").param(paymentId).query(Long.class).single();
	}

	static String newPaymentId() {
		return io.polyclinic.billing.internal.OfflineGateway.newId("pay");
	}

	/** A payment event as Razorpay sends it (the documented payload, trimmed to what matters). */
	static String paymentEvent(String event, String paymentId, String orderId, String status, String method,
			@Nullable String error) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"%s","contains":["payment"],
				 "payload":{"payment":{"entity":{"id":"%s","entity":"payment","amount":150000,"currency":"INR",
				 "status":"%s","order_id":"%s","invoice_id":null,"international":false,"method":"%s",
				 "amount_refunded":0,"refund_status":null,"captured":%s,"description":"Consultation",
				 "email":"gaurav.kumar@example.com","contact":"+919876543210","notes":[],"fee":null,"tax":null,
				 "error_code":%s,"error_description":%s,"created_at":1567674599}}},"created_at":1567674606}"""
			.formatted(event, paymentId, status, orderId, method, "captured".equals(status),
					error == null ? "null" : "\"BAD_REQUEST_ERROR\"", error == null ? "null" : "\"" + error + "\"");
	}
}
