package io.polyclinic.billing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks: the {@code Stripe-Signature} check (HMAC-SHA256 of {@code timestamp + "." + raw body} under the
 * endpoint's signing secret, any of the {@code v1} signatures, a timestamp within the tolerance) and the event read
 * from the raw JSON with Jackson — not with stripe-java, which refuses an event whose {@code api_version} is not its
 * own, while the clinic needs only a few stable fields of it.
 */
final class StripeEvents {

	static final String SIGNATURE_HEADER = "Stripe-Signature";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StripeEvents() {
	}

	/** Whether the header signs this body with the secret, at a time no further from {@code now} than the tolerance. */
	static boolean signed(byte[] body, @Nullable String header, String secret, Duration tolerance, Instant now) {
		if (header == null || header.isBlank()) {
			return false;
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = part.substring(0, eq).trim();
			String value = part.substring(eq + 1).trim();
			if ("t".equals(key)) {
				try {
					timestamp = Long.parseLong(value);
				}
				catch (NumberFormatException e) {
					return false;
				}
			}
			else if ("v1".equals(key)) {
				signatures.add(value);
			}
		}
		if (timestamp == null || signatures.isEmpty()
				|| Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			return false;
		}
		String expected = Signatures.hmacSha256Hex(secret, signedPayload(timestamp, body));
		boolean match = false;
		for (String signature : signatures) {
			// every candidate is compared, in constant time, so the time taken says nothing about which one matched
			match |= Signatures.matches(expected, signature);
		}
		return match;
	}

	/** What Stripe signs: the timestamp, a dot, and the raw body's bytes as they came. */
	static byte[] signedPayload(long timestamp, byte[] body) {
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, payload, 0, prefix.length);
		System.arraycopy(body, 0, payload, prefix.length, body.length);
		return payload;
	}

	/** The {@code Stripe-Signature} header Stripe would send for this body at this time (for tests and tools). */
	static String header(byte[] body, String secret, long timestamp) {
		return "t=" + timestamp + ",v1=" + Signatures.hmacSha256Hex(secret, signedPayload(timestamp, body));
	}

	/**
	 * Reads a signed event: {@code payment_intent.succeeded} settles the intent's payment with its
	 * {@code latest_charge}; {@code payment_intent.payment_failed} and {@code payment_intent.canceled} fail it;
	 * refund events ({@code refund.*}, {@code charge.refund.updated}) count a succeeded refund and release a failed
	 * one. Everything else is recorded and ignored.
	 *
	 * @throws Refusal INVALID_INPUT for a body that is no event
	 */
	static ProviderEvent parse(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw Refusal.invalidField("body", "The webhook body is not JSON");
		}
		String type = text(root.path("type"));
		if (type == null || type.isBlank()) {
			throw Refusal.invalidField("type", "The webhook names no event type");
		}
		JsonNode object = root.path("data").path("object");
		String objectId = text(object.path("id"));
		String eventId = text(root.path("id"));
		String key = eventId != null && !eventId.isBlank() ? eventId.trim() : type + ":" + objectId;
		String name = truncate(type, 80);
		if (type.startsWith("payment_intent.")) {
			String charge = idOf(object.path("latest_charge"));
			String error = text(object.path("last_payment_error").path("message"));
			return switch (type) {
				case "payment_intent.succeeded" -> intent(ProviderEvent.Kind.PAYMENT_CAPTURED, name, key,
						charge != null ? charge : objectId, objectId, null);
				case "payment_intent.payment_failed" -> intent(ProviderEvent.Kind.PAYMENT_FAILED, name, key,
						idOf(object.path("last_payment_error").path("charge")), objectId,
						error != null ? error : "The payment failed");
				case "payment_intent.canceled" -> intent(ProviderEvent.Kind.PAYMENT_FAILED, name, key, null, objectId,
						"The payment was canceled at the provider");
				default -> other(name, key);
			};
		}
		if ("refund".equals(text(object.path("object")))
				&& (type.startsWith("refund.") || type.startsWith("charge.refund."))) {
			String status = text(object.path("status"));
			ProviderEvent.Kind kind = "succeeded".equals(status) ? ProviderEvent.Kind.REFUND_PROCESSED
					: "failed".equals(status) || "canceled".equals(status) ? ProviderEvent.Kind.REFUND_FAILED
							: ProviderEvent.Kind.OTHER;
			// "created" and "updated" may both say succeeded: the refund ledger counts a refund once either way
			return new ProviderEvent(kind, name, truncate(key, 120), idOf(object.path("charge")),
					idOf(object.path("payment_intent")), null, null, null, 0, objectId, object.path("amount").asLong(0),
					text(object.path("metadata").path("refund_id")), status);
		}
		return other(name, key);
	}

	private static ProviderEvent intent(ProviderEvent.Kind kind, String name, String key, @Nullable String paymentId,
			@Nullable String orderId, @Nullable String failure) {
		return new ProviderEvent(kind, name, truncate(key, 120), paymentId, orderId, null, failure, null, 0, null, 0,
				null);
	}

	private static ProviderEvent other(String name, String key) {
		return new ProviderEvent(ProviderEvent.Kind.OTHER, name, truncate(key, 120), null, null, null, null, null, 0,
				null, 0, null);
	}

	/** An id that Stripe gives as a string, or inside an expanded object. */
	private static @Nullable String idOf(JsonNode node) {
		return node.isObject() ? text(node.path("id")) : text(node);
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
