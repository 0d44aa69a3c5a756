package io.polyclinic.notify;

/** Where a message stands with its channel. */
public enum DeliveryStatus {
	PENDING, SENT, FAILED
}
