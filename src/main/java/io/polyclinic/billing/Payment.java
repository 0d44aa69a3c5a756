package io.polyclinic.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.PaymentStanding;

/**
 * One payment for an appointment, as the faces show it. Amounts are in minor units (paise).
 *
 * @param provider the provider that collects it: {@code offline}, {@code razorpay}
 * @param orderId the provider's order (or payment intent) id; null for a payment link until it is paid
 * @param providerPaymentId the provider's payment id ({@code pay_…}): the transaction id a receipt shows
 * @param method how it was paid, upper-case as the clinic shows it (UPI, CARD, NETBANKING, WALLET…)
 * @param refundedMinor what has gone back to the patient, in minor units
 * @param attention why staff must look at this payment (a payment for a cancelled appointment the provider would not
 *        refund); null when nothing is amiss
 * @param providerStatus the provider's latest word on the order while it is unsettled (Stripe's intent status:
 *        {@code requires_action}, {@code processing}, {@code canceled}); null where the provider gives none
 * @param metadata the client's own notes on the payment (empty when none)
 * @param refundedAt when money last went back; null before any refund
 * @param lastRefundId the provider's id of the latest refund that went back ({@code re_…}, {@code rfnd_…})
 * @param refundReason the reason given for that refund
 */
public record Payment(long id, UUID publicId, long appointmentId, long patientId, long amountMinor, String currency,
		PaymentStatus status, String provider, @Nullable String orderId, @Nullable String providerPaymentId,
		@Nullable String method, @Nullable String failureReason, @Nullable Instant paidAt, Instant createdAt,
		long refundedMinor, @Nullable String attention, @Nullable String providerStatus, Map<String, String> metadata,
		@Nullable Instant refundedAt, @Nullable String lastRefundId, @Nullable String refundReason,
		Instant updatedAt) {

	/** The provider's word for an order it is still working on (not waiting for the customer). */
	public static final String PROCESSING = "processing";
	/** The provider's word for an order cancelled before it was paid. */
	public static final String CANCELED = "canceled";

	public boolean paid() {
		return status == PaymentStatus.PAID;
	}

	/** Whether the provider is still processing it: the customer did their part, the money has not arrived yet. */
	public boolean processing() {
		return status == PaymentStatus.CREATED && PROCESSING.equals(providerStatus);
	}

	/** What the clinic keeps of it: the amount once paid, less refunds. */
	public long netMinor() {
		return paid() ? amountMinor - refundedMinor : 0;
	}

	/** The payment's condition in one word: refunds counted, a cancelled order apart from a failed one. */
	public PaymentCondition condition() {
		return switch (status) {
			case CREATED -> processing() ? PaymentCondition.PROCESSING : PaymentCondition.AWAITING;
			case PAID -> refundedMinor >= amountMinor && amountMinor > 0 ? PaymentCondition.REFUNDED
					: PaymentCondition.SETTLED;
			case FAILED -> CANCELED.equals(providerStatus) ? PaymentCondition.CANCELLED : PaymentCondition.FAILED;
		};
	}

	public PaymentStanding standing() {
		return standing(status, amountMinor, refundedMinor);
	}

	/** The rule for every payment shown, one or a page: refunds counted, an unsettled payment still pending. */
	public static PaymentStanding standing(PaymentStatus status, long amountMinor, long refundedMinor) {
		return switch (status) {
			case CREATED -> PaymentStanding.PENDING;
			case FAILED -> PaymentStanding.FAILED;
			case PAID -> refundedMinor <= 0 ? PaymentStanding.PAID
					: refundedMinor >= amountMinor ? PaymentStanding.REFUNDED : PaymentStanding.PARTIALLY_REFUNDED;
		};
	}
}
