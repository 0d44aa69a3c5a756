package io.polyclinic.billing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.Amounts;
import io.polyclinic.billing.internal.Gateways;
import io.polyclinic.billing.internal.Ledger;
import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentGateway;
import io.polyclinic.billing.internal.StoredPayment;
import io.polyclinic.billing.internal.StoredPayments;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;

/**
 * Paying an appointment's fee through a provider's checkout: an order for the client to pay, then the verification
 * of what the checkout handed back, which settles the payment. The patient of the appointment or staff who reach it;
 * never its clinician. Provider calls happen outside database transactions, except when a booking charges in its own.
 */
@Service
public class Checkout {

	private static final Logger log = LoggerFactory.getLogger(Checkout.class);

	private final Gateways gateways;
	private final StoredPayments payments;
	private final Ledger ledger;
	private final PaymentAccess access;
	private final AppointmentBook book;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	Checkout(Gateways gateways, StoredPayments payments, Ledger ledger, PaymentAccess access, AppointmentBook book,
			AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
		this.gateways = gateways;
		this.payments = payments;
		this.ledger = ledger;
		this.access = access;
		this.book = book;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * An order for an open appointment's fee. A client may state the amount it expects; one that differs from the fee
	 * is refused rather than charged. An open order of the same appointment and amount is handed out again.
	 *
	 * @throws Refusal CONFLICT NOT_PAYABLE for an appointment that is closed or free; ALREADY_PAID; INVALID_INPUT
	 *         (amount) for another amount; UNAVAILABLE PAYMENT_PROVIDER_FAILED when the provider fails
	 */
	public PaymentOrder order(Ref appointment, @Nullable Long expectedAmountMinor, String provider, Actor actor) {
		Appointment a = book.require(book.idOf(appointment));
		access.requirePayer(a, actor, "CREATE", PaymentAccess.PAYMENT, "appointment " + a.id());
		if (a.feeMinor() <= 0) {
			throw Refusal.conflict("NOT_PAYABLE", "This appointment has no fee to pay");
		}
		if (expectedAmountMinor != null && expectedAmountMinor != a.feeMinor()) {
			throw Refusal.invalidField("amount", "Amount must equal the appointment's fee (" + a.feeMinor() / 100 + ")");
		}
		ledger.requirePayable(a);
		List<StoredPayment> open = payments.openOrders(a.id(), provider, a.feeMinor(), a.currency(), PageRequest.of(0, 1));
		if (!open.isEmpty()) {
			StoredPayment existing = open.get(0);
			return new PaymentOrder(existing.getProviderOrderId(), existing.getAmountMinor(), existing.getCurrency(),
					gateways.get(provider).keyId(), existing.getId(), provider);
		}
		return open(a, provider, actor);
	}

	/** An order for an appointment just booked, in the booking's transaction: nothing can have paid for it yet. */
	PaymentOrder open(Appointment appointment, String provider, Actor actor) {
		PaymentGateway gateway = gateways.get(provider);
		long amount = appointment.feeMinor();
		UUID publicId = UUID.randomUUID();
		String orderId = gateway.createOrder(new PaymentGateway.OrderRequest(amount, appointment.currency(),
				publicId.toString(), Amounts.notes(appointment, publicId)));
		StoredPayment saved = tx.execute(s -> {
			StoredPayment payment = payments.save(new StoredPayment(publicId, appointment, amount, appointment.currency(),
					gateway.name(), orderId, Ledger.now(clock)));
			audit.record(AuditRecord.success(actor, "CREATE", PaymentAccess.PAYMENT, payment.getId(),
					appointment.patientId()));
			return payment;
		});
		return new PaymentOrder(orderId, amount, appointment.currency(), gateway.keyId(), saved.getId(), gateway.name());
	}

	/**
	 * Verifies what the checkout handed the client and settles the payment. The signature is checked with the
	 * provider's algorithm in every mode; a repeated verification of a settled payment answers the same and publishes
	 * nothing.
	 *
	 * @throws Refusal INVALID SIGNATURE_INVALID for a forged signature; NOT_FOUND for an unknown order; FORBIDDEN for
	 *         another patient's order; CONFLICT PAID_ELSEWHERE when the order was paid by another payment
	 */
	public Payment verify(String provider, CheckoutVerification verification, Actor actor) {
		if (!(actor.isStaff() || actor.is(Role.PATIENT))) {
			throw access.denied(actor, "VERIFY", PaymentAccess.PAYMENT, null, null);
		}
		String orderId = Amounts.required(verification.orderId(), "orderId", "Order id is required");
		String paymentId = Amounts.required(verification.paymentId(), "paymentId", "Payment id is required");
		String signature = Amounts.required(verification.signature(), "signature", "Signature is required");
		PaymentGateway gateway = gateways.get(provider);
		if (!gateway.validCheckoutSignature(orderId, paymentId, signature)) {
			audit.recordDenied(AuditRecord.of(actor, "VERIFY", PaymentAccess.PAYMENT, orderId, null,
					AuditRecord.Outcome.FAILED, "invalid checkout signature"));
			throw Refusal.invalid("SIGNATURE_INVALID", "Payment verification failed: the signature is invalid");
		}
		StoredPayment payment = payments.findByProviderAndProviderOrderId(gateway.name(), orderId)
			.orElseThrow(() -> Refusal.notFound("Payment order"));
		Appointment a = book.require(payment.getAppointmentId());
		access.requirePayer(a, actor, "VERIFY", PaymentAccess.PAYMENT, payment.getId());
		Ref named = verification.appointment();
		if (named != null && !names(named, a)) {
			throw Refusal.invalidField("appointmentId", "The order belongs to another appointment");
		}
		Payment current = payment.toPayment();
		if (current.paid() && !paymentId.equals(current.providerPaymentId())) {
			throw Refusal.conflict("PAID_ELSEWHERE", "This order was already paid by another payment");
		}
		String method = current.paid() ? null : methodOf(gateway, paymentId, verification.method());
		return tx.execute(s -> {
			Ledger.Settlement settled = ledger.settle(payment.getId(), paymentId, method, null);
			audit.record(AuditRecord.success(actor, "VERIFY", PaymentAccess.PAYMENT, payment.getId(),
					payment.getPatientId()));
			return settled.payment();
		});
	}

	/**
	 * The patient gave up at the provider's checkout, or it failed them: the order's payment is marked failed and the
	 * appointment, still unpaid, is cancelled, so that its time is free for someone else at once. A paid order is not
	 * touched. The appointment's patient or staff who reach it.
	 *
	 * @throws Refusal NOT_FOUND for an unknown order or one of another appointment; FORBIDDEN (audited) for anyone
	 *         else; CONFLICT ALREADY_PAID for a paid order (cancelling the appointment refunds it)
	 */
	public Payment abandon(Ref appointment, String provider, String orderId, @Nullable String reason, Actor actor) {
		Appointment a = book.require(book.idOf(appointment));
		access.requirePayer(a, actor, "CANCEL", PaymentAccess.PAYMENT, "appointment " + a.id());
		StoredPayment payment = payments.findByProviderAndProviderOrderId(gateways.get(provider).name(), orderId)
			.filter(p -> p.getAppointmentId() == a.id())
			.orElseThrow(() -> Refusal.notFound("Payment order"));
		if (payment.toPayment().paid()) {
			throw Refusal.conflict("ALREADY_PAID", "This order is paid: cancel the appointment to be refunded");
		}
		String why = reason == null || reason.isBlank() ? "The checkout was abandoned" : reason.strip();
		return tx.execute(s -> {
			ledger.fail(payment.getId(), null, why.length() > 500 ? why.substring(0, 500) : why);
			if (a.status() == AppointmentStatus.PENDING) {
				book.cancel(Ref.id(a.id()), "Payment not completed", actor);
			}
			audit.record(AuditRecord.success(actor, "CANCEL", PaymentAccess.PAYMENT, payment.getId(),
					payment.getPatientId()));
			return payments.findById(payment.getId()).orElseThrow().toPayment();
		});
	}

	private static boolean names(Ref ref, Appointment appointment) {
		return ref.id() != null ? ref.id() == appointment.id() : appointment.publicId().equals(ref.publicId());
	}

	private static @Nullable String methodOf(PaymentGateway gateway, String paymentId, @Nullable String given) {
		if (OfflineGateway.NAME.equals(gateway.name())) {
			return Amounts.upper(given == null || given.isBlank() ? "UPI" : given);
		}
		try {
			return gateway.paymentMethod(paymentId).map(Amounts::upper).orElse(null);
		}
		catch (Refusal e) {
			// The valid signature is the proof of payment; the method is a detail the webhook fills in later.
			log.warn("The method of payment {} could not be fetched: {}", paymentId, e.getMessage());
			return null;
		}
	}
}
