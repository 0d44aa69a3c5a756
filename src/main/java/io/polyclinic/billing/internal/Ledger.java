package io.polyclinic.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentStatus;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;

/**
 * Settles and fails payments under a row lock, in the transaction that publishes what happened: whoever settles a
 * payment first (a checkout verification, a webhook, a link refresh) publishes
 * {@link io.polyclinic.billing.PaymentSucceeded}; everyone after finds it settled and publishes nothing.
 */
@Component
public class Ledger {

	private final StoredPayments payments;
	private final Clock clock;

	Ledger(StoredPayments payments, Clock clock) {
		this.payments = payments;
		this.clock = clock;
	}

	public record Settlement(Payment payment, boolean first) {
	}

	@Transactional
	public Settlement settle(long paymentId, String providerPaymentId, @Nullable String method, @Nullable String orderId) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		if (!payment.isPaid() && heldByAnother(payment.getProvider(), providerPaymentId, paymentId)) {
			throw Refusal.conflict("PAID_ELSEWHERE", "This payment is already recorded for another order");
		}
		boolean first = payment.settle(providerPaymentId, method, orderId, now(clock));
		payments.saveAndFlush(payment);
		return new Settlement(payment.toPayment(), first);
	}

	@Transactional
	public boolean fail(long paymentId, @Nullable String providerPaymentId, @Nullable String reason) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		if (providerPaymentId != null && heldByAnother(payment.getProvider(), providerPaymentId, paymentId)) {
			return false;
		}
		boolean changed = payment.fail(providerPaymentId, reason, now(clock));
		payments.saveAndFlush(payment);
		return changed;
	}

	/** Records the provider's latest word on the payment's order ({@code requires_action}, {@code canceled}). */
	@Transactional
	public Payment track(long paymentId, @Nullable String providerStatus) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		payment.track(providerStatus, now(clock));
		payments.saveAndFlush(payment);
		return payment.toPayment();
	}

	/**
	 * Marks a payment for staff to look at, in a transaction of its own: the caller's may hold the payment as it was
	 * before a refund changed it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void flag(long paymentId, String reason) {
		StoredPayment payment = payments.lock(paymentId).orElseThrow(() -> Refusal.notFound("Payment"));
		payment.flag(reason, now(clock));
		payments.save(payment);
	}

	/** The clock's time at the database's precision, so that what is published equals what is stored. */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * An appointment can take a new payment while it is open and nothing has paid for it yet.
	 *
	 * @throws Refusal CONFLICT NOT_PAYABLE for a closed appointment, ALREADY_PAID for a paid one
	 */
	public void requirePayable(Appointment appointment) {
		if (!appointment.status().isOpen()) {
			throw Refusal.conflict("NOT_PAYABLE", "This appointment can no longer be paid for");
		}
		if (payments.existsByAppointmentIdAndStatus(appointment.id(), PaymentStatus.PAID)) {
			throw Refusal.conflict("ALREADY_PAID", "This appointment is already paid");
		}
	}

	/** Whether another payment already carries this provider payment id (the unique key would refuse it). */
	public boolean heldByAnother(String provider, String providerPaymentId, long paymentId) {
		return payments.findByProviderAndProviderPaymentId(provider, providerPaymentId)
			.filter(other -> other.getId() != paymentId)
			.isPresent();
	}
}
