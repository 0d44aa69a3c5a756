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
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;

class PaymentLinksTests extends BillingTest {

	record Linked(BillingFixture.Patient patient, Appointment appointment, SentPaymentLink sent) {

		long appointmentId() {
			return appointment.id();
		}
	}

	Linked linked() {
		var patient = fixture.patient();
		var appointment = fixture.appointment(patient);
		SentPaymentLink sent = links.send(new LinkRequest(Ref.id(appointment.id()), 150_000L, "Jane Smith",
				patient.phone(), "jane@example.com", null, null), OFFLINE, fixture.actor(Role.FRONT_DESK));
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
		Payment payment = queries.latestOf(Ref.id(l.appointmentId()), l.patient().actor()).orElseThrow();
		assertThat(payment.id()).isEqualTo(link.paymentId());
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payment.orderId()).isNull();
	}

	@Test
	void whatTheRequestLeavesOutComesFromTheAppointmentAndItsPatient() {
		var patient = fixture.patient();
		var appointment = fixture.appointment(patient);

		var sent = links.send(LinkRequest.of(Ref.of(appointment.publicId())), OFFLINE, fixture.actor(Role.ADMIN));

		assertThat(sent.link().amountMinor()).isEqualTo(appointment.feeMinor());
		assertThat(sent.sent()).isTrue();
		assertThat(jdbc.sql("SELECT body FROM deliveries WHERE recipient = ? AND kind = 'PAYMENT_LINK'")
			.param(patient.phone()).query(String.class).single()).contains(patient.patient().fullName());
	}

	@Test
	void verifyingAnUnpaidLinkAnswersItsState() {
		var l = linked();

		PaymentLink link = links.refresh(OFFLINE, l.sent().link().linkId(), l.patient().actor());

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

		PaymentLink link = links.refresh(OFFLINE, linkId, fixture.actor(Role.CARE_COORDINATOR));
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

		PaymentLink link = links.refresh(OFFLINE, l.sent().link().linkId(), l.patient().actor());

		assertThat(link.status().value()).isEqualTo("expired");
	}

	@Test
	void onlyStaffCreateLinks_andOnlyTheirOwnPatientVerifiesOne() {
		var l = linked();
		var stranger = fixture.patient();

		assertThatThrownBy(() -> links.send(LinkRequest.of(Ref.id(l.appointmentId())), OFFLINE, l.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> links.refresh(OFFLINE, l.sent().link().linkId(), stranger.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> links.refresh(OFFLINE, l.sent().link().linkId(), fixture.actor(Role.CLINICIAN)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void anUnknownLinkIsNotFound() {
		assertThatThrownBy(() -> links.refresh(OFFLINE, "plink_UnknownUnknown", fixture.actor(Role.ADMIN)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void badLinkRequestsAreValidationErrors() {
		var patient = fixture.patient();
		var appointment = Ref.id(fixture.appointment(patient).id());
		var staff = fixture.actor(Role.FRONT_DESK);

		assertThatThrownBy(() -> links.send(new LinkRequest(appointment, 100L, "Jane", "12", null, null, null), OFFLINE,
				staff))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerPhone"));
		assertThatThrownBy(() -> links.send(new LinkRequest(appointment, 100L, "Jane", patient.phone(), "not-an-email",
				null, null), OFFLINE, staff))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerEmail"));
		assertThatThrownBy(() -> links.send(new LinkRequest(appointment, 100L, " ", patient.phone(), null, null, null),
				OFFLINE, staff))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("customerName"));
		assertThatThrownBy(() -> links.send(new LinkRequest(appointment, 100L, "Jane", patient.phone(), null, null,
				Duration.ofMinutes(5)), OFFLINE, staff))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("validFor"));
		assertThatThrownBy(() -> links.send(new LinkRequest(appointment, -5L, "Jane", patient.phone(), null, null, null),
				OFFLINE, staff))
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
