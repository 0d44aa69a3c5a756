package io.polyclinic.billing;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.billing.internal.Gateways;
import io.polyclinic.billing.internal.Ledger;
import io.polyclinic.billing.internal.PaymentAccess;
import io.polyclinic.billing.internal.PaymentGateway;
import io.polyclinic.billing.internal.ProviderEvent;
import io.polyclinic.billing.internal.WebhookActions;
import io.polyclinic.billing.internal.WebhookEvents;
import io.polyclinic.platform.Refusal;

/**
 * Provider webhooks. The provider that sent one checks its signature over the raw body (a missing or wrong one is
 * refused and audited) and reads it; each event is then taken in once: recorded before it is acted on, in one
 * transaction, so that a second delivery — even a concurrent one — changes nothing and answers
 * {@link WebhookResult#DUPLICATE}. No caller is involved: the signature is the authority.
 *
 * <p>Captured payments settle their order's payment; failed ones mark it failed (not once settled); paid links settle
 * theirs; expired and cancelled links close; processed refunds count (a refund made in the provider's dashboard
 * too); failed refunds release what they held. Other events are recorded and ignored.
 */
@Service
public class Webhooks {

	private final Gateways gateways;
	private final WebhookEvents events;
	private final WebhookActions actions;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	Webhooks(Gateways gateways, WebhookEvents events, WebhookActions actions, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock) {
		this.gateways = gateways;
		this.events = events;
		this.actions = actions;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @param provider the provider the face takes webhooks for
	 * @param rawBody the request body exactly as received: the signature is over these bytes
	 * @param headers the request's headers (names in any case)
	 * @throws Refusal INVALID SIGNATURE_INVALID "Invalid webhook signature" for a missing or wrong signature;
	 *         INVALID_INPUT for a signed body that is no event
	 */
	public WebhookResult receive(String provider, byte[] rawBody, Map<String, String> headers) {
		PaymentGateway gateway = gateways.get(provider);
		Map<String, String> named = named(headers);
		if (!gateway.authentic(rawBody, named)) {
			throw forged(provider);
		}
		return take(gateway, rawBody, named);
	}

	/**
	 * A webhook for whichever configured provider signed it, at one endpoint for all: the providers whose signature
	 * header it carries ({@code Stripe-Signature}; {@code X-Razorpay-Signature} for Razorpay and the offline provider,
	 * which speaks its protocol) check it in turn, and the first whose signature holds reads it.
	 *
	 * @throws Refusal INVALID SIGNATURE_INVALID "Invalid webhook signature" when no provider's signature holds (or none
	 *         is there); INVALID_INPUT for a signed body that is no event
	 */
	public WebhookResult receive(byte[] rawBody, Map<String, String> headers) {
		Map<String, String> named = named(headers);
		for (PaymentGateway gateway : gateways.all()) {
			if (gateway.signs(named) && gateway.authentic(rawBody, named)) {
				return take(gateway, rawBody, named);
			}
		}
		throw forged("payment provider");
	}

	private WebhookResult take(PaymentGateway gateway, byte[] rawBody, Map<String, String> named) {
		ProviderEvent event = gateway.read(rawBody, named);
		try {
			return tx.execute(s -> {
				try {
					events.record(gateway.name(), event.key(), event.name(), Ledger.now(clock));
				}
				catch (DuplicateKeyException e) {
					throw new AlreadyTakenIn();
				}
				return actions.act(gateway.name(), event);
			});
		}
		catch (AlreadyTakenIn e) {
			return WebhookResult.DUPLICATE;
		}
	}

	private Refusal forged(String provider) {
		audit.recordDenied(new AuditRecord(null, null, "WEBHOOK", PaymentAccess.PAYMENT, null, null,
				AuditRecord.Outcome.DENIED, "missing or invalid " + provider + " webhook signature"));
		return Refusal.invalid("SIGNATURE_INVALID", "Invalid webhook signature");
	}

	private static Map<String, String> named(Map<String, String> headers) {
		Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, value) -> {
			if (name != null && value != null) {
				named.put(name, value);
			}
		});
		return named;
	}

	/** Thrown inside the webhook's transaction to roll it back when the event was taken in before. */
	private static final class AlreadyTakenIn extends RuntimeException {
		AlreadyTakenIn() {
			super(null, null, false, false);
		}
	}
}
