package io.polyclinic.billing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Billing's tests on the shared application (offline provider, demo mode): appointments made through scheduling's
 * API by {@link BillingFixture}, signatures computed with the offline secrets, and the billing events of each test
 * caught as they are published (whatever thread publishes them).
 */
abstract class BillingTest extends ApiTest {

	static final String OFFLINE = PaymentProviders.OFFLINE;

	@Autowired
	Checkout checkout;
	@Autowired
	PaymentLinks links;
	@Autowired
	Webhooks webhooks;
	@Autowired
	Refunds refunds;
	@Autowired
	PaymentQueries queries;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	BillingProperties billing;
	@Autowired
	ConfigurableApplicationContext context;
	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	StaffRegistry staff;

	BillingFixture fixture;
	Published published;

	@BeforeEach
	void billingSetUp() {
		fixture = new BillingFixture(clinic, book, staff);
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
			if (event instanceof PayloadApplicationEvent<?> p && (p.getPayload() instanceof PaymentSucceeded
					|| p.getPayload() instanceof PaymentFailed || p.getPayload() instanceof PaymentRefunded)) {
				events.add(p.getPayload());
			}
		}

		List<PaymentSucceeded> succeeded(long paymentId) {
			return of(PaymentSucceeded.class).stream().filter(e -> e.paymentId() == paymentId).toList();
		}

		List<PaymentFailed> failed(long paymentId) {
			return of(PaymentFailed.class).stream().filter(e -> e.paymentId() == paymentId).toList();
		}

		List<PaymentRefunded> refunded(long paymentId) {
			return of(PaymentRefunded.class).stream().filter(e -> e.paymentId() == paymentId).toList();
		}

		private <T> List<T> of(Class<T> type) {
			return events.stream().filter(type::isInstance).map(type::cast).toList();
		}
	}

	/** A patient with one appointment (fee ₹1,500), and the patient's order for it. */
	record Ordered(BillingFixture.Patient patient, Appointment appointment, PaymentOrder order) {

		long appointmentId() {
			return appointment.id();
		}
	}

	Ordered ordered() {
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		PaymentOrder order = checkout.order(Ref.id(appointment.id()), null, OFFLINE, patient.actor());
		return new Ordered(patient, appointment, order);
	}

	/** A patient's appointment, paid through the checkout. */
	Payment paid(BillingFixture.Patient patient, Appointment appointment) {
		PaymentOrder order = checkout.order(Ref.id(appointment.id()), null, OFFLINE, patient.actor());
		String paymentId = newPaymentId();
		return checkout.verify(OFFLINE, new CheckoutVerification(order.orderId(), paymentId,
				checkoutSignature(order.orderId(), paymentId)), patient.actor());
	}

	String checkoutSignature(String orderId, String paymentId) {
		return Signatures.checkoutSignature(orderId, paymentId, billing.offline().keySecret());
	}

	String webhookSignature(String body) {
		return Signatures.webhookSignature(body.getBytes(StandardCharsets.UTF_8), billing.offline().webhookSecret());
	}

	WebhookResult webhook(String body, @Nullable String eventId) {
		return webhooks.receive(OFFLINE, body.getBytes(StandardCharsets.UTF_8), eventId == null
				? Map.of("X-Razorpay-Signature", webhookSignature(body))
				: Map.of("x-razorpay-signature", webhookSignature(body), "X-Razorpay-Event-Id", eventId));
	}

	/** A payment as staff of the clinic see it. */
	Payment payment(long paymentId) {
		long patient = jdbc.sql("SELECT patient_id FROM payments WHERE id = ?").param(paymentId).query(Long.class)
			.single();
		return queries.ofPatient(Ref.id(patient), PageRequest.of(0, 100), fixture.admin()).stream()
			.map(PaymentEntry::payment).filter(p -> p.id() == paymentId).findFirst().orElseThrow();
	}

	static String newPaymentId() {
		return OfflineGateway.newId("pay");
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

	/** A refund event as Razorpay sends it: {@code refund.processed}, {@code refund.failed}. */
	static String refundEvent(String event, String refundId, String paymentId, long amount, @Nullable String reference) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"%s","contains":["refund","payment"],
				 "payload":{"refund":{"entity":{"id":"%s","entity":"refund","amount":%d,"currency":"INR",
				 "payment_id":"%s","notes":{%s},"receipt":null,"status":"%s","speed_processed":"normal",
				 "created_at":1567674700}},
				 "payment":{"entity":{"id":"%s","entity":"payment","amount":150000,"currency":"INR","status":"captured"}}},
				 "created_at":1567674710}"""
			.formatted(event, refundId, amount, paymentId,
					reference == null ? "" : "\"refund_id\":\"" + reference + "\"",
					event.endsWith("processed") ? "processed" : "failed", paymentId);
	}
}
