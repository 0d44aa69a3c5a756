package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * Which payments a transaction list shows, and in which order.
 *
 * @param condition only payments in this condition; null for all
 * @param provider only payments with this provider ({@code stripe}); null for all
 * @param appointmentId only the payments of this appointment; null for all
 */
public record TransactionListing(@Nullable PaymentCondition condition, @Nullable String provider,
		@Nullable Long appointmentId, PaymentListing.Order order, boolean ascending) {

	public static TransactionListing newestFirst() {
		return new TransactionListing(null, null, null, PaymentListing.Order.CREATED_AT, false);
	}
}
