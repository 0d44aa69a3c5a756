package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A refund as a refund list shows it: with its payment (and the people of that payment), who asked for it, and when
 * it last changed.
 *
 * @param requestedByUserId the account that asked for it; null for the clinic itself or the provider's dashboard
 */
public record RefundLine(Refund refund, PaymentLine payment, @Nullable Long requestedByUserId,
		@Nullable String requestedByName, Instant updatedAt) {
}
