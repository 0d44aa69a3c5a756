package io.polyclinic.billing;

/**
 * What a client's checkout needs: the provider's order, the amount in minor units, and the public key id to open the
 * checkout with ({@code rzp_test_offline} with the offline provider).
 *
 * @param paymentId the clinic's payment the order collects
 */
public record PaymentOrder(String orderId, long amountMinor, String currency, String keyId, long paymentId,
		String provider) {
}
