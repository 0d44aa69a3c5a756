package io.polyclinic.notify;

/** Why a message was sent; the delivery history is filtered by it. */
public enum MessageKind {
	OTP, APPOINTMENT_CONFIRMATION, APPOINTMENT_REMINDER, APPOINTMENT_CANCELLATION, APPOINTMENT_RESCHEDULED, PAYMENT_LINK,
	PAYMENT_RECEIPT, PAYMENT_REFUND, GENERAL,
	/** A dose of a prescribed medicine is due. */
	MEDICINE_REMINDER
}
