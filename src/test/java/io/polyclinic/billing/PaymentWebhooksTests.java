package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

class PaymentWebhooksTests extends BillingTest {

	@Test
	void paymentCapturedSettlesTheOrdersPaymentWithTheMethodRazorpayNames() {
		var o = ordered();
		String paymentId = newPaymentId();

		WebhookResult result = webhook(paymentEvent("payment.captured", paymentId, o.order().orderId(), "captured",
				"netbanking", null), OfflineGateway.newId("evt"));

		assertThat(result).isEqualTo(WebhookResult.PROCESSED);
		Payment payment = payment(o.order().paymentId());
		assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(payment.providerPaymentId()).isEqualTo(paymentId);
		assertThat(payment.method()).isEqualTo("NETBANKING");
		assertThat(published.succeeded(payment.id())).hasSize(1);
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		var o = ordered();
		String paymentId = newPaymentId();
		String eventId = OfflineGateway.newId("evt");
		String body = paymentEvent("payment.captured", paymentId, o.order().orderId(), "captured", "upi", null);

		assertThat(webhook(body, eventId)).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(body, eventId)).isEqualTo(WebhookResult.DUPLICATE);

		assertThat(published.succeeded(o.order().paymentId())).hasSize(1);
		assertThat(eventRows(eventId)).isEqualTo(1);
	}

	@Test
	void withoutAnEventIdTheSameEventForTheSamePaymentIsADuplicate() {
		var o = ordered();
		String paymentId = newPaymentId();
		String body = paymentEvent("payment.captured", paymentId, o.order().orderId(), "captured", "upi", null);

		assertThat(webhook(body, null)).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(body, null)).isEqualTo(WebhookResult.DUPLICATE);
		assertThat(webhook(body, " ")).isEqualTo(WebhookResult.DUPLICATE);

		assertThat(eventRows("payment.captured:" + paymentId)).isEqualTo(1);
		assertThat(published.succeeded(o.order().paymentId())).hasSize(1);
	}

	@Test
	void aCaptureAfterTheCheckoutWasVerifiedPublishesNothingMore() {
		var o = ordered();
		String paymentId = newPaymentId();
		checkout.verify(OFFLINE, new CheckoutVerification(o.order().orderId(), paymentId,
				checkoutSignature(o.order().orderId(), paymentId)), o.patient().actor());

		WebhookResult result = webhook(paymentEvent("payment.captured", paymentId, o.order().orderId(), "captured",
				"upi", null), OfflineGateway.newId("evt"));

		assertThat(result).isEqualTo(WebhookResult.IGNORED);
		assertThat(published.succeeded(o.order().paymentId())).hasSize(1);
	}

	@Test
	void paymentFailedMarksThePaymentFailedUntilARetrySucceeds() {
		var o = ordered();
		String failedAttempt = newPaymentId();
		String retry = newPaymentId();

		assertThat(webhook(paymentEvent("payment.failed", failedAttempt, o.order().orderId(), "failed", "card",
				"Payment failed because the card was declined"), null)).isEqualTo(WebhookResult.PROCESSED);
		Payment failed = payment(o.order().paymentId());
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("Payment failed because the card was declined");
		var events = published.failed(failed.id());
		assertThat(events).hasSize(1);
		assertThat(events.get(0).providerPaymentId()).isEqualTo(failedAttempt);
		assertThat(events.get(0).reason()).contains("declined");

		assertThat(webhook(paymentEvent("payment.captured", retry, o.order().orderId(), "captured", "upi", null), null))
			.isEqualTo(WebhookResult.PROCESSED);
		Payment paid = payment(o.order().paymentId());
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.providerPaymentId()).isEqualTo(retry);
		assertThat(paid.failureReason()).isNull();
	}

	@Test
	void aLateFailureOfASettledPaymentChangesNothing() {
		var o = ordered();
		webhook(paymentEvent("payment.captured", newPaymentId(), o.order().orderId(), "captured", "upi", null), null);

		WebhookResult result = webhook(paymentEvent("payment.failed", newPaymentId(), o.order().orderId(), "failed",
				"card", "Declined"), null);

		assertThat(result).isEqualTo(WebhookResult.IGNORED);
		assertThat(payment(o.order().paymentId()).status()).isEqualTo(PaymentStatus.PAID);
		assertThat(published.failed(o.order().paymentId())).isEmpty();
	}

	@Test
	void eventsOfOtherKindsOrUnknownOrdersAreRecordedAndIgnored() {
		String eventId = OfflineGateway.newId("evt");
		String refund = """
				{"entity":"event","event":"refund.processed","payload":{"refund":{"entity":{"id":"rfnd_1"}}}}""";
		String other = """
				{"entity":"event","event":"order.paid","payload":{"order":{"entity":{"id":"order_NotOursNotOurs"}}}}""";

		assertThat(webhook(refund, eventId)).isEqualTo(WebhookResult.IGNORED);
		assertThat(webhook(other, null)).isEqualTo(WebhookResult.IGNORED);
		assertThat(webhook(paymentEvent("payment.captured", newPaymentId(), "order_NotOursNotOurs", "captured", "upi",
				null), null)).isEqualTo(WebhookResult.IGNORED);
		assertThat(eventRows(eventId)).isEqualTo(1);
	}

	@Test
	void aMissingOrWrongSignatureIsRefused() {
		var o = ordered();
		String body = paymentEvent("payment.captured", newPaymentId(), o.order().orderId(), "captured", "upi", null);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String signedOtherBody = webhookSignature(body.replace("150000", "100"));

		for (String signature : new String[] { null, "", signedOtherBody, "not-hex" }) {
			Map<String, String> headers = signature == null ? Map.of() : Map.of("X-Razorpay-Signature", signature);
			assertThatThrownBy(() -> webhooks.receive(OFFLINE, bytes, headers))
				.isInstanceOfSatisfying(Refusal.class, e -> {
					assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
					assertThat(e.code()).isEqualTo("SIGNATURE_INVALID");
					assertThat(e.getMessage()).isEqualTo("Invalid webhook signature");
				});
		}
		assertThat(payment(o.order().paymentId()).status()).isEqualTo(PaymentStatus.CREATED);
	}

	@Test
	void aSignedBodyThatIsNoEventIsAValidationError() {
		assertThatThrownBy(() -> webhook("{\"payload\":{}}", null))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
		assertThatThrownBy(() -> webhook("not json", null))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
	}

	@Test
	void theSignatureIsOverTheRawUtf8Body() {
		var o = ordered();
		String body = paymentEvent("payment.captured", newPaymentId(), o.order().orderId(), "captured", "upi", null)
			.replace("Consultation", "Consultation \u2014 Dr. Sch\u00f6n \u0928\u092e\u0938\u094d\u0924\u0947");

		assertThat(webhook(body, null)).isEqualTo(WebhookResult.PROCESSED);
	}

	@Test
	void theSameWebhookDeliveredTwiceAtOnceIsProcessedOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				var o = ordered();
				String body = paymentEvent("payment.captured", newPaymentId(), o.order().orderId(), "captured", "upi",
						null);
				String eventId = OfflineGateway.newId("evt");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<WebhookResult>> results = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					results.add(pool.submit(() -> {
						start.await();
						return webhook(body, eventId);
					}));
				}
				start.countDown();
				List<WebhookResult> outcomes = new ArrayList<>();
				for (Future<WebhookResult> f : results) {
					outcomes.add(f.get(30, TimeUnit.SECONDS));
				}

				assertThat(outcomes).containsExactlyInAnyOrder(WebhookResult.PROCESSED, WebhookResult.DUPLICATE);
				assertThat(published.succeeded(o.order().paymentId())).hasSize(1);
				assertThat(eventRows(eventId)).isEqualTo(1);
				assertThat(payment(o.order().paymentId()).status()).isEqualTo(PaymentStatus.PAID);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRefundMadeInTheProvidersDashboardCountsWhenItIsProcessed_once() {
		var patient = fixture.patient();
		Payment paid = paid(patient, fixture.appointment(patient));
		String body = refundEvent("refund.processed", OfflineGateway.newId("rfnd"), paid.providerPaymentId(), 50_000,
				null);

		assertThat(webhook(body, null)).isEqualTo(WebhookResult.PROCESSED);
		assertThat(webhook(body, null)).isEqualTo(WebhookResult.DUPLICATE);

		Payment refunded = payment(paid.id());
		assertThat(refunded.refundedMinor()).isEqualTo(50_000);
		assertThat(refunded.netMinor()).isEqualTo(100_000);
		assertThat(published.refunded(paid.id())).singleElement()
			.satisfies(e -> assertThat(e.amountMinor()).isEqualTo(50_000));
		assertThat(refunds.of(Ref.id(paid.id()), fixture.actor(Role.ADMIN))).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.PROCESSED));
	}

	@Test
	void aRefundTheProviderReportsBeyondWhatIsLeftFlagsThePayment() {
		var patient = fixture.patient();
		Payment paid = paid(patient, fixture.appointment(patient));

		assertThat(webhook(refundEvent("refund.processed", OfflineGateway.newId("rfnd"), paid.providerPaymentId(),
				999_999, null), null)).isEqualTo(WebhookResult.IGNORED);

		Payment flagged = payment(paid.id());
		assertThat(flagged.refundedMinor()).isZero();
		assertThat(flagged.attention()).contains("cannot hold");
		assertThat(published.refunded(paid.id())).isEmpty();
	}

	private long eventRows(String eventId) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE provider = 'offline' AND event_id = ?")
			.param(eventId).query(Long.class).single();
	}
}
