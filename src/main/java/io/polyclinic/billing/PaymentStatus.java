package io.polyclinic.billing;

/**
 * Where a payment stands with its provider: waiting for the customer, settled, or its last attempt failed (a retry may
 * still settle it). A settled payment stays PAID when money goes back: refunds are counted beside it
 * ({@link Payment#refundedMinor()}).
 */
public enum PaymentStatus {
	CREATED, PAID, FAILED
}
