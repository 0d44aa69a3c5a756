package io.polyclinic.billing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Which payouts a list shows (each filter when given), and in which order. */
public record PayoutListing(@Nullable PayoutStatus status, @Nullable Long clinicianId, @Nullable LocalDate periodStart,
		@Nullable LocalDate periodEnd, Order order, boolean ascending) {

	public enum Order {
		CREATED_AT, AMOUNT, PERIOD_START
	}

	public static PayoutListing newestFirst() {
		return new PayoutListing(null, null, null, null, Order.CREATED_AT, false);
	}
}
