package io.polyclinic.billing.internal;

import org.jspecify.annotations.Nullable;

/**
 * A provider webhook in the clinic's words, whichever provider sent it: what happened, the key that makes a second
 * delivery of it a duplicate, and the provider's ids it names.
 *
 * @param name the provider's own name of the event ({@code payment.captured}), for the record
 * @param key the provider's event id, or without one the event and the object it is about
 * @param linkAmountPaid what a paid link collected, in minor units; 0 when the event does not say
 * @param refundReference the clinic's own refund id the provider echoes back (its notes), when it does
 * @param refundStatus the provider's own word for the refund ({@code succeeded}), when it gives one worth showing
 */
public record ProviderEvent(Kind kind, String name, String key, @Nullable String paymentId, @Nullable String orderId,
		@Nullable String method, @Nullable String failureReason, @Nullable String linkId, long linkAmountPaid,
		@Nullable String refundId, long refundAmount, @Nullable String refundReference, @Nullable String refundStatus) {

	public ProviderEvent(Kind kind, String name, String key, @Nullable String paymentId, @Nullable String orderId,
			@Nullable String method, @Nullable String failureReason, @Nullable String linkId, long linkAmountPaid,
			@Nullable String refundId, long refundAmount, @Nullable String refundReference) {
		this(kind, name, key, paymentId, orderId, method, failureReason, linkId, linkAmountPaid, refundId, refundAmount,
				refundReference, null);
	}

	public enum Kind {
		PAYMENT_CAPTURED, PAYMENT_FAILED, LINK_PAID, LINK_EXPIRED, LINK_CANCELLED, REFUND_PROCESSED, REFUND_FAILED,
		/** An event the clinic records and does not act on. */
		OTHER
	}
}
