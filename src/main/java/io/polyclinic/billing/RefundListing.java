package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * Which refunds a list shows, and in which order.
 *
 * @param status only refunds in this status; null for all
 * @param acceptedByProvider with PENDING: only those the provider took and will answer later (true), or only those
 *        not yet asked of it (false); null for both
 * @param paymentId only the refunds of this payment
 * @param patientUserId only the refunds of this patient, named by their account id
 * @param appointmentId only the refunds of this appointment's payments
 */
public record RefundListing(@Nullable RefundStatus status, @Nullable Boolean acceptedByProvider,
		@Nullable Long paymentId, @Nullable Long patientUserId, @Nullable Long appointmentId, Order order,
		boolean ascending) {

	public enum Order {
		CREATED_AT, AMOUNT
	}

	public static RefundListing newestFirst() {
		return new RefundListing(null, null, null, null, null, Order.CREATED_AT, false);
	}
}
