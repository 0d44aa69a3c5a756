package io.polyclinic.billing;

/**
 * A new payment link and whether its WhatsApp message went out (the link stands either way; the delivery history
 * in notify says why a message failed).
 */
public record SentPaymentLink(PaymentLink link, boolean sent) {
}
