package io.polyclinic.billing;

/**
 * Carries a new payment link to the customer's phone. Billing decides that a link is sent and to whom; the module
 * that owns the channels and the wording (notify) implements this, so that billing needs no channel of its own. The
 * answer is part of the link's creation ("sent via WhatsApp" or not), which is why it is a call and not an event.
 */
public interface PaymentLinkDelivery {

	/** @return whether the channel accepted the message */
	boolean deliver(PaymentLinkNotice notice);
}
