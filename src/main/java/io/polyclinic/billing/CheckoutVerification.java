package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * What the provider's checkout handed the client after a payment: {@code razorpay_order_id},
 * {@code razorpay_payment_id} and {@code razorpay_signature}.
 *
 * @param appointmentId when given, the order must belong to this appointment
 * @param method offline mode only: how the (simulated) payment was made; UPI when absent. Razorpay mode asks the
 *        provider instead.
 */
public record CheckoutVerification(String orderId, String paymentId, String signature, @Nullable Long appointmentId,
		@Nullable String method) {

	public CheckoutVerification(String orderId, String paymentId, String signature) {
		this(orderId, paymentId, signature, null, null);
	}
}
