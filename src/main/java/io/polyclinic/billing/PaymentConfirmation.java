package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * Confirming a payment on the server with what the client collected.
 *
 * @param paymentMethod the provider's payment method id (Stripe's {@code pm_…}); null uses the one already attached
 * @param returnUrl where the provider sends the customer back after an authentication (3-D Secure)
 */
public record PaymentConfirmation(@Nullable String paymentMethod, @Nullable String returnUrl) {
}
