package io.polyclinic.billing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.polyclinic.billing.PaymentLinkStatus;

/**
 * One payment provider (offline, Razorpay, Stripe). Several are configured at once
 * and found by {@link #name()} in {@link Gateways}. A failing provider call throws a
 * {@link io.polyclinic.platform.Refusal} (unavailable, PAYMENT_PROVIDER_FAILED). Each provider checks and reads its
 * own webhooks.
 */
public interface PaymentGateway {

	/** The provider's name as payments store it: {@code offline}, {@code razorpay}, {@code stripe}. */
	String name();

	/** The public key id a client's checkout opens with. */
	String keyId();

	/** Creates an order (or payment intent); returns its id ({@code order_…}). */
	String createOrder(OrderRequest request);

	/**
	 * Opens an order as {@link #createOrder} does, with what a client's checkout needs besides its id: Stripe's client
	 * secret and the intent's status. {@code idempotencyKey} makes a retried request the same order at the provider.
	 */
	default OpenedOrder open(OrderRequest request, String idempotencyKey) {
		return new OpenedOrder(createOrder(request), null, null);
	}

	/** The client secret of an order opened before, handed out again with it; empty where orders have none. */
	default Optional<String> clientSecret(String orderId) {
		return Optional.empty();
	}

	/**
	 * Confirms an order on the server with the customer's payment method (Stripe's confirm; the offline provider
	 * settles at once, since it moves no money). A declined payment is an answer, not a refusal.
	 *
	 * @throws io.polyclinic.platform.Refusal INVALID CONFIRM_UNSUPPORTED where the provider's checkout confirms by
	 *         itself (Razorpay: checkout verification); UNAVAILABLE PAYMENT_PROVIDER_FAILED when the provider fails
	 */
	default Confirmation confirm(String orderId, ConfirmRequest request) {
		throw io.polyclinic.platform.Refusal.invalid("CONFIRM_UNSUPPORTED",
				"Payments with " + name() + " are confirmed by its checkout, not by this call");
	}

	/** Cancels an unpaid order at the provider, so that nothing can pay it any more; nothing where orders lapse. */
	default void cancelOrder(String orderId) {
	}

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

	/**
	 * Whether a webhook's headers carry this provider's signature (its header is there, right or wrong): how a single
	 * webhook endpoint tells providers apart before checking anything.
	 */
	default boolean signs(Map<String, String> headers) {
		return false;
	}

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

	/**
	 * @param clientSecret what the client's own SDK confirms the order with (Stripe); null where there is none
	 * @param status the provider's word for where the order stands ({@code requires_payment_method}); null if none
	 */
	record OpenedOrder(String id, @Nullable String clientSecret, @Nullable String status) {
	}

	/**
	 * @param paymentMethod the provider's payment method id ({@code pm_card_visa}); null uses the one attached
	 * @param returnUrl where the provider sends the customer back after an authentication (3-D Secure)
	 * @param method how the customer pays, in the clinic's word (CARD), for providers that cannot tell
	 */
	record ConfirmRequest(@Nullable String paymentMethod, @Nullable String returnUrl, @Nullable String method) {
	}

	/**
	 * The provider's answer to a confirm.
	 *
	 * @param status the provider's own word ({@code succeeded}, {@code requires_action}, {@code processing})
	 * @param paymentId the provider's payment (Stripe: the intent's {@code latest_charge}), once there is one
	 * @param error why the payment was declined, for FAILED
	 */
	record Confirmation(Outcome outcome, String status, @Nullable String paymentId, @Nullable String error) {

		public enum Outcome {
			/** The money is taken: the payment settles. */
			SUCCEEDED,
			/** Not yet: the customer must act (3-D Secure) or the provider is still processing; a webhook will say. */
			PENDING,
			/** Declined: the payment fails with the provider's message (another attempt may follow). */
			FAILED
		}
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
	 * @param providerPaymentId the payment to refund ({@code pay_…}, Stripe's charge)
	 * @param reference the clinic's refund id, echoed back in the provider's refund webhooks
	 * @param providerOrderId the order the payment settled (Stripe refunds name the payment intent)
	 */
	record RefundRequest(String providerPaymentId, long amountMinor, String currency, String idempotencyKey,
			String reference, Map<String, String> notes, @Nullable String providerOrderId) {

		public RefundRequest(String providerPaymentId, long amountMinor, String currency, String idempotencyKey,
				String reference, Map<String, String> notes) {
			this(providerPaymentId, amountMinor, currency, idempotencyKey, reference, notes, null);
		}
	}

	/**
	 * The provider's answer to a refund: its id, whether the money went back already or will, and the provider's own
	 * word for it ({@code succeeded}, {@code pending}), passed through to faces that show it.
	 */
	record ProviderRefund(String id, Outcome outcome, @Nullable String status) {

		public ProviderRefund(String id, Outcome outcome) {
			this(id, outcome, null);
		}

		public enum Outcome {
			PROCESSED, PENDING, FAILED
		}
	}
}
