package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

class CheckoutTests extends BillingTest {

	@Test
	void anOrderOpensAPaymentOfTheAppointmentsFeeWithTheProvidersOrderId() {
		var o = ordered();

		assertThat(o.order().orderId()).matches("order_[0-9A-Za-z]{14}");
		assertThat(o.order().amountMinor()).isEqualTo(150_000);
		assertThat(o.order().currency()).isEqualTo("INR");
		assertThat(o.order().keyId()).isEqualTo("rzp_test_offline");
		assertThat(o.order().provider()).isEqualTo("offline");
		Payment payment = queries.latestOf(Ref.id(o.appointmentId()), o.patient().actor()).orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payment.orderId()).isEqualTo(o.order().orderId());
		assertThat(payment.provider()).isEqualTo("offline");
		assertThat(payment.patientId()).isEqualTo(o.patient().id());
		assertThat(payment.id()).isEqualTo(o.order().paymentId());
		assertThat(audits("CREATE", payment.id())).isEqualTo(1);
	}

	@Test
	void anOpenOrderIsHandedOutAgain_byItsPublicIdToo() {
		var o = ordered();

		PaymentOrder again = checkout.order(Ref.of(o.appointment().publicId()), 150_000L, OFFLINE,
				fixture.actor(Role.FRONT_DESK));

		assertThat(again.orderId()).isEqualTo(o.order().orderId());
		assertThat(again.paymentId()).isEqualTo(o.order().paymentId());
	}

	@Test
	void anAmountOtherThanTheFeeIsRefused() {
		var patient = fixture.patient();
		var appointment = fixture.appointment(patient);

		assertThatThrownBy(() -> checkout.order(Ref.id(appointment.id()), 100L, OFFLINE, patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("INVALID_INPUT");
				assertThat(e.fields().get("amount")).contains("1500");
			});
	}

	@Test
	void aCancelledAppointmentCannotBePaidFor() {
		var patient = fixture.patient();
		var appointment = fixture.appointment(patient);
		book.cancel(appointment.id(), null, fixture.admin());

		assertThatThrownBy(() -> checkout.order(Ref.id(appointment.id()), null, OFFLINE, patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("NOT_PAYABLE"));
	}

	@Test
	void aCorrectlySignedCheckoutSettlesThePaymentOnceHoweverOftenItIsVerified() {
		var o = ordered();
		String paymentId = newPaymentId();
		var verification = new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId), Ref.id(o.appointmentId()), null);

		Payment paid = checkout.verify(OFFLINE, verification, o.patient().actor());
		Payment again = checkout.verify(OFFLINE, verification, o.patient().actor());

		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.providerPaymentId()).isEqualTo(paymentId);
		assertThat(paid.method()).isEqualTo("UPI");
		assertThat(paid.paidAt()).isNotNull();
		assertThat(again.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(again.paidAt()).isEqualTo(paid.paidAt());
		var events = published.succeeded(paid.id());
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).isEqualTo(new PaymentSucceeded(paid.id(), o.appointmentId(), o.patient().id(), 150_000,
				"INR", paymentId, paid.paidAt(), o.appointment().clinicianId(), null));
		assertThat(audits("VERIFY", paid.id())).isEqualTo(2);
	}

	@Test
	void offlineCheckoutTakesTheMethodItIsGiven() {
		var o = ordered();
		String paymentId = newPaymentId();

		Payment paid = checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId), null, "card"), fixture.actor(Role.FRONT_DESK));

		assertThat(paid.method()).isEqualTo("CARD");
	}

	@Test
	void aForgedSignatureIsRefusedAndChangesNothing() {
		var o = ordered();
		String paymentId = newPaymentId();
		String forged = checkoutSignature(o.order().orderId(), newPaymentId());

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				forged), o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
				assertThat(e.code()).isEqualTo("SIGNATURE_INVALID");
				assertThat(e.getMessage()).containsIgnoringCase("signature is invalid");
			});
		Payment payment = queries.latestOf(Ref.id(o.appointmentId()), o.patient().actor()).orElseThrow();
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(published.succeeded(payment.id())).isEmpty();
	}

	@Test
	void aSignatureMadeWithAnotherSecretIsRefused() {
		var o = ordered();
		String paymentId = newPaymentId();
		String signature = Signatures.checkoutSignature(o.order().orderId(), paymentId, "someone-elses-secret");

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				signature), o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("SIGNATURE_INVALID"));
	}

	@Test
	void aPaidOrderCannotBePaidAgainByAnotherPayment_norTheAppointmentOrderedAgain() {
		var o = ordered();
		String first = newPaymentId();
		String second = newPaymentId();
		checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), first,
				checkoutSignature(o.order().orderId(), first)), o.patient().actor());

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), second,
				checkoutSignature(o.order().orderId(), second)), o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
				assertThat(e.code()).isEqualTo("PAID_ELSEWHERE");
			});
		assertThatThrownBy(() -> checkout.order(Ref.id(o.appointmentId()), null, OFFLINE, o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("ALREADY_PAID"));
	}

	@Test
	void anOrderOfAnotherAppointmentIsRefused() {
		var o = ordered();
		var other = fixture.appointment(o.patient());
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId), Ref.of(other.publicId()), null), o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("appointmentId"));
	}

	@Test
	void anUnknownOrderIsNotFound() {
		var patient = fixture.patient();
		String orderId = "order_UnknownUnknown";
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(orderId, paymentId,
				checkoutSignature(orderId, paymentId)), patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void aPatientCannotVerifyAnotherPatientsOrder() {
		var o = ordered();
		var stranger = fixture.patient();
		String paymentId = newPaymentId();

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId)), stranger.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED' AND resource_type = 'PAYMENT'""")
			.param(stranger.patient().userId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badInputIsAValidationError_andAnUnconfiguredProviderIsUnavailable() {
		var o = ordered();

		assertThatThrownBy(() -> checkout.verify(OFFLINE, new CheckoutVerification("order_x", " ", "00"),
				o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("paymentId"));
		assertThatThrownBy(() -> checkout.order(Ref.id(o.appointmentId()), null, "stripe", o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED");
			});
	}

	private long audits(String action, long paymentId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE action = ? AND resource_type = 'PAYMENT' AND resource_id = ? AND outcome = 'SUCCESS'""")
			.params(action, String.valueOf(paymentId)).query(Long.class).single();
	}
}
