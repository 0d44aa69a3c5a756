package io.polyclinic.billing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Money given back (or being given back) for a payment. Amounts in minor units.
 *
 * @param providerRefundId the provider's refund id ({@code rfnd_…}), once it has one
 * @param failureReason why the provider refused it, for a FAILED refund
 * @param providerStatus the provider's own word for it ({@code succeeded}, {@code pending} at Stripe); null when the
 *        provider has none
 */
public record Refund(long id, UUID publicId, long paymentId, long amountMinor, String currency, RefundStatus status,
		@Nullable String providerRefundId, @Nullable String reason, @Nullable String failureReason, Instant createdAt,
		@Nullable Instant processedAt, @Nullable String providerStatus) {
}
