package io.polyclinic.billing;

import java.time.Instant;

/**
 * Money went back to a patient: published once per refund, when the provider has accepted it.
 *
 * @param refundId the clinic's refund id
 * @param amountMinor what this refund gave back, in minor units of {@code currency}
 * @param full whether the payment is now refunded in full
 */
public record PaymentRefunded(long paymentId, long refundId, long appointmentId, long patientId, long amountMinor,
		String currency, boolean full, Instant refundedAt) {
}
