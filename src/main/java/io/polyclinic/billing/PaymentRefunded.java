package io.polyclinic.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Money went back to a patient: published once per refund, when the provider has processed it (at once offline; on
 * Razorpay's answer or its {@code refund.processed} webhook). A revenue figure is what {@link PaymentSucceeded}
 * brought in minus these.
 *
 * @param refundId the clinic's refund id
 * @param amountMinor what this refund gave back, in minor units of {@code currency}
 * @param full whether the payment is now refunded in full
 * @param paidAt when the refunded payment was settled
 * @param clinicianId the clinician of the appointment paid for
 * @param centreId the appointment's centre (null for one without a centre)
 */
public record PaymentRefunded(long paymentId, long refundId, long appointmentId, long patientId, long amountMinor,
		String currency, boolean full, Instant refundedAt, @Nullable Instant paidAt, @Nullable Long clinicianId,
		@Nullable Long centreId) {

	/** The event without the payment's settlement time, clinician and centre, as its first version carried it. */
	public PaymentRefunded(long paymentId, long refundId, long appointmentId, long patientId, long amountMinor,
			String currency, boolean full, Instant refundedAt) {
		this(paymentId, refundId, appointmentId, patientId, amountMinor, currency, full, refundedAt, null, null, null);
	}
}
