package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.PaymentLinkStatus;

/**
 * One payment provider (offline, Razorpay; Stripe comes with the faces that need it). Several are configured at once
 * and found by {@link #name()} in {@link Gateways}. A failing provider call throws a
 * {@link io.polyclinic.platform.Refusal} (unavailable, PAYMENT_PROVIDER_FAILED). Each provider checks and reads its
 * own webhooks.
 */
public interface PaymentGateway {

	/** The provider's name as payments store it: {@code offline}, {@code razorpay}. */
	String name();

	/** The public key id a client's checkout opens with. */
	String keyId();

	/** Creates an order (or payment intent); returns its id ({@code order_…}). */
	String createOrder(OrderRequest request);

	CreatedLink createLink(LinkRequest request);

	/** The link's current state at the provider; empty when the provider keeps none beyond the clinic's own. */
	Optional<LinkState> fetchLink(String linkId);

	/** How a payment was made (the provider's word, e.g. {@code upi}); empty when the provider cannot tell. */
	Optional<String> paymentMethod(String paymentId);

	boolean validCheckoutSignature(String orderId, String paymentId, String signature);

	/**
	 * Gives money back for a settled payment. The provider is asked to do it once per {@code idempotencyKey}: the same
	 * request sent again (after a timeout, a crash) answers the same refund.
	 */
	ProviderRefund refund(RefundRequest request);

	/** Whether a webhook really comes from the provider: its signature over the raw body, from the headers. */
	boolean authentic(byte[] body, Map<String, String> headers);

	/**
	 * Reads an authentic webhook.
	 *
	 * @param headers the request's headers, looked up without regard to case
	 * @throws io.polyclinic.platform.Refusal INVALID_INPUT for a body that is no event
	 */
	ProviderEvent read(byte[] body, Map<String, String> headers);

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

	/**
	 * @param providerPaymentId the payment to refund ({@code pay_…})
	 * @param reference the clinic's refund id, echoed back in the provider's refund webhooks
	 */
	record RefundRequest(String providerPaymentId, long amountMinor, String currency, String idempotencyKey,
			String reference, Map<String, String> notes) {
	}

	/** The provider's answer to a refund: its id, and whether the money went back already or will. */
	record ProviderRefund(String id, Outcome outcome) {

		public enum Outcome {
			PROCESSED, PENDING, FAILED
		}
	}
}
