package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;

class PaymentOrdersTests extends BillingTest {

	@Test
	void anOrderOpensAPaymentWithTheProvidersOrderId() {
		var o = ordered();

		assertThat(o.order().orderId()).matches("order_[0-9A-Za-z]{14}");
		assertThat(o.order().amountMinor()).isEqualTo(150_000);
		assertThat(o.order().currency()).isEqualTo("INR");
		assertThat(o.order().keyId()).isEqualTo("rzp_test_offline");
		Payment payment = payments.latestForAppointment(o.patient().actor(), o.patient().id(), o.appointmentId())
			.orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payment.orderId()).isEqualTo(o.order().orderId());
		assertThat(payment.provider()).isEqualTo("offline");
		assertThat(payment.patientId()).isEqualTo(o.patient().id());
		assertThat(payment.id()).isEqualTo(o.order().paymentId());
		assertThat(audits("CREATE", payment.id())).isEqualTo(1);
	}

	@Test
	void anOpenOrderOfTheSameAmountIsHandedOutAgain() {
		var o = ordered();

		PaymentOrder again = payments.createOrder(fixture.actor(Role.FRONT_DESK),
				new NewOrder(o.appointmentId(), o.patient().id(), 150_000, "inr"));
		PaymentOrder other = payments.createOrder(fixture.actor(Role.FRONT_DESK),
				new NewOrder(o.appointmentId(), o.patient().id(), 120_000, "INR"));

		assertThat(again.orderId()).isEqualTo(o.order().orderId());
		assertThat(other.orderId()).isNotEqualTo(o.order().orderId());
	}

	@Test
	void aCorrectlySignedCheckoutSettlesThePaymentOnceHoweverOftenItIsVerified() {
		var o = ordered();
		String paymentId = newPaymentId();
		var verification = new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId), o.appointmentId(), null);

		Payment paid = payments.verifyCheckout(o.patient().actor(), o.patient().id(), verification);
		Payment again = payments.verifyCheckout(o.patient().actor(), o.patient().id(), verification);

		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.providerPaymentId()).isEqualTo(paymentId);
		assertThat(paid.method()).isEqualTo("UPI");
		assertThat(paid.paidAt()).isNotNull();
		assertThat(again.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(again.paidAt()).isEqualTo(paid.paidAt());
		var events = published.succeeded(paid.id());
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).isEqualTo(new PaymentSucceeded(paid.id(), o.appointmentId(), o.patient().id(), 150_000,
				"INR", paymentId, paid.paidAt()));
		assertThat(audits("VERIFY", paid.id())).isEqualTo(2);
	}

	@Test
	void offlineCheckoutTakesTheMethodItIsGiven() {
		var o = ordered();
		String paymentId = newPaymentId();

		Payment paid = payments.verifyCheckout(fixture.actor(Role.FRONT_DESK), null, new CheckoutVerification(
				o.order().orderId(), paymentId, checkoutSignature(o.order().orderId(), paymentId), null, "card"));

		assertThat(paid.method()).isEqualTo("CARD");
	}

	@Test
	void aForgedSignatureIsRefusedAndChangesNothing() {
		var o = ordered();
		String paymentId = newPaymentId();
		String forged = checkoutSignature(o.order().orderId(), newPaymentId());

		assertThatThrownBy(() -> payments.verifyCheckout(o.patient().actor(), o.patient().id(),
				new CheckoutVerification(o.order().orderId(), paymentId, forged)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(e.code()).isEqualTo("SIGNATURE_INVALID");
				assertThat(e.getMessage()).containsIgnoringCase("signature is invalid");
			});
		Payment payment = payments.latestForAppointment(o.patient().actor(), o.patient().id(), o.appointmentId())
			.orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(published.succeeded(payment.id())).isEmpty();
	}

	@Test
	void aSignatureMadeWithAnotherSecretIsRefused() {
		var o = ordered();
		String paymentId = newPaymentId();
		String signature = io.polyclinic.billing.internal.Signatures.checkoutSignature(o.order().orderId(), paymentId,
				"someone-elses-secret");

		assertThatThrownBy(() -> payments.verifyCheckout(o.patient().actor(), o.patient().id(),
				new CheckoutVerification(o.order().orderId(), paymentId, signature)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("SIGNATURE_INVALID"));
	}

	@Test
	void aPaidOrderCannotBePaidAgainByAnotherPayment() {
		var o = ordered();
		String first = newPaymentId();
		String second = newPaymentId();
		payments.verifyCheckout(o.patient().actor(), o.patient().id(), new CheckoutVerification(o.order().orderId(),
				first, checkoutSignature(o.order().orderId(), first)));

		assertThatThrownBy(() -> payments.verifyCheckout(o.patient().actor(), o.patient().id(),
				new CheckoutVerification(o.order().orderId(), second, checkoutSignature(o.order().orderId(), second))))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
				assertThat(e.code()).isEqualTo("PAID_ELSEWHERE");
			});
		assertThatThrownBy(() -> payments.createOrder(o.patient().actor(),
				new NewOrder(o.appointmentId(), o.patient().id(), 150_000, null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("ALREADY_PAID"));
	}

	@Test
	void anOrderOfAnotherAppointmentIsRefused() {
		var o = ordered();
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> payments.verifyCheckout(o.patient().actor(), o.patient().id(),
				new CheckoutVerification(o.order().orderId(), paymentId, checkoutSignature(o.order().orderId(), paymentId),
						o.appointmentId() + 1000, null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
	}

	@Test
	void anUnknownOrderIsNotFound() {
		var patient = fixture.patient();
		String orderId = "order_UnknownUnknown";
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> payments.verifyCheckout(patient.actor(), patient.id(),
				new CheckoutVerification(orderId, paymentId, checkoutSignature(orderId, paymentId))))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aPatientCannotVerifyAnotherPatientsOrder() {
		var o = ordered();
		var stranger = fixture.patient();
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> payments.verifyCheckout(stranger.actor(), stranger.id(), new CheckoutVerification(
				o.order().orderId(), paymentId, checkoutSignature(o.order().orderId(), paymentId))))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED' AND resource_type = 'PAYMENT'""")
			.param(stranger.userId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void clinicians_andPatientsWithoutTheirPatientId_cannotOpenOrVerifyOrders() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);

		assertThatThrownBy(() -> payments.createOrder(fixture.actor(Role.CLINICIAN),
				new NewOrder(appointment, patient.id(), 150_000, null)))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> payments.verifyCheckout(patient.actor(), null,
				new CheckoutVerification("order_x", "pay_x", "00")))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void badAmountsAndCurrenciesAreValidationErrors() {
		var patient = fixture.patient();
		long appointment = fixture.appointment(patient);

		assertThatThrownBy(() -> payments.createOrder(patient.actor(), new NewOrder(appointment, patient.id(), 0, null)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("INVALID_INPUT");
				assertThat(e.fields()).containsKey("amount");
			});
		assertThatThrownBy(() -> payments.createOrder(patient.actor(), new NewOrder(appointment, patient.id(), 100, "XYZ")))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("currency"));
		assertThatThrownBy(() -> payments.verifyCheckout(patient.actor(), patient.id(),
				new CheckoutVerification("order_x", " ", "00")))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("paymentId"));
	}

	private long audits(String action, long paymentId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE action = ? AND resource_type = 'PAYMENT' AND resource_id = ? AND outcome = 'SUCCESS'""")
			.params(action, String.valueOf(paymentId)).query(Long.class).single();
	}
}
