package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.PaymentStanding;

/**
 * Which payments a list shows, and in which order.
 *
 * @param patient whose payments; null means the caller's own for a patient, and all the caller reaches for staff
 * @param standing only payments that stand so (refunds counted); null for all
 * @param processing with a PENDING standing: only those the provider is processing (true) or only those still waiting
 *        for the customer (false); null for both
 */
public record PaymentListing(@Nullable Ref patient, @Nullable PaymentStanding standing, @Nullable Boolean processing,
		Order order, boolean ascending) {

	public enum Order {
		CREATED_AT, AMOUNT, PAID_AT
	}

	/** Every payment the caller reaches, newest first. */
	public static PaymentListing newestFirst(@Nullable Ref patient) {
		return new PaymentListing(patient, null, null, Order.CREATED_AT, false);
	}
}
