package io.polyclinic.billing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
		return order(new CheckoutRequest(appointment, expectedAmountMinor, null, provider, null, Map.of()), actor);
	}

	/**
	 * An order for an open appointment's fee, in the fee's currency and minor unit: the fee comes from the clinician
	 * (through the appointment), never from the client, whose amount and currency are only checked against it. An open
	 * order of the same appointment, provider and amount is handed out again (with its client secret, for Stripe).
	 *
	 * @throws Refusal CONFLICT NOT_PAYABLE for an appointment that is closed or free; ALREADY_PAID; INVALID_INPUT
	 *         (amount, currency, method, metadata); UNAVAILABLE PAYMENT_PROVIDER_FAILED when the provider fails
	 */
	public PaymentOrder order(CheckoutRequest request, Actor actor) {
		Appointment a = book.require(book.idOf(request.appointment()));
		access.requirePayer(a, actor, "CREATE", PaymentAccess.PAYMENT, "appointment " + a.id());
		if (a.feeMinor() <= 0) {
			throw Refusal.conflict("NOT_PAYABLE", "This appointment has no fee to pay");
		}
		Long expected = request.expectedAmountMinor();
		if (expected != null && expected != a.feeMinor()) {
			throw Refusal.invalidField("amount", "Amount must equal the appointment's fee (" + a.feeMinor() / 100 + ")");
		}
		if (request.currency() != null && !request.currency().isBlank()
				&& !request.currency().trim().equalsIgnoreCase(a.currency())) {
			throw Refusal.invalidField("currency",
					"Currency must be the appointment's (" + a.currency().toLowerCase(Locale.ROOT) + ")");
		}
		String method = Amounts.upper(request.method());
		if (method != null && (method.length() > 30 || !method.matches("[A-Z_]+"))) {
			throw Refusal.invalidField("payment_method", "Unknown payment method");
		}
		Map<String, String> metadata = metadata(request.metadata());
		ledger.requirePayable(a);
		String provider = request.provider();
		List<StoredPayment> open = payments.openOrders(a.id(), provider, a.feeMinor(), a.currency(), PageRequest.of(0, 1));
		if (!open.isEmpty()) {
			StoredPayment existing = open.get(0);
			PaymentGateway gateway = gateways.get(provider);
			String orderId = existing.getProviderOrderId();
			return new PaymentOrder(orderId, existing.getAmountMinor(), existing.getCurrency(), gateway.keyId(),
					existing.getId(), provider, orderId == null ? null : gateway.clientSecret(orderId).orElse(null),
					existing.getPublicId(), existing.getProviderStatus());
		}
		return open(a, provider, method, metadata, actor);
	}

	/** An order for an appointment just booked, in the booking's transaction: nothing can have paid for it yet. */
	PaymentOrder open(Appointment appointment, String provider, Actor actor) {
		return open(appointment, provider, null, Map.of(), actor);
	}

	private PaymentOrder open(Appointment appointment, String provider, @Nullable String method,
			Map<String, String> metadata, Actor actor) {
		PaymentGateway gateway = gateways.get(provider);
		long amount = appointment.feeMinor();
		UUID publicId = UUID.randomUUID();
		// the client's notes go to the provider too, under the clinic's own, which they cannot replace
		Map<String, String> notes = new LinkedHashMap<>(metadata);
		notes.putAll(Amounts.notes(appointment, publicId));
		PaymentGateway.OpenedOrder order = gateway.open(new PaymentGateway.OrderRequest(amount, appointment.currency(),
				publicId.toString(), notes), publicId.toString());
		StoredPayment saved = tx.execute(s -> {
			StoredPayment payment = payments.save(new StoredPayment(publicId, appointment, amount, appointment.currency(),
					gateway.name(), order.id(), order.status(), method, metadata, Ledger.now(clock)));
			audit.record(AuditRecord.success(actor, "CREATE", PaymentAccess.PAYMENT, payment.getId(),
					appointment.patientId()));
			return payment;
		});
		return new PaymentOrder(order.id(), amount, appointment.currency(), gateway.keyId(), saved.getId(),
				gateway.name(), order.clientSecret(), publicId, order.status());
	}

	/**
	 * Confirms a payment on the server with the customer's payment method (Stripe's confirm; in demo mode the offline
	 * provider settles at once). The provider's answer decides: succeeded settles the payment (once: a webhook saying
	 * the same later changes nothing), a decline fails it with the provider's message, anything else (an
	 * authentication to do, a payment processing) leaves it open for the webhook. Confirming a settled payment answers
	 * it as it is. The appointment's patient or staff who reach it; never its clinician.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited); CONFLICT PAYMENT_CANCELLED for a cancelled payment, NOT_PAYABLE
	 *         for a closed appointment; INVALID CONFIRM_UNSUPPORTED where the provider's checkout confirms by itself,
	 *         PAYMENT_REJECTED for what the provider refuses (an unknown payment method); UNAVAILABLE
	 *         PAYMENT_PROVIDER_FAILED
	 */
	public Confirmed confirm(Ref payment, PaymentConfirmation confirmation, Actor actor) {
		StoredPayment stored = find(payment);
		Appointment a = book.require(stored.getAppointmentId());
		access.requirePayer(a, actor, "CONFIRM", PaymentAccess.PAYMENT, stored.getId());
		Payment current = stored.toPayment();
		if (current.paid()) {
			return new Confirmed(current, "succeeded");
		}
		if (Payment.CANCELED.equals(current.providerStatus())) {
			throw Refusal.conflict("PAYMENT_CANCELLED", "This payment was cancelled: start a new one");
		}
		if (!a.status().isOpen()) {
			throw Refusal.conflict("NOT_PAYABLE", "This appointment can no longer be paid for");
		}
		String orderId = current.orderId();
		if (orderId == null) {
			throw Refusal.conflict("NOT_CONFIRMABLE", "This payment is collected through a payment link");
		}
		String paymentMethod = Amounts.clip(confirmation.paymentMethod(), 255);
		String returnUrl = Amounts.clip(confirmation.returnUrl(), 2000);
		// an app's own scheme too: a mobile client comes back through it after 3-D Secure
		if (returnUrl != null && !returnUrl.matches("[A-Za-z][A-Za-z0-9+.-]*://\\S+")) {
			throw Refusal.invalidField("returnUrl", "The return URL must be an absolute URL");
		}
		PaymentGateway.Confirmation answer = gateways.get(stored.getProvider()).confirm(orderId,
				new PaymentGateway.ConfirmRequest(paymentMethod, returnUrl, current.method()));
		return tx.execute(s -> {
			switch (answer.outcome()) {
				case SUCCEEDED -> ledger.settle(stored.getId(), answer.paymentId() != null ? answer.paymentId() : orderId,
						null, null);
				case FAILED -> ledger.fail(stored.getId(), answer.paymentId(),
						answer.error() != null ? answer.error() : "The payment was declined");
				case PENDING -> {
					// the webhook settles or fails it
				}
			}
			Payment after = ledger.track(stored.getId(), answer.status());
			audit.record(AuditRecord.of(actor, "CONFIRM", PaymentAccess.PAYMENT, stored.getId(), stored.getPatientId(),
					AuditRecord.Outcome.SUCCESS, "provider says " + answer.status()));
			return new Confirmed(after, answer.status());
		});
	}

	/**
	 * Cancels an unpaid payment: its order is cancelled at the provider (Stripe cancels the PaymentIntent), so that
	 * nothing can pay it any more, and the payment fails. The appointment stays as it is: a new payment may follow.
	 * Cancelling a cancelled payment answers it as it is. The appointment's patient or staff who reach it.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited); CONFLICT ALREADY_PAID for a settled payment (refund it instead),
	 *         PAYMENT_STATE when the provider can no longer cancel it; UNAVAILABLE PAYMENT_PROVIDER_FAILED
	 */
	public Payment cancel(Ref payment, @Nullable String reason, Actor actor) {
		StoredPayment stored = find(payment);
		Appointment a = book.require(stored.getAppointmentId());
		access.requirePayer(a, actor, "CANCEL", PaymentAccess.PAYMENT, stored.getId());
		Payment current = stored.toPayment();
		if (current.paid()) {
			throw Refusal.conflict("ALREADY_PAID", "This payment is settled: refund it instead");
		}
		if (Payment.CANCELED.equals(current.providerStatus())) {
			return current;
		}
		if (current.orderId() != null) {
			gateways.get(stored.getProvider()).cancelOrder(current.orderId());
		}
		String why = Amounts.clip(reason, 500);
		return tx.execute(s -> {
			ledger.fail(stored.getId(), null, why == null ? "The payment was cancelled" : why);
			Payment after = ledger.track(stored.getId(), Payment.CANCELED);
			audit.record(AuditRecord.success(actor, "CANCEL", PaymentAccess.PAYMENT, stored.getId(),
					stored.getPatientId()));
			return after;
		});
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

	private StoredPayment find(Ref ref) {
		return (ref.id() != null ? payments.findById(ref.id()) : payments.findByPublicId(ref.publicId()))
			.orElseThrow(() -> Refusal.notFound("Payment"));
	}

	/** The client's notes, within what a provider keeps (Stripe: 50 keys of 40 characters, values of 500). */
	private static Map<String, String> metadata(@Nullable Map<String, String> given) {
		if (given == null || given.isEmpty()) {
			return Map.of();
		}
		if (given.size() > 20) {
			throw Refusal.invalidField("metadata", "Metadata has at most 20 keys");
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		given.forEach((key, value) -> {
			if (key == null || key.isBlank() || key.length() > 40 || value == null || value.length() > 500) {
				throw Refusal.invalidField("metadata",
						"Metadata keys are 1 to 40 characters and values at most 500 characters");
			}
			metadata.put(key, value);
		});
		return metadata;
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
