package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payment was settled. Published once per payment, in the transaction that settled it; repeated verifications and
 * webhooks do not publish it again. With {@link PaymentRefunded} it is all a revenue counter needs: what came in, in
 * which currency, when, and for whose appointment at which centre.
 *
 * @param paymentId the clinic's payment id
 * @param providerPaymentId the provider's payment id ({@code pay_…})
 * @param clinicianId the clinician of the appointment paid for
 * @param centreId the appointment's centre (null for one without a centre)
 */
public record PaymentSucceeded(long paymentId, long appointmentId, long patientId, long amountMinor, String currency,
		String providerPaymentId, Instant paidAt, @Nullable Long clinicianId, @Nullable Long centreId) {

	/** The event without the appointment's clinician and centre, as its first version carried it. */
	public PaymentSucceeded(long paymentId, long appointmentId, long patientId, long amountMinor, String currency,
			String providerPaymentId, Instant paidAt) {
		this(paymentId, appointmentId, patientId, amountMinor, currency, providerPaymentId, paidAt, null, null);
	}
}
