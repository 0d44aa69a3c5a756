package io.polyclinic.billing;

/**
 * What became of a signed provider webhook. Every one of them is answered with success, so the provider stops
 * retrying.
 */
public enum WebhookResult {
	/** The event changed a payment or link. */
	PROCESSED,
	/** The event was seen before (same event id, or the same event for the same payment); nothing changed. */
	DUPLICATE,
	/** The event is of a kind the clinic does not act on, or about a payment it does not know; it is recorded. */
	IGNORED
}
