package io.polyclinic.billing;

/** Where a refund stands: asked of the provider (or waiting for its answer), money given back, or refused. */
public enum RefundStatus {
	PENDING, PROCESSED, FAILED
}
