package io.polyclinic.billing;

/**
 * Where a payment stands in one word, for lists that filter by it and faces whose contract has one status: waiting for
 * the customer, being processed by the provider, settled (refunds, if any, leave part of it), refunded in full, failed,
 * or cancelled before it was paid. See {@link Payment#condition()}.
 */
public enum PaymentCondition {
	AWAITING, PROCESSING, SETTLED, REFUNDED, FAILED, CANCELLED
}
