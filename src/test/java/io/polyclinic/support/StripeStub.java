package io.polyclinic.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A local stub of Stripe's documented API (payment intents, their confirm and cancel, refunds), one per test run so
 * that every test aiming the application at it shares one application context; and webhooks signed as Stripe signs
 * them. Tests reset it and stub the answers they need.
 */
public final class StripeStub {

	public static final String SECRET_KEY = "sk_test_polyclinic_stub";
	public static final String WEBHOOK_SECRET = "whsec_polyclinic_stub";

	private static WireMockServer server;

	private StripeStub() {
	}

	public static synchronized WireMockServer server() {
		if (server == null) {
			server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	public static String baseUrl() {
		return server().baseUrl();
	}

	/** A fresh PaymentIntent id, Stripe-shaped. */
	public static String newIntentId() {
		return "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

	/** {@code POST /v1/payment_intents} answers a new intent of this id, waiting for a payment method. */
	public static void creates(String intentId, long amount, String currency) {
		server().stubFor(post("/v1/payment_intents").willReturn(okJson(intent(intentId, amount, currency,
				"requires_payment_method", null))));
		server().stubFor(get("/v1/payment_intents/" + intentId).willReturn(okJson(intent(intentId, amount, currency,
				"requires_payment_method", null))));
	}

	/** {@code POST /v1/payment_intents/{id}/confirm} answers this status (with a charge once succeeded). */
	public static void confirms(String intentId, String status, String chargeId) {
		server().stubFor(post("/v1/payment_intents/" + intentId + "/confirm").willReturn(okJson(intent(intentId, 0, "usd",
				status, "succeeded".equals(status) ? chargeId : null))));
	}

	/** The confirm is answered 402 as Stripe declines a card. */
	public static void declines(String intentId, String chargeId, String message) {
		server().stubFor(post("/v1/payment_intents/" + intentId + "/confirm").willReturn(aResponse().withStatus(402)
			.withHeader("Content-Type", "application/json").withBody("""
					{"error":{"charge":"%s","code":"card_declined","decline_code":"generic_decline",
					 "doc_url":"https://stripe.com/docs/error-codes/card-declined","message":"%s","type":"card_error",
					 "payment_intent":{"id":"%s","object":"payment_intent","status":"requires_payment_method",
					   "last_payment_error":{"code":"card_declined","message":"%s","type":"card_error"}}}}"""
				.formatted(chargeId, message, intentId, message))));
	}

	public static void cancels(String intentId) {
		server().stubFor(post("/v1/payment_intents/" + intentId + "/cancel").willReturn(okJson(intent(intentId, 0, "usd",
				"canceled", null))));
	}

	/** {@code POST /v1/refunds} answers a refund of this id and status. */
	public static void refunds(String refundId, long amount, String status) {
		server().stubFor(post("/v1/refunds").willReturn(okJson("""
				{"id":"%s","object":"refund","amount":%d,"currency":"usd","status":"%s","metadata":{}}"""
			.formatted(refundId, amount, status))));
	}

	public static String intent(String id, long amount, String currency, String status, String latestCharge) {
		return """
				{"id":"%s","object":"payment_intent","amount":%d,"currency":"%s","status":"%s",
				 "client_secret":"%s_secret_stub","latest_charge":%s,"livemode":false,"metadata":{}}"""
			.formatted(id, amount, currency, status, id, latestCharge == null ? "null" : "\"" + latestCharge + "\"");
	}

	/** A {@code payment_intent.*} event as Stripe sends it, from an API version the SDK does not know. */
	public static String intentEvent(String eventId, String type, String intentId, String chargeId, String error) {
		return """
				{"id":"%s","object":"event","api_version":"2020-08-27","created":1700000000,"livemode":false,
				 "type":"%s","data":{"object":{"id":"%s","object":"payment_intent","amount":150000,"currency":"usd",
				 "status":"%s","latest_charge":%s,"last_payment_error":%s}},
				 "pending_webhooks":1,"request":{"id":null,"idempotency_key":null}}"""
			.formatted(eventId, type, intentId, type.endsWith("succeeded") ? "succeeded" : "requires_payment_method",
					chargeId == null ? "null" : "\"" + chargeId + "\"",
					error == null ? "null" : "{\"charge\":\"" + chargeId + "\",\"message\":\"" + error + "\"}");
	}

	/** The {@code Stripe-Signature} header for this body, signed now (or at another time). */
	public static String signature(String body, Instant at) {
		return signature(body, at, WEBHOOK_SECRET);
	}

	public static String signature(String body, Instant at, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signed = at.getEpochSecond() + "." + body;
			return "t=" + at.getEpochSecond() + ",v1="
					+ HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
