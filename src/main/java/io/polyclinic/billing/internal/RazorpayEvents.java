package io.polyclinic.billing.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's webhook events, read into {@link ProviderEvent}s: the documented envelope ({@code event},
 * {@code payload.payment.entity}, {@code payload.payment_link.entity}, {@code payload.refund.entity}) and its
 * {@code X-Razorpay-Event-Id} header. The offline provider speaks the same language.
 */
final class RazorpayEvents {

	static final String SIGNATURE_HEADER = "X-Razorpay-Signature";
	static final String EVENT_ID_HEADER = "X-Razorpay-Event-Id";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Map<String, ProviderEvent.Kind> KINDS = Map.of(
			"payment.captured", ProviderEvent.Kind.PAYMENT_CAPTURED,
			"payment.failed", ProviderEvent.Kind.PAYMENT_FAILED,
			"payment_link.paid", ProviderEvent.Kind.LINK_PAID,
			"payment_link.expired", ProviderEvent.Kind.LINK_EXPIRED,
			"payment_link.cancelled", ProviderEvent.Kind.LINK_CANCELLED,
			"refund.processed", ProviderEvent.Kind.REFUND_PROCESSED,
			"refund.failed", ProviderEvent.Kind.REFUND_FAILED);

	private RazorpayEvents() {
	}

	/** Whether the header carries the HMAC of the raw body under the webhook secret. */
	static boolean signed(byte[] body, Map<String, String> headers, @Nullable String webhookSecret) {
		String signature = headers.get(SIGNATURE_HEADER);
		return webhookSecret != null && !webhookSecret.isBlank() && signature != null && !signature.isBlank()
				&& Signatures.matches(Signatures.webhookSignature(body, webhookSecret), signature);
	}

	/** @throws Refusal INVALID_INPUT for a body that is no event */
	static ProviderEvent parse(byte[] body, Map<String, String> headers) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw Refusal.invalidField("body", "The webhook body is not JSON");
		}
		String type = text(root.path("event"));
		if (type == null || type.isBlank()) {
			throw Refusal.invalidField("event", "The webhook names no event");
		}
		JsonNode payload = root.path("payload");
		JsonNode payment = payload.path("payment").path("entity");
		JsonNode link = payload.path("payment_link").path("entity");
		JsonNode refund = payload.path("refund").path("entity");
		String paymentId = text(payment.path("id"));
		if (paymentId == null) {
			paymentId = text(refund.path("payment_id"));
		}
		String orderId = text(payment.path("order_id"));
		if (orderId == null) {
			orderId = text(payload.path("order").path("entity").path("id"));
		}
		String linkId = text(link.path("id"));
		String refundId = text(refund.path("id"));
		String subject = type.startsWith("payment_link.") ? linkId
				: type.startsWith("refund.") ? refundId : paymentId != null ? paymentId : orderId;
		String eventId = headers.get(EVENT_ID_HEADER);
		String key = eventId != null && !eventId.isBlank() ? eventId.trim() : type + ":" + subject;
		String reference = text(refund.path("notes").path("refund_id"));
		return new ProviderEvent(KINDS.getOrDefault(type, ProviderEvent.Kind.OTHER), truncate(type, 80),
				truncate(key, 120), paymentId, orderId, text(payment.path("method")),
				text(payment.path("error_description")), linkId, link.path("amount_paid").asLong(0), refundId,
				refund.path("amount").asLong(0), reference != null ? reference : text(refund.path("receipt")));
	}

	static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
