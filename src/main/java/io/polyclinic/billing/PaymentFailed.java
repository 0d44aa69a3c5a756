package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An attempt to pay failed at the provider. The payment stays open for another attempt; a later success still
 * publishes {@link PaymentSucceeded}. Not published for a payment already settled.
 */
public record PaymentFailed(long paymentId, long appointmentId, long patientId, long amountMinor, String currency,
		@Nullable String providerPaymentId, @Nullable String reason, Instant failedAt) {
}
