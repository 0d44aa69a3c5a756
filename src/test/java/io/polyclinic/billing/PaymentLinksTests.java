package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;

class PaymentLinksTests extends BillingTest {

	record Linked(BillingFixture.Patient patient, long appointmentId, SentPaymentLink sent) {
	}

	Linked linked() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);
		SentPaymentLink sent = payments.createLink(fixture.actor(Role.FRONT_DESK), new NewPaymentLink(appointment,
				patient.id(), 150_000, "Jane Smith", patient.phone(), "jane@example.com"));
		return new Linked(patient, appointment, sent);
	}

	@Test
	void aLinkIsCreatedOnTheClinicsAddressAndSentOverWhatsApp() {
		Instant before = Instant.now();
		var l = linked();
		PaymentLink link = l.sent().link();

		assertThat(link.linkId()).matches("plink_[0-9A-Za-z]{14}");
		assertThat(link.shortUrl()).isEqualTo("http://localhost:8080/pay/" + link.linkId());
		assertThat(link.status()).isEqualTo(PaymentLinkStatus.CREATED);
		assertThat(link.status().value()).isEqualTo("created");
		assertThat(link.amountMinor()).isEqualTo(150_000);
		assertThat(link.amountPaidMinor()).isZero();
		assertThat(link.expiresAt()).isCloseTo(before.plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));
		assertThat(l.sent().sent()).isTrue();
		var delivery = jdbc.sql("""
				SELECT channel, kind, body, patient_id, appointment_id FROM deliveries
				WHERE recipient = ? AND kind = 'PAYMENT_LINK'""").param(l.patient().phone()).query().singleRow();
		assertThat(delivery.get("channel")).isEqualTo("WHATSAPP");
		assertThat((String) delivery.get("body")).contains(link.shortUrl()).contains("\u20B91500.00").contains("Jane Smith");
		assertThat(((Number) delivery.get("patient_id")).longValue()).isEqualTo(l.patient().id());
		assertThat(((Number) delivery.get("appointment_id")).longValue()).isEqualTo(l.appointmentId());
		Payment payment = payments.latestForAppointment(l.patient().actor(), l.patient().id(), l.appointmentId())
			.orElseThrow();
		assertThat(payment.id()).isEqualTo(link.paymentId());
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payment.orderId()).isNull();
	}

	@Test
	void verifyingAnUnpaidLinkAnswersItsState() {
		var l = linked();

		PaymentLink link = payments.verifyLink(l.patient().actor(), l.patient().id(), l.sent().link().linkId());

		assertThat(link.status().value()).isEqualTo("created");
		assertThat(link.amountPaidMinor()).isZero();
	}

	@Test
	void paymentLinkPaidMarksTheLinkPaidAndSettlesItsPaymentOnce() {
		var l = linked();
		String linkId = l.sent().link().linkId();
		String paymentId = newPaymentId();
		String orderId = OfflineGateway.newId("order");
		String body = linkPaidEvent(linkId, paymentId, orderId);

		assertThat(webhook(body, OfflineGateway.newId("evt"))).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(paymentEvent("payment.captured", paymentId, orderId, "captured", "upi", null), null))
			.isEqualTo(WebhookResult.IGNORED);

		PaymentLink link = payments.verifyLink(fixture.actor(Role.CARE_COORDINATOR), null, linkId);
		assertThat(link.status().value()).isEqualTo("paid");
		assertThat(link.amountPaidMinor()).isEqualTo(150_000);
		Payment payment = payment(link.paymentId());
		assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(payment.providerPaymentId()).isEqualTo(paymentId);
		assertThat(payment.orderId()).isEqualTo(orderId);
		assertThat(payment.method()).isEqualTo("UPI");
		assertThat(published.succeeded(payment.id())).hasSize(1);
	}

	@Test
	void anUnpaidOfflineLinkPastItsExpiryIsExpired() {
		var l = linked();
		jdbc.sql("UPDATE payment_links SET expires_at = ? WHERE provider_link_id = ?")
			.params(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC), l.sent().link().linkId()).update();

		PaymentLink link = payments.verifyLink(l.patient().actor(), l.patient().id(), l.sent().link().linkId());

		assertThat(link.status().value()).isEqualTo("expired");
	}

	@Test
	void onlyStaffCreateLinks_andOnlyTheirOwnPatientVerifiesOne() {
		var l = linked();
		var stranger = fixture.patient();

		assertThatThrownBy(() -> payments.createLink(l.patient().actor(), new NewPaymentLink(l.appointmentId(),
				l.patient().id(), 100, "Jane", l.patient().phone(), null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> payments.verifyLink(stranger.actor(), stranger.id(), l.sent().link().linkId()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> payments.verifyLink(fixture.actor(Role.CLINICIAN), null, l.sent().link().linkId()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void anUnknownLinkIsNotFound() {
		assertThatThrownBy(() -> payments.verifyLink(fixture.actor(Role.ADMIN), null, "plink_UnknownUnknown"))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void badLinkRequestsAreValidationErrors() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);
		var staff = fixture.actor(Role.FRONT_DESK);

		assertThatThrownBy(() -> payments.createLink(staff,
				new NewPaymentLink(appointment, patient.id(), 100, "Jane", "12", null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerPhone"));
		assertThatThrownBy(() -> payments.createLink(staff,
				new NewPaymentLink(appointment, patient.id(), 100, "Jane", patient.phone(), "not-an-email")))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerEmail"));
		assertThatThrownBy(() -> payments.createLink(staff,
				new NewPaymentLink(appointment, patient.id(), 100, " ", patient.phone(), null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerName"));
		assertThatThrownBy(() -> payments.createLink(staff, new NewPaymentLink(appointment, patient.id(), 100, null,
				"Jane", patient.phone(), null, null, Duration.ofMinutes(5))))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("validFor"));
		assertThatThrownBy(() -> payments.createLink(staff,
				new NewPaymentLink(appointment, patient.id(), -5, "Jane", patient.phone(), null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
	}

	/** Razorpay's documented payment_link.paid payload, trimmed to what matters. */
	static String linkPaidEvent(String linkId, String paymentId, String orderId) {
		return """
				{"account_id":"acc_DKoeHMNpi0nC7k","contains":["payment","order","payment_link"],"created_at":1596890208,
				 "entity":"event","event":"payment_link.paid","payload":{
				 "order":{"entity":{"amount":150000,"amount_due":0,"amount_paid":150000,"attempts":1,"currency":"INR",
				   "entity":"order","id":"%3$s","receipt":"242324","status":"paid"}},
				 "payment":{"entity":{"amount":150000,"captured":true,"currency":"INR","entity":"payment","id":"%2$s",
				   "method":"upi","order_id":"%3$s","status":"captured","error_description":null}},
				 "payment_link":{"entity":{"accept_partial":false,"amount":150000,"amount_paid":150000,"currency":"INR",
				   "id":"%1$s","order_id":"%3$s","short_url":"https://rzp.io/i/nxrHnLJ","status":"paid"}}}}"""
			.formatted(linkId, paymentId, orderId);
	}
}
