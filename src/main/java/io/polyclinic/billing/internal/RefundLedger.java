package io.polyclinic.billing.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.billing.RefundStatus;
import io.polyclinic.platform.Refusal;

/**
 * The book of refunds, each step in a transaction of its own under the payment's row lock (the provider is asked
 * between the steps, outside any transaction): a refund is first held against its payment, then processed or failed
 * as the provider answers. The payment publishes {@link io.polyclinic.billing.PaymentRefunded} when money went back.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class RefundLedger {

	private final StoredPayments payments;
	private final StoredRefunds refunds;
	private final Clock clock;

	RefundLedger(StoredPayments payments, StoredRefunds refunds, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.clock = clock;
	}

	/**
	 * The refund of this key, held against the payment: the one made before under the same key (asked again after
	 * the provider refused it), or a new one.
	 *
	 * @throws Refusal CONFLICT IDEMPOTENCY_KEY_REUSED when the key named a refund of another amount; the payment's own
	 *         refusals when nothing (or not that much) is left to refund
	 */
	public StoredRefund hold(long paymentId, @Nullable Long amountMinor, String key, @Nullable String reason,
			@Nullable Long requestedBy) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		Optional<StoredRefund> earlier = refunds.findByPaymentIdAndIdempotencyKey(paymentId, key);
		if (earlier.isPresent()) {
			StoredRefund refund = earlier.get();
			if (amountMinor != null && amountMinor != refund.getAmountMinor()) {
				throw Refusal.conflict("IDEMPOTENCY_KEY_REUSED",
						"This idempotency key was used for a refund of another amount");
			}
			if (refund.getStatus() == RefundStatus.FAILED) {
				payment.holdRefund(refund.getAmountMinor(), Ledger.now(clock));
				refund.retry(Ledger.now(clock));
				payments.save(payment);
			}
			return refunds.save(refund);
		}
		long held = payment.holdRefund(amountMinor, Ledger.now(clock));
		payments.save(payment);
		return refunds.saveAndFlush(new StoredRefund(payment, held, key, reason, requestedBy, Ledger.now(clock)));
	}

	/** The provider gave the money back: the refund is processed, once, and the payment counts it. */
	public StoredRefund processed(long refundId, @Nullable String providerRefundId) {
		return processed(refundId, providerRefundId, null);
	}

	/** As {@link #processed(long, String)}, with the provider's own word for the refund. */
	public StoredRefund processed(long refundId, @Nullable String providerRefundId, @Nullable String providerStatus) {
		StoredPayment payment = lockPaymentOf(refundId);
		StoredRefund refund = refunds.findById(refundId).orElseThrow();
		refund.track(providerStatus, Ledger.now(clock));
		if (refund.getStatus() == RefundStatus.FAILED) {
			// a refund given up on came through after all: it takes its money out of what is left, if it can
			try {
				payment.holdRefund(refund.getAmountMinor(), Ledger.now(clock));
			}
			catch (Refusal e) {
				payment.flag("Refund " + providerRefundId + " was refused, then processed, and the payment cannot hold it: "
						+ e.getMessage(), Ledger.now(clock));
				payments.save(payment);
				return refund;
			}
		}
		if (refund.processed(providerRefundId, Ledger.now(clock))) {
			payment.refunded(refund, Ledger.now(clock));
			payments.save(payment);
		}
		return refunds.save(refund);
	}

	/** The provider took the refund and will answer later. */
	public StoredRefund accepted(long refundId, String providerRefundId, @Nullable String providerStatus) {
		lockPaymentOf(refundId);
		StoredRefund refund = refunds.findById(refundId).orElseThrow();
		refund.track(providerStatus, Ledger.now(clock));
		refund.accepted(providerRefundId, Ledger.now(clock));
		return refunds.save(refund);
	}

	/** Records why the refund was made (a correction of the reason given). */
	public StoredRefund describe(long refundId, String reason) {
		lockPaymentOf(refundId);
		StoredRefund refund = refunds.findById(refundId).orElseThrow();
		refund.describe(reason, Ledger.now(clock));
		return refunds.save(refund);
	}

	/** The provider refused the refund: the money held for it is released. */
	public StoredRefund failed(long refundId, @Nullable String reason) {
		StoredPayment payment = lockPaymentOf(refundId);
		StoredRefund refund = refunds.findById(refundId).orElseThrow();
		if (refund.failed(reason, Ledger.now(clock))) {
			payment.refundFailed(refund, Ledger.now(clock));
			payments.save(payment);
		}
		return refunds.save(refund);
	}

	/**
	 * A refund the clinic did not ask for (made in the provider's dashboard) that the provider reports processed:
	 * recorded under the provider's refund id, so that revenue counts it. One the payment cannot hold (more than is
	 * left) flags the payment for staff instead.
	 */
	public Optional<StoredRefund> external(long paymentId, String providerRefundId, long amountMinor) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		String key = "provider:" + providerRefundId;
		if (refunds.findByPaymentIdAndIdempotencyKey(paymentId, key).isPresent()) {
			return Optional.empty();
		}
		try {
			payment.holdRefund(amountMinor, Ledger.now(clock));
		}
		catch (Refusal e) {
			payment.flag("The provider reports refund " + providerRefundId + " of " + amountMinor
					+ " minor units that the payment cannot hold: " + e.getMessage(), Ledger.now(clock));
			payments.save(payment);
			return Optional.empty();
		}
		StoredRefund refund = refunds.saveAndFlush(new StoredRefund(payment, amountMinor, key,
				"Refunded at the provider", null, Ledger.now(clock)));
		refund.processed(providerRefundId, Ledger.now(clock));
		payment.refunded(refund, Ledger.now(clock));
		payments.save(payment);
		return Optional.of(refunds.save(refund));
	}

	/** Every change of a refund happens under its payment's lock, and reads the refund only once it holds it. */
	private StoredPayment lockPaymentOf(long refundId) {
		long paymentId = refunds.paymentIdOf(refundId).orElseThrow(() -> Refusal.notFound("Refund"));
		return payments.lock(paymentId).orElseThrow();
	}

	public Optional<StoredRefund> find(String provider, @Nullable String providerRefundId, @Nullable String reference) {
		Optional<StoredRefund> found = providerRefundId == null ? Optional.empty()
				: refunds.findByProviderAndProviderRefundId(provider, providerRefundId);
		if (found.isPresent() || reference == null) {
			return found;
		}
		try {
			return refunds.findByPublicId(UUID.fromString(reference.trim()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
