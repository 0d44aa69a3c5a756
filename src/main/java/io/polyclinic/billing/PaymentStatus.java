package io.polyclinic.billing;

/** Where a payment stands: waiting for the customer, settled, or its last attempt failed (a retry may still settle it). */
public enum PaymentStatus {
	CREATED, PAID, FAILED
}
