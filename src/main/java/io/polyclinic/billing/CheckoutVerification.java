package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;

/**
 * What the provider's checkout handed the client after a payment: {@code razorpay_order_id},
 * {@code razorpay_payment_id} and {@code razorpay_signature}.
 *
 * @param appointment when given, the order must belong to this appointment
 * @param method offline provider only: how the (simulated) payment was made; UPI when absent. Other providers are
 *        asked instead.
 */
public record CheckoutVerification(String orderId, String paymentId, String signature, @Nullable Ref appointment,
		@Nullable String method) {

	public CheckoutVerification(String orderId, String paymentId, String signature) {
		this(orderId, paymentId, signature, null, null);
	}
}
