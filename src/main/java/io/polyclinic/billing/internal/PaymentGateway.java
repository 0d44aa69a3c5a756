package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.PaymentLinkStatus;

/**
 * The payment provider: offline by default, Razorpay when configured. A failing provider call throws a
 * {@link io.polyclinic.platform.Refusal} (unavailable, PAYMENT_PROVIDER_FAILED).
 */
public interface PaymentGateway {

	/** The provider's name as payments store it: {@code offline}, {@code razorpay}. */
	String name();

	/** The public key id a client's checkout opens with. */
	String keyId();

	/** Creates an order; returns its id ({@code order_…}). */
	String createOrder(OrderRequest request);

	CreatedLink createLink(LinkRequest request);

	/** The link's current state at the provider; empty when the provider keeps none beyond the clinic's own. */
	Optional<LinkState> fetchLink(String linkId);

	/** How a payment was made (the provider's word, e.g. {@code upi}); empty when the provider cannot tell. */
	Optional<String> paymentMethod(String paymentId);

	boolean validCheckoutSignature(String orderId, String paymentId, String signature);

	boolean validWebhookSignature(byte[] body, String signature);

	record OrderRequest(long amountMinor, String currency, String receipt, Map<String, String> notes) {
	}

	record LinkRequest(long amountMinor, String currency, String description, String customerName,
			String customerPhone, @Nullable String customerEmail, String referenceId, Instant expiresAt,
			Map<String, String> notes) {
	}

	record CreatedLink(String id, String shortUrl, PaymentLinkStatus status) {
	}

	/**
	 * @param paymentId the captured payment's id, when the link has one
	 * @param orderId the order the provider made for the link, once paid
	 */
	record LinkState(PaymentLinkStatus status, long amountPaidMinor, @Nullable String orderId,
			@Nullable String paymentId, @Nullable String method) {
	}
}
