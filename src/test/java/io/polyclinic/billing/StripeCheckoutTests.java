package io.polyclinic.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.PaymentStanding;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.StripeApiTest;
import io.polyclinic.support.StripeStub;

/**
 * Paying through Stripe, with billing's own API, against a stub of Stripe's documented API: a PaymentIntent for the
 * clinician's fee in its minor unit, confirm with a payment method, the signed webhook settling once, refunds in parts
 * through {@code /v1/refunds}, a declined card, a cancelled intent.
 */
class StripeCheckoutTests extends StripeApiTest {

	private static final String STRIPE = PaymentProviders.STRIPE;

	@Autowired
	Checkout checkout;
	@Autowired
	Webhooks webhooks;
	@Autowired
	Refunds refunds;
	@Autowired
	PaymentQueries queries;
	@Autowired
	PaymentProviders providers;
	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Clock clock;
	@Autowired
	ConfigurableApplicationContext context;

	BillingFixture fixture;
	BillingTest.Published published;

	@BeforeEach
	void setUp() {
		fixture = new BillingFixture(clinic, book, staff);
		published = new BillingTest.Published();
		context.addApplicationListener(published);
	}

	@AfterEach
	void tearDown() {
		context.removeApplicationListener(published);
	}

	record Opened(BillingFixture.Patient patient, Appointment appointment, PaymentOrder order) {
	}

	/** A patient's appointment (fee ₹1,500) and a Stripe PaymentIntent for it. */
	private Opened opened(String intentId) {
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		StripeStub.creates(intentId, 150_000, "inr");
		PaymentOrder order = checkout.order(new CheckoutRequest(Ref.id(appointment.id()), 150_000L, "inr", STRIPE,
				"card", Map.of("source", "test")), patient.actor());
		return new Opened(patient, appointment, order);
	}

	private WebhookResult webhook(String body) {
		return webhooks.receive(STRIPE, body.getBytes(StandardCharsets.UTF_8),
				Map.of("stripe-signature", StripeStub.signature(body, clock.instant())));
	}

	@Test
	void stripeIsOfferedBesideTheOfflineProvider() {
		assertThat(providers.names()).contains(STRIPE, PaymentProviders.OFFLINE);
		assertThat(providers.first(STRIPE, PaymentProviders.OFFLINE)).isEqualTo(STRIPE);
	}

	@Test
	void aPaymentIntentForTheFeeInItsMinorUnitWithItsClientSecret() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);

		assertThat(o.order().orderId()).isEqualTo(intent);
		assertThat(o.order().clientSecret()).isEqualTo(intent + "_secret_stub");
		assertThat(o.order().amountMinor()).isEqualTo(150_000);
		assertThat(o.order().providerStatus()).isEqualTo("requires_payment_method");
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withHeader("Authorization", equalTo("Bearer " + StripeStub.SECRET_KEY))
			.withHeader("Idempotency-Key", equalTo(o.order().paymentPublicId().toString()))
			.withFormParam("amount", equalTo("150000"))
			.withFormParam("currency", equalTo("inr"))
			.withFormParam("metadata[source]", equalTo("test"))
			.withFormParam("metadata[payment_id]", equalTo(o.order().paymentPublicId().toString())));

		Payment payment = queries.get(Ref.of(o.order().paymentPublicId()), o.patient().actor());
		assertThat(payment.provider()).isEqualTo(STRIPE);
		assertThat(payment.orderId()).isEqualTo(intent);
		assertThat(payment.status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(payment.method()).isEqualTo("CARD");
		assertThat(payment.metadata()).containsExactly(Map.entry("source", "test"));
		assertThat(payment.providerStatus()).isEqualTo("requires_payment_method");

		// asked again, the open intent is handed out again with its client secret, read back from Stripe
		PaymentOrder again = checkout.order(new CheckoutRequest(Ref.id(o.appointment().id()), null, null, STRIPE, null,
				Map.of()), o.patient().actor());
		assertThat(again.orderId()).isEqualTo(intent);
		assertThat(again.paymentId()).isEqualTo(o.order().paymentId());
		assertThat(again.clientSecret()).isEqualTo(intent + "_secret_stub");
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));
	}

	@Test
	void nothingBelowTheFeeOrInAnotherCurrencyReachesStripe() {
		var patient = fixture.patient();
		Appointment appointment = fixture.appointment(patient);
		StripeStub.creates(StripeStub.newIntentId(), 150_000, "inr");

		assertThatThrownBy(() -> checkout.order(new CheckoutRequest(Ref.id(appointment.id()), 100L, null, STRIPE, null,
				Map.of()), patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		assertThatThrownBy(() -> checkout.order(new CheckoutRequest(Ref.id(appointment.id()), 149_999L, null, STRIPE,
				null, Map.of()), patient.actor())).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> checkout.order(new CheckoutRequest(Ref.id(appointment.id()), 150_000L, "usd", STRIPE,
				null, Map.of()), patient.actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("currency"));
		assertThatThrownBy(() -> checkout.order(new CheckoutRequest(Ref.id(appointment.id()), null, null, STRIPE,
				"card; drop", Map.of()), patient.actor())).isInstanceOf(Refusal.class);
		StripeStub.server().verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));
	}

	@Test
	void confirmThenTheSignedWebhookSettlesOnceAndRefundsGoBackInParts() throws Exception {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		StripeStub.confirms(intent, "processing", null);

		Confirmed confirmed = checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", "https://app.example/paid"),
				o.patient().actor());

		assertThat(confirmed.providerStatus()).isEqualTo("processing");
		assertThat(confirmed.payment().status()).isEqualTo(PaymentStatus.CREATED);
		assertThat(confirmed.payment().processing()).isTrue();
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/confirm"))
			.withFormParam("payment_method", equalTo("pm_card_visa"))
			.withFormParam("return_url", equalTo("https://app.example/paid")));

		String charge = "ch_" + intent.substring(3);
		String succeeded = StripeStub.intentEvent("evt_" + intent, "payment_intent.succeeded", intent, charge, null);
		assertThat(webhook(succeeded)).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(succeeded)).as("a replay").isEqualTo(WebhookResult.DUPLICATE);
		String sameAgain = StripeStub.intentEvent("evt_again_" + intent, "payment_intent.succeeded", intent, charge, null);
		assertThat(webhook(sameAgain)).as("the same news in another event").isEqualTo(WebhookResult.IGNORED);

		Payment paid = queries.get(ref, fixture.admin());
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.providerPaymentId()).as("the intent's latest charge").isEqualTo(charge);
		assertThat(paid.paidAt()).isNotNull();
		assertThat(published.succeeded(paid.id())).hasSize(1);
		awaitStatus(o.appointment().id(), AppointmentStatus.CONFIRMED);

		StripeStub.refunds("re_half_" + intent, 75_000, "succeeded");
		Refund half = refunds.refund(new RefundRequest(ref, 75_000L, "half-" + intent, "Shortened visit"),
				fixture.admin());
		assertThat(half.providerRefundId()).isEqualTo("re_half_" + intent);
		assertThat(half.providerStatus()).isEqualTo("succeeded");
		assertThat(half.status()).isEqualTo(RefundStatus.PROCESSED);
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/refunds"))
			.withHeader("Idempotency-Key", equalTo(half.publicId() + "-1"))
			.withFormParam("payment_intent", equalTo(intent))
			.withFormParam("amount", equalTo("75000")));

		Payment partly = queries.get(ref, fixture.admin());
		assertThat(partly.standing()).isEqualTo(PaymentStanding.PARTIALLY_REFUNDED);
		assertThat(partly.refundedMinor()).isEqualTo(75_000);
		assertThat(partly.lastRefundId()).isEqualTo("re_half_" + intent);
		assertThat(partly.refundReason()).isEqualTo("Shortened visit");
		assertThat(partly.refundedAt()).isNotNull();

		StripeStub.refunds("re_rest_" + intent, 75_000, "succeeded");
		Refund rest = refunds.refund(new RefundRequest(ref, null, "rest-" + intent, null), fixture.admin());
		assertThat(rest.amountMinor()).isEqualTo(75_000);
		Payment whole = queries.get(ref, fixture.admin());
		assertThat(whole.standing()).isEqualTo(PaymentStanding.REFUNDED);
		assertThat(whole.refundedMinor()).isEqualTo(150_000);
		assertThat(whole.lastRefundId()).isEqualTo("re_rest_" + intent);
		assertThat(published.refunded(whole.id())).hasSize(2);

		int calls = StripeStub.server().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))).size();
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(ref, 1L, "over-" + intent, null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.is(Refusal.Kind.CONFLICT, "NOT_REFUNDABLE")).isTrue());
		assertThat(StripeStub.server().findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).as("refused before Stripe")
			.hasSize(calls);
	}

	@Test
	void aRefundStripeHoldsPendingCountsWhenItsWebhookSaysSucceeded() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		String charge = "ch_" + intent.substring(3);
		StripeStub.confirms(intent, "succeeded", charge);
		checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null), o.patient().actor());
		StripeStub.refunds("re_p_" + intent, 40_000, "pending");

		Refund pending = refunds.refund(new RefundRequest(ref, 40_000L, "pend-" + intent, null), fixture.admin());

		assertThat(pending.status()).isEqualTo(RefundStatus.PENDING);
		assertThat(pending.providerStatus()).isEqualTo("pending");
		assertThat(queries.get(ref, fixture.admin()).refundedMinor()).isZero();
		String event = """
				{"id":"evt_re_%s","object":"event","api_version":"2018-05-21","type":"refund.updated",
				 "data":{"object":{"id":"re_p_%s","object":"refund","amount":40000,"charge":"%s","payment_intent":"%s",
				 "status":"succeeded","metadata":{"refund_id":"%s"}}}}"""
			.formatted(intent, intent, charge, intent, pending.publicId());
		assertThat(webhook(event)).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(event)).isEqualTo(WebhookResult.DUPLICATE);

		Payment after = queries.get(ref, fixture.admin());
		assertThat(after.refundedMinor()).isEqualTo(40_000);
		assertThat(after.lastRefundId()).isEqualTo("re_p_" + intent);
		assertThat(refunds.of(ref, fixture.admin())).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(RefundStatus.PROCESSED);
			assertThat(r.providerStatus()).isEqualTo("succeeded");
		});
	}

	@Test
	void aRefundAboveWhatIsLeftIsRefusedBeforeStripeIsAsked() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		StripeStub.confirms(intent, "succeeded", "ch_" + intent.substring(3));
		checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null), o.patient().actor());

		assertThatThrownBy(() -> refunds.refund(new RefundRequest(ref, 150_001L, "too-much-" + intent, null),
				fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		StripeStub.server().verify(0, postRequestedFor(urlEqualTo("/v1/refunds")));
	}

	@Test
	void aSucceededConfirmSettlesAtOnceAndTheWebhookAfterItChangesNothing() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		String charge = "ch_" + intent.substring(3);
		StripeStub.confirms(intent, "succeeded", charge);

		Confirmed confirmed = checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null), o.patient().actor());

		assertThat(confirmed.providerStatus()).isEqualTo("succeeded");
		assertThat(confirmed.payment().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(confirmed.payment().providerPaymentId()).isEqualTo(charge);
		assertThat(webhook(StripeStub.intentEvent("evt_" + intent, "payment_intent.succeeded", intent, charge, null)))
			.isEqualTo(WebhookResult.IGNORED);
		assertThat(published.succeeded(confirmed.payment().id())).hasSize(1);
		// confirming a settled payment answers it as it is, without asking Stripe again
		assertThat(checkout.confirm(ref, new PaymentConfirmation(null, null), o.patient().actor()).payment().status())
			.isEqualTo(PaymentStatus.PAID);
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/confirm")));
	}

	@Test
	void aDeclinedCardFailsThePaymentWithStripesMessageAndAnotherCardMayFollow() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		StripeStub.declines(intent, "ch_declined_" + intent.substring(3), "Your card was declined.");

		Confirmed declined = checkout.confirm(ref, new PaymentConfirmation("pm_card_chargeDeclined", null),
				o.patient().actor());

		assertThat(declined.providerStatus()).isEqualTo("requires_payment_method");
		assertThat(declined.payment().status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(declined.payment().failureReason()).isEqualTo("Your card was declined.");
		assertThat(published.failed(declined.payment().id())).hasSize(1);
		// Stripe's own webhook about the same decline changes nothing more
		assertThat(webhook(StripeStub.intentEvent("evt_f_" + intent, "payment_intent.payment_failed", intent,
				"ch_declined_" + intent.substring(3), "Your card was declined."))).isEqualTo(WebhookResult.IGNORED);
		assertThat(published.failed(declined.payment().id())).hasSize(1);

		StripeStub.confirms(intent, "succeeded", "ch_ok_" + intent.substring(3));
		Confirmed paid = checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null), o.patient().actor());
		assertThat(paid.payment().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.payment().failureReason()).isNull();
	}

	@Test
	void aFailedPaymentWebhookFailsAnOpenPayment() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);

		assertThat(webhook(StripeStub.intentEvent("evt_pf_" + intent, "payment_intent.payment_failed", intent,
				"ch_x_" + intent.substring(3), "Your card has expired."))).isEqualTo(WebhookResult.PROCESSED);

		Payment failed = queries.get(Ref.of(o.order().paymentPublicId()), o.patient().actor());
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("Your card has expired.");
	}

	@Test
	void cancellingAnUnpaidPaymentCancelsItsIntentAtStripe() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		StripeStub.cancels(intent);

		Payment cancelled = checkout.cancel(ref, null, o.patient().actor());

		assertThat(cancelled.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(cancelled.providerStatus()).isEqualTo(Payment.CANCELED);
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel")));
		assertThat(checkout.cancel(ref, null, o.patient().actor()).status()).as("again: as it is")
			.isEqualTo(PaymentStatus.FAILED);
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel")));
		assertThatThrownBy(() -> checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null),
				o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.is(Refusal.Kind.CONFLICT, "PAYMENT_CANCELLED")).isTrue());
		StripeStub.server().verify(0, postRequestedFor(urlMatching("/v1/payment_intents/.*/confirm")));
		assertThat(book.require(o.appointment().id()).status()).as("the appointment stays")
			.isEqualTo(o.appointment().status());
	}

	@Test
	void aPaidPaymentCannotBeCancelled() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		Ref ref = Ref.of(o.order().paymentPublicId());
		StripeStub.confirms(intent, "succeeded", "ch_" + intent.substring(3));
		checkout.confirm(ref, new PaymentConfirmation("pm_card_visa", null), o.patient().actor());

		assertThatThrownBy(() -> checkout.cancel(ref, null, o.patient().actor()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.is(Refusal.Kind.CONFLICT, "ALREADY_PAID")).isTrue());
		StripeStub.server().verify(0, postRequestedFor(urlMatching("/v1/payment_intents/.*/cancel")));
	}

	@Test
	void forgedStaleAndUnknownWebhooks() {
		String intent = StripeStub.newIntentId();
		Opened o = opened(intent);
		String body = StripeStub.intentEvent("evt_forged_" + intent, "payment_intent.succeeded", intent, "ch_f", null);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> webhooks.receive(STRIPE, bytes, Map.of("Stripe-Signature",
				StripeStub.signature(body, clock.instant(), "whsec_forger"))))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.is(Refusal.Kind.INVALID, "SIGNATURE_INVALID")).isTrue());
		assertThatThrownBy(() -> webhooks.receive(STRIPE, bytes, Map.of("Stripe-Signature",
				StripeStub.signature(body, clock.instant().minus(Duration.ofMinutes(6))))))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.is(Refusal.Kind.INVALID, "SIGNATURE_INVALID")).isTrue());
		assertThatThrownBy(() -> webhooks.receive(STRIPE, bytes, Map.of())).isInstanceOf(Refusal.class);
		assertThat(queries.get(Ref.of(o.order().paymentPublicId()), o.patient().actor()).status())
			.isEqualTo(PaymentStatus.CREATED);

		String unknown = """
				{"id":"evt_cus_%s","object":"event","type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"}}}"""
			.formatted(intent);
		assertThat(webhook(unknown)).isEqualTo(WebhookResult.IGNORED);
	}

	private void awaitStatus(long appointmentId, AppointmentStatus status) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(20);
		while (book.require(appointmentId).status() != status && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		assertThat(book.require(appointmentId).status()).isEqualTo(status);
	}
}
