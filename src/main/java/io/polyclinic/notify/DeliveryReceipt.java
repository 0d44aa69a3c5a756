package io.polyclinic.notify;

/** What became of a message handed to {@link Messenger}. */
public record DeliveryReceipt(long deliveryId, DeliveryStatus status, String provider) {

	public boolean sent() {
		return status == DeliveryStatus.SENT;
	}
}
