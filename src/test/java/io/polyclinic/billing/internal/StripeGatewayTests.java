package io.polyclinic.billing.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.stripe.net.Webhook;

import io.polyclinic.platform.Refusal;

/**
 * The Stripe adapter (stripe-java) against a local stub of Stripe's documented API: the requests it sends (form
 * fields, bearer key, idempotency keys), how it reads the documented answers and errors (a declined card above all),
 * and Stripe's webhook signatures, cross-checked against the SDK's own.
 */
class StripeGatewayTests {

	private static final String SECRET_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
	private static final String WEBHOOK_SECRET = "whsec_test_secret";
	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private WireMockServer stripe;
	private StripeGateway gateway;

	@BeforeEach
	void start() {
		stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		stripe.start();
		gateway = new StripeGateway(settings(stripe.baseUrl(), WEBHOOK_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		stripe.stop();
	}

	private static BillingProperties.Stripe settings(String baseUrl, String webhookSecret) {
		return new BillingProperties.Stripe(SECRET_KEY, webhookSecret, baseUrl, Duration.ofSeconds(5),
				Duration.ofSeconds(15), Duration.ofSeconds(300));
	}

	@Test
	void createsAPaymentIntentInTheMinorUnitWithTheSecretKeyAndAnIdempotencyKey() {
		stripe.stubFor(post("/v1/payment_intents").willReturn(okJson("""
				{"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","object":"payment_intent","amount":150000,"currency":"usd",
				 "client_secret":"pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH",
				 "status":"requires_payment_method","latest_charge":null,"livemode":false,
				 "metadata":{"appointment_id":"123"},"automatic_payment_methods":{"enabled":true}}""")));
		Map<String, String> notes = new LinkedHashMap<>();
		notes.put("appointment_id", "123");
		notes.put("payment_id", "5a0a4c1e-0000-4000-8000-000000000001");

		var order = gateway.open(new PaymentGateway.OrderRequest(150_000, "USD", "5a0a4c1e-0000-4000-8000-000000000001",
				notes), "5a0a4c1e-0000-4000-8000-000000000001");

		assertThat(order).isEqualTo(new PaymentGateway.OpenedOrder("pi_3MtwBwLkdIwHu7ix28a3tqPa",
				"pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH", "requires_payment_method"));
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
			.withHeader("Idempotency-Key", equalTo("5a0a4c1e-0000-4000-8000-000000000001"))
			.withFormParam("amount", equalTo("150000"))
			.withFormParam("currency", equalTo("usd"))
			.withFormParam("automatic_payment_methods[enabled]", equalTo("true"))
			.withFormParam("metadata[appointment_id]", equalTo("123"))
			.withFormParam("metadata[payment_id]", equalTo("5a0a4c1e-0000-4000-8000-000000000001")));
	}

	@Test
	void readsTheClientSecretOfAnOpenIntentAgain() {
		stripe.stubFor(get("/v1/payment_intents/pi_123").willReturn(okJson("""
				{"id":"pi_123","object":"payment_intent","client_secret":"pi_123_secret_abc","status":"requires_payment_method"}""")));

		assertThat(gateway.clientSecret("pi_123")).contains("pi_123_secret_abc");
		stripe.verify(getRequestedFor(urlEqualTo("/v1/payment_intents/pi_123"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
	}

	@Test
	void confirmsWithThePaymentMethodAndReturnUrlAndReadsTheLatestCharge() {
		stripe.stubFor(post("/v1/payment_intents/pi_123/confirm").willReturn(okJson("""
				{"id":"pi_123","object":"payment_intent","amount":150000,"currency":"usd","status":"succeeded",
				 "latest_charge":"ch_3MtwBwLkdIwHu7ix0snN0B15","payment_method":"pm_card_visa"}""")));

		var answer = gateway.confirm("pi_123", new PaymentGateway.ConfirmRequest("pm_card_visa",
				"https://app.example.com/paid", "CARD"));

		assertThat(answer).isEqualTo(new PaymentGateway.Confirmation(PaymentGateway.Confirmation.Outcome.SUCCEEDED,
				"succeeded", "ch_3MtwBwLkdIwHu7ix0snN0B15", null));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/confirm"))
			.withFormParam("payment_method", equalTo("pm_card_visa"))
			.withFormParam("return_url", equalTo("https://app.example.com/paid")));
	}

	@Test
	void anIntentThatNeedsTheCustomerIsPending() {
		stripe.stubFor(post("/v1/payment_intents/pi_123/confirm").willReturn(okJson("""
				{"id":"pi_123","object":"payment_intent","status":"requires_action","latest_charge":null,
				 "next_action":{"type":"redirect_to_url","redirect_to_url":{"url":"https://hooks.stripe.com/3d_secure"}}}""")));

		var answer = gateway.confirm("pi_123", new PaymentGateway.ConfirmRequest("pm_card_threeDSecure2Required",
				"https://app.example.com/paid", null));

		assertThat(answer.outcome()).isEqualTo(PaymentGateway.Confirmation.Outcome.PENDING);
		assertThat(answer.status()).isEqualTo("requires_action");
	}

	@Test
	void aDeclinedCardIsAFailedAnswerWithStripesMessageAndTheFailedCharge() {
		stripe.stubFor(post("/v1/payment_intents/pi_123/confirm").willReturn(aResponse().withStatus(402)
			.withHeader("Content-Type", "application/json").withBody("""
					{"error":{"charge":"ch_3Declined","code":"card_declined","decline_code":"insufficient_funds",
					 "doc_url":"https://stripe.com/docs/error-codes/card-declined",
					 "message":"Your card has insufficient funds.","type":"card_error",
					 "payment_intent":{"id":"pi_123","object":"payment_intent","status":"requires_payment_method",
					   "last_payment_error":{"code":"card_declined","message":"Your card has insufficient funds.",
					   "type":"card_error"}}}}""")));

		var answer = gateway.confirm("pi_123", new PaymentGateway.ConfirmRequest("pm_card_chargeDeclinedInsufficientFunds",
				null, null));

		assertThat(answer).isEqualTo(new PaymentGateway.Confirmation(PaymentGateway.Confirmation.Outcome.FAILED,
				"requires_payment_method", "ch_3Declined", "Your card has insufficient funds."));
	}

	@Test
	void anUnknownPaymentMethodIsTheCallersMistakeAndStripeDownIsTheProviders() {
		stripe.stubFor(post("/v1/payment_intents/pi_123/confirm").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json").withBody("""
					{"error":{"code":"resource_missing","message":"No such PaymentMethod: 'pm_nope'",
					 "param":"payment_method","type":"invalid_request_error"}}""")));
		assertThatThrownBy(() -> gateway.confirm("pi_123", new PaymentGateway.ConfirmRequest("pm_nope", null, null)))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.is(Refusal.Kind.INVALID, "PAYMENT_REJECTED")).isTrue();
				assertThat(e.getMessage()).contains("No such PaymentMethod");
			});

		stripe.stubFor(post("/v1/payment_intents/pi_500/confirm").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json").withBody("""
					{"error":{"message":"An unknown error occurred","type":"api_error"}}""")));
		assertThatThrownBy(() -> gateway.confirm("pi_500", new PaymentGateway.ConfirmRequest(null, null, null)))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.is(Refusal.Kind.UNAVAILABLE, "PAYMENT_PROVIDER_FAILED")).isTrue());

		stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatThrownBy(() -> gateway.open(new PaymentGateway.OrderRequest(100, "USD", "r", Map.of()), "k"))
			.isInstanceOfSatisfying(Refusal.class,
					e -> assertThat(e.is(Refusal.Kind.UNAVAILABLE, "PAYMENT_PROVIDER_FAILED")).isTrue());
	}

	@Test
	void cancelsAnIntentAndRefusesOneStripeCannotCancel() {
		stripe.stubFor(post("/v1/payment_intents/pi_123/cancel").willReturn(okJson("""
				{"id":"pi_123","object":"payment_intent","status":"canceled","cancellation_reason":null}""")));
		gateway.cancelOrder("pi_123");
		stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_123/cancel")));

		stripe.stubFor(post("/v1/payment_intents/pi_paid/cancel").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json").withBody("""
					{"error":{"code":"payment_intent_unexpected_state","message":"You cannot cancel this PaymentIntent because it has a status of succeeded.","type":"invalid_request_error"}}""")));
		assertThatThrownBy(() -> gateway.cancelOrder("pi_paid")).isInstanceOfSatisfying(Refusal.class,
				e -> assertThat(e.is(Refusal.Kind.CONFLICT, "PAYMENT_STATE")).isTrue());
	}

	@Test
	void refundsThroughTheRefundsApiNamingThePaymentIntent() {
		stripe.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id":"re_3MtwBwLkdIwHu7ix0pY8LVTr","object":"refund","amount":50000,"charge":"ch_3MtwBw",
				 "currency":"usd","payment_intent":"pi_123","status":"succeeded","metadata":{"refund_id":"ref-1"}}""")));

		var refund = gateway.refund(new PaymentGateway.RefundRequest("ch_3MtwBw", 50_000, "USD", "key-1", "ref-1",
				Map.of("payment_id", "p-1"), "pi_123"));

		assertThat(refund).isEqualTo(new PaymentGateway.ProviderRefund("re_3MtwBwLkdIwHu7ix0pY8LVTr",
				PaymentGateway.ProviderRefund.Outcome.PROCESSED, "succeeded"));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
			.withHeader("Idempotency-Key", equalTo("key-1"))
			.withFormParam("payment_intent", equalTo("pi_123"))
			.withFormParam("amount", equalTo("50000"))
			.withFormParam("metadata[refund_id]", equalTo("ref-1"))
			.withFormParam("metadata[payment_id]", equalTo("p-1")));
	}

	@Test
	void aPendingRefundWaitsForItsWebhook() {
		stripe.stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id":"re_pending","object":"refund","amount":100,"status":"pending"}""")));

		var refund = gateway.refund(new PaymentGateway.RefundRequest("ch_1", 100, "USD", "k", "r", Map.of(), "pi_1"));

		assertThat(refund.outcome()).isEqualTo(PaymentGateway.ProviderRefund.Outcome.PENDING);
		assertThat(refund.status()).isEqualTo("pending");
	}

	@Test
	void webhookSignaturesAreStripesOwnAndRecentOnly() throws Exception {
		byte[] body = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);
		long now = NOW.getEpochSecond();
		// the SDK's own header for this body and time is accepted: the algorithm is Stripe's
		String sdk = Webhook.Signature.generateSignatureHeader(new String(body, StandardCharsets.UTF_8), WEBHOOK_SECRET,
				now);
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", "t=" + now + "," + sdk.substring(sdk.indexOf(',') + 1))))
			.isTrue();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now))))
			.isTrue();
		// and ours passes the SDK's verification
		assertThat(Webhook.Signature.verifyHeader(new String(body, StandardCharsets.UTF_8),
				StripeEvents.header(body, WEBHOOK_SECRET, Instant.now().getEpochSecond()), WEBHOOK_SECRET, 300)).isTrue();
		// a rolled secret: one of several v1 signatures matching is enough
		String two = StripeEvents.header(body, WEBHOOK_SECRET, now) + ",v1=" + "0".repeat(64);
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", two))).isTrue();

		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, "whsec_other", now))))
			.as("another secret").isFalse();
		byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\" }".getBytes(StandardCharsets.UTF_8);
		assertThat(gateway.authentic(tampered, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now))))
			.as("another body").isFalse();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now - 301))))
			.as("stale").isFalse();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now + 301))))
			.as("from the future").isFalse();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now - 299))))
			.as("within the tolerance").isTrue();
		assertThat(gateway.authentic(body, Map.of())).as("no header").isFalse();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", "t=abc,v1=def"))).isFalse();
		assertThat(gateway.authentic(body, Map.of("Stripe-Signature", "v1=" + "0".repeat(64)))).isFalse();

		var unsigned = new StripeGateway(settings(stripe.baseUrl(), ""), Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(unsigned.authentic(body, Map.of("Stripe-Signature", StripeEvents.header(body, WEBHOOK_SECRET, now))))
			.as("no webhook secret configured: nothing is trusted").isFalse();
	}

	@Test
	void readsEventsFromTheRawJsonWhateverTheirApiVersion() {
		var succeeded = StripeEvents.parse("""
				{"id":"evt_1","object":"event","api_version":"2019-02-19","type":"payment_intent.succeeded",
				 "data":{"object":{"id":"pi_123","object":"payment_intent","status":"succeeded","latest_charge":"ch_9"}}}"""
			.getBytes(StandardCharsets.UTF_8));
		assertThat(succeeded.kind()).isEqualTo(ProviderEvent.Kind.PAYMENT_CAPTURED);
		assertThat(succeeded.key()).isEqualTo("evt_1");
		assertThat(succeeded.orderId()).isEqualTo("pi_123");
		assertThat(succeeded.paymentId()).isEqualTo("ch_9");

		var failed = StripeEvents.parse("""
				{"id":"evt_2","type":"payment_intent.payment_failed","api_version":"2099-01-01.future",
				 "data":{"object":{"id":"pi_123","object":"payment_intent","status":"requires_payment_method",
				 "last_payment_error":{"charge":"ch_8","message":"Your card was declined."}}}}"""
			.getBytes(StandardCharsets.UTF_8));
		assertThat(failed.kind()).isEqualTo(ProviderEvent.Kind.PAYMENT_FAILED);
		assertThat(failed.paymentId()).isEqualTo("ch_8");
		assertThat(failed.failureReason()).isEqualTo("Your card was declined.");

		var refunded = StripeEvents.parse("""
				{"id":"evt_3","type":"refund.updated","data":{"object":{"id":"re_1","object":"refund","amount":500,
				 "charge":"ch_9","payment_intent":"pi_123","status":"succeeded","metadata":{"refund_id":"r-1"}}}}"""
			.getBytes(StandardCharsets.UTF_8));
		assertThat(refunded.kind()).isEqualTo(ProviderEvent.Kind.REFUND_PROCESSED);
		assertThat(refunded.refundId()).isEqualTo("re_1");
		assertThat(refunded.refundAmount()).isEqualTo(500);
		assertThat(refunded.paymentId()).isEqualTo("ch_9");
		assertThat(refunded.refundReference()).isEqualTo("r-1");

		var other = StripeEvents.parse("""
				{"id":"evt_4","type":"customer.created","data":{"object":{"id":"cus_1","object":"customer"}}}"""
			.getBytes(StandardCharsets.UTF_8));
		assertThat(other.kind()).isEqualTo(ProviderEvent.Kind.OTHER);

		assertThatThrownBy(() -> StripeEvents.parse("not json".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> StripeEvents.parse("{\"id\":\"evt_5\"}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(Refusal.class);
	}
}
