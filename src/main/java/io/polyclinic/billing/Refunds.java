package io.polyclinic.billing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.Amounts;
import io.polyclinic.billing.internal.Gateways;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentGateway;
import io.polyclinic.billing.internal.RefundLedger;
import io.polyclinic.billing.internal.StoredPayment;
import io.polyclinic.billing.internal.StoredPayments;
import io.polyclinic.billing.internal.StoredRefund;
import io.polyclinic.billing.internal.StoredRefunds;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * Giving money back, in full or in parts, through the provider that took it (offline: at once). Staff who reach the
 * payment's appointment, and the clinic itself ({@link Actor#system()}). A refund is idempotent under the caller's
 * key: the same request twice refunds once. Refunds never add up to more than was paid: what is asked for is held
 * against the payment before the provider is asked, and released if it refuses. Money that went back publishes
 * {@link PaymentRefunded}; every refund, and every refusal, is audited.
 */
@Service
public class Refunds {

	private static final int KEY_LENGTH = 100;

	private final StoredPayments payments;
	private final StoredRefunds refunds;
	private final Gateways gateways;
	private final RefundLedger ledger;
	private final PaymentAccess access;
	private final AppointmentBook book;
	private final AuditLog audit;

	Refunds(StoredPayments payments, StoredRefunds refunds, Gateways gateways, RefundLedger ledger,
			PaymentAccess access, AppointmentBook book, AuditLog audit) {
		this.payments = payments;
		this.refunds = refunds;
		this.gateways = gateways;
		this.ledger = ledger;
		this.access = access;
		this.book = book;
		this.audit = audit;
	}

	/**
	 * Gives money back for a settled payment: the amount asked, or all that is left.
	 *
	 * @return the refund: PROCESSED when the money went back, PENDING while the provider works on it
	 * @throws Refusal NOT_FOUND; FORBIDDEN; CONFLICT NOT_REFUNDABLE (nothing left), IDEMPOTENCY_KEY_REUSED (the key
	 *         named another amount); INVALID_INPUT (amount, idempotencyKey); UNAVAILABLE PAYMENT_PROVIDER_FAILED or
	 *         REFUND_FAILED when the provider fails or refuses (the refund is then FAILED, and may be asked again)
	 */
	public Refund refund(RefundRequest request, Actor actor) {
		access.requireStaff(actor, "REFUND", PaymentAccess.PAYMENT);
		StoredPayment payment = payment(request.payment());
		Appointment a = book.require(payment.getAppointmentId());
		access.requireStaff(a, actor, "REFUND", PaymentAccess.PAYMENT, payment.getId());
		String key = Amounts.required(request.idempotencyKey(), "idempotencyKey", "An idempotency key is required");
		if (key.length() > KEY_LENGTH) {
			throw Refusal.invalidField("idempotencyKey", "An idempotency key is at most 100 characters");
		}
		if (request.amountMinor() != null) {
			Amounts.positive(request.amountMinor(), "amount");
		}
		StoredRefund refund = ledger.hold(payment.getId(), request.amountMinor(), key,
				Amounts.clip(request.reason(), 500), actor.auditUserId());
		if (refund.awaitsProvider()) {
			refund = ask(payment, refund, actor);
		}
		audit.record(AuditRecord.of(actor, "REFUND", PaymentAccess.PAYMENT, payment.getId(), payment.getPatientId(),
				AuditRecord.Outcome.SUCCESS, "refund " + refund.getId() + " of " + refund.getAmountMinor()));
		return refund.toRefund();
	}

	/**
	 * Changes why a refund was made, for the record; its amount and status are the provider's business. Staff who reach
	 * the payment's appointment.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited); INVALID_INPUT (reason) for a blank one
	 */
	public Refund describe(long refundId, String reason, Actor actor) {
		access.requireStaff(actor, "UPDATE", PaymentAccess.PAYMENT);
		StoredRefund refund = refunds.findById(refundId).orElseThrow(() -> Refusal.notFound("Refund"));
		StoredPayment payment = payments.findById(refund.getPaymentId()).orElseThrow();
		access.requireStaff(book.require(payment.getAppointmentId()), actor, "UPDATE", PaymentAccess.PAYMENT,
				payment.getId());
		String why = Amounts.clip(Amounts.required(reason, "reason", "A reason is required"), 500);
		Refund changed = ledger.describe(refundId, why).toRefund();
		audit.record(AuditRecord.of(actor, "UPDATE", PaymentAccess.PAYMENT, payment.getId(), payment.getPatientId(),
				AuditRecord.Outcome.SUCCESS, "refund " + refundId + " reason"));
		return changed;
	}

	/** A payment's refunds, oldest first: whoever may read the payment. */
	public List<Refund> of(Ref payment, Actor actor) {
		StoredPayment p = payment(payment);
		access.requirePayer(book.require(p.getAppointmentId()), actor, "READ", PaymentAccess.PAYMENT, p.getId());
		return refunds.findByPaymentIdOrderByCreatedAtAscIdAsc(p.getId()).stream().map(StoredRefund::toRefund).toList();
	}

	private StoredRefund ask(StoredPayment payment, StoredRefund refund, Actor actor) {
		PaymentGateway.ProviderRefund answer;
		try {
			answer = gateways.get(payment.getProvider()).refund(new PaymentGateway.RefundRequest(
					Objects.requireNonNull(payment.getProviderPaymentId(), "a settled payment has its provider's id"),
					refund.getAmountMinor(), payment.getCurrency(),
					refund.providerKey(), refund.getPublicId().toString(),
					Map.of("payment_id", payment.getPublicId().toString()), payment.getProviderOrderId()));
		}
		catch (Refusal e) {
			refused(payment, refund, actor, e.getMessage());
			throw e;
		}
		return switch (answer.outcome()) {
			case PROCESSED -> ledger.processed(refund.getId(), answer.id(), answer.status());
			case PENDING -> ledger.accepted(refund.getId(), answer.id(), answer.status());
			case FAILED -> {
				refused(payment, refund, actor, "The payment provider refused the refund");
				throw Refusal.unavailable("REFUND_FAILED", "The payment provider refused the refund");
			}
		};
	}

	private void refused(StoredPayment payment, StoredRefund refund, Actor actor, String reason) {
		ledger.failed(refund.getId(), reason);
		audit.record(AuditRecord.of(actor, "REFUND", PaymentAccess.PAYMENT, payment.getId(), payment.getPatientId(),
				AuditRecord.Outcome.FAILED, "refund " + refund.getId() + " refused: " + reason));
	}

	private StoredPayment payment(Ref ref) {
		return (ref.id() != null ? payments.findById(ref.id()) : payments.findByPublicId(ref.publicId()))
			.orElseThrow(() -> Refusal.notFound("Payment"));
	}
}
