package io.polyclinic.billing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One payment for an appointment, as the faces show it. Amounts are in minor units (paise).
 *
 * @param provider {@code offline} or {@code razorpay}
 * @param orderId the provider's order id ({@code order_…}); null for a payment link until it is paid
 * @param providerPaymentId the provider's payment id ({@code pay_…}): the transaction id a receipt shows
 * @param method how it was paid, upper-case as the clinic shows it (UPI, CARD, NETBANKING, WALLET…)
 */
public record Payment(long id, UUID publicId, long appointmentId, long patientId, long amountMinor, String currency,
		PaymentStatus status, String provider, @Nullable String orderId, @Nullable String providerPaymentId,
		@Nullable String method, @Nullable String failureReason, @Nullable Instant paidAt, Instant createdAt) {

	public boolean paid() {
		return status == PaymentStatus.PAID;
	}
}
