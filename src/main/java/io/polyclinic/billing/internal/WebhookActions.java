package io.polyclinic.billing.internal;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.PaymentLinkStatus;
import io.polyclinic.billing.RefundStatus;
import io.polyclinic.billing.WebhookResult;

/**
 * What each provider event does to the clinic's payments, links and refunds, inside the transaction that recorded
 * the event. An event about something the clinic does not know is ignored.
 */
@Component
public class WebhookActions {

	private static final Logger log = LoggerFactory.getLogger(WebhookActions.class);

	private final StoredPayments payments;
	private final StoredLinks links;
	private final Ledger ledger;
	private final RefundLedger refunds;
	private final AuditLog audit;
	private final Clock clock;

	WebhookActions(StoredPayments payments, StoredLinks links, Ledger ledger, RefundLedger refunds, AuditLog audit,
			Clock clock) {
		this.payments = payments;
		this.links = links;
		this.ledger = ledger;
		this.refunds = refunds;
		this.audit = audit;
		this.clock = clock;
	}

	public WebhookResult act(String provider, ProviderEvent event) {
		return switch (event.kind()) {
			case PAYMENT_CAPTURED -> captured(provider, event);
			case PAYMENT_FAILED -> failed(provider, event);
			case LINK_PAID -> linkPaid(provider, event);
			case LINK_EXPIRED -> linkClosed(provider, event, PaymentLinkStatus.EXPIRED);
			case LINK_CANCELLED -> linkClosed(provider, event, PaymentLinkStatus.CANCELLED);
			case REFUND_PROCESSED -> refundProcessed(provider, event);
			case REFUND_FAILED -> refundFailed(provider, event);
			case OTHER -> WebhookResult.IGNORED;
		};
	}

	private WebhookResult captured(String provider, ProviderEvent event) {
		String paymentId = event.paymentId();
		Optional<StoredPayment> payment = paymentOf(provider, event);
		if (paymentId == null || payment.isEmpty()) {
			log.info("Webhook {} for a payment the clinic does not know ({} / {})", event.name(), event.orderId(),
					paymentId);
			return WebhookResult.IGNORED;
		}
		StoredPayment p = payment.get();
		if (ledger.heldByAnother(provider, paymentId, p.getId())) {
			log.warn("Webhook {}: payment {} is already recorded for another order", event.name(), paymentId);
			return WebhookResult.IGNORED;
		}
		boolean first = ledger.settle(p.getId(), paymentId, Amounts.upper(event.method()), event.orderId()).first();
		audit.record(audited(event, p.getId(), p.getPatientId()));
		return first ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult failed(String provider, ProviderEvent event) {
		Optional<StoredPayment> payment = paymentOf(provider, event);
		if (payment.isEmpty()) {
			return WebhookResult.IGNORED;
		}
		boolean changed = ledger.fail(payment.get().getId(), event.paymentId(), event.failureReason());
		audit.record(audited(event, payment.get().getId(), payment.get().getPatientId()));
		return changed ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult linkPaid(String provider, ProviderEvent event) {
		Optional<StoredLink> found = event.linkId() == null ? Optional.empty()
				: links.findByProviderAndProviderLinkId(provider, event.linkId());
		if (found.isEmpty()) {
			log.info("Webhook {} for a payment link the clinic does not know ({})", event.name(), event.linkId());
			return WebhookResult.IGNORED;
		}
		StoredLink link = links.lock(found.get().getId()).orElseThrow();
		link.reported(PaymentLinkStatus.PAID, event.linkAmountPaid() > 0 ? event.linkAmountPaid() : link.getAmountMinor(),
				Ledger.now(clock));
		StoredPayment payment = payments.findById(link.getPaymentId()).orElseThrow();
		boolean first = false;
		String paymentId = event.paymentId();
		if (paymentId != null && !ledger.heldByAnother(provider, paymentId, payment.getId())) {
			first = ledger.settle(payment.getId(), paymentId, Amounts.upper(event.method()), event.orderId()).first();
		}
		audit.record(audited(event, payment.getId(), payment.getPatientId()));
		return first ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private WebhookResult linkClosed(String provider, ProviderEvent event, PaymentLinkStatus status) {
		Optional<StoredLink> found = event.linkId() == null ? Optional.empty()
				: links.findByProviderAndProviderLinkId(provider, event.linkId());
		if (found.isEmpty()) {
			return WebhookResult.IGNORED;
		}
		StoredLink link = links.lock(found.get().getId()).orElseThrow();
		link.reported(status, link.getAmountPaidMinor(), Ledger.now(clock));
		return WebhookResult.PROCESSED;
	}

	/**
	 * A refund the clinic asked for, found by the provider's refund id or the clinic's own (echoed in its notes); one
	 * the clinic does not know — made in the provider's dashboard, or an attempt the clinic gave up on whose answer was
	 * lost — is recorded as made at the provider, so that what went back is counted either way.
	 */
	private WebhookResult refundProcessed(String provider, ProviderEvent event) {
		Optional<StoredRefund> ours = refunds.find(provider, event.refundId(), event.refundReference());
		if (ours.isPresent() && sameAttempt(ours.get(), event)) {
			StoredRefund refund = ours.get();
			boolean changed = refund.getStatus() != RefundStatus.PROCESSED;
			refunds.processed(refund.getId(), event.refundId(), event.refundStatus());
			audit.record(audited(event, refund.getPaymentId(), patientOf(refund.getPaymentId())));
			return changed ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
		}
		Optional<StoredPayment> payment = event.paymentId() == null ? Optional.empty()
				: payments.findByProviderAndProviderPaymentId(provider, event.paymentId());
		if (payment.isEmpty() || event.refundId() == null || event.refundAmount() <= 0) {
			log.info("Webhook {} for a refund of a payment the clinic does not know ({})", event.name(), event.paymentId());
			return WebhookResult.IGNORED;
		}
		Optional<StoredRefund> recorded = refunds.external(payment.get().getId(), event.refundId(), event.refundAmount());
		audit.record(audited(event, payment.get().getId(), payment.get().getPatientId()));
		return recorded.isPresent() ? WebhookResult.PROCESSED : WebhookResult.IGNORED;
	}

	private static boolean sameAttempt(StoredRefund refund, ProviderEvent event) {
		String known = refund.getProviderRefundId();
		return known == null || event.refundId() == null || known.equals(event.refundId());
	}

	private WebhookResult refundFailed(String provider, ProviderEvent event) {
		Optional<StoredRefund> ours = refunds.find(provider, event.refundId(), event.refundReference());
		if (ours.isEmpty() || !sameAttempt(ours.get(), event) || ours.get().getStatus() != RefundStatus.PENDING) {
			return WebhookResult.IGNORED;
		}
		refunds.failed(ours.get().getId(), "The provider reported the refund failed");
		audit.record(audited(event, ours.get().getPaymentId(), patientOf(ours.get().getPaymentId())));
		return WebhookResult.PROCESSED;
	}

	private @Nullable Long patientOf(long paymentId) {
		return payments.findById(paymentId).map(StoredPayment::getPatientId).orElse(null);
	}

	/** The order's payment; for a link's payment (whose order the clinic may not know yet) its payment id. */
	private Optional<StoredPayment> paymentOf(String provider, ProviderEvent event) {
		Optional<StoredPayment> byOrder = event.orderId() == null ? Optional.empty()
				: payments.findByProviderAndProviderOrderId(provider, event.orderId());
		if (byOrder.isPresent() || event.paymentId() == null) {
			return byOrder;
		}
		return payments.findByProviderAndProviderPaymentId(provider, event.paymentId());
	}

	private static AuditRecord audited(ProviderEvent event, long paymentId, @Nullable Long patientId) {
		return new AuditRecord(null, null, "UPDATE", PaymentAccess.PAYMENT, String.valueOf(paymentId), patientId,
				AuditRecord.Outcome.SUCCESS, "webhook " + event.name());
	}
}
