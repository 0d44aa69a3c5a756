package io.polyclinic.billing;

import java.time.Instant;

/**
 * A payment was settled. Published once per payment, in the transaction that settled it; repeated verifications and
 * webhooks do not publish it again.
 *
 * @param paymentId the clinic's payment id
 * @param providerPaymentId the provider's payment id ({@code pay_…})
 */
public record PaymentSucceeded(long paymentId, long appointmentId, long patientId, long amountMinor, String currency,
		String providerPaymentId, Instant paidAt) {
}
