package io.polyclinic.billing;

/**
 * Where a payout to a clinician stands: generated and waiting to be sent, being sent, paid (final), or failed (it may be
 * sent again).
 */
public enum PayoutStatus {
	PENDING, PROCESSING, COMPLETED, FAILED
}
