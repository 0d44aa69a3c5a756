package io.polyclinic.billing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a client's checkout needs: the provider's order, the amount in minor units, and the public key id to open the
 * checkout with ({@code rzp_test_offline} with the offline provider).
 *
 * @param paymentId the clinic's payment the order collects
 * @param clientSecret what the client's own SDK confirms the order with (Stripe's client secret); null for providers
 *        without one
 * @param paymentPublicId the public id of that payment
 * @param providerStatus the provider's word for where the order stands ({@code requires_payment_method}); null when
 *        the provider gives none
 */
public record PaymentOrder(String orderId, long amountMinor, String currency, String keyId, long paymentId,
		String provider, @Nullable String clientSecret, UUID paymentPublicId, @Nullable String providerStatus) {
}
