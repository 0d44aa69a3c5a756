package io.polyclinic.billing;

import java.util.Set;

import org.springframework.stereotype.Service;

import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.Gateways;
import io.polyclinic.platform.Refusal;

/**
 * The payment providers the clinic has configured, several at once. A face chooses the one its contract speaks
 * ({@link #first(String...)}) and names it to checkout, links and webhooks; a payment is then settled and refunded
 * with the provider it was made with.
 */
@Service
public class PaymentProviders {

	/** Razorpay's protocol on the clinic's own machine: always there in demo mode, or with secrets of its own. */
	public static final String OFFLINE = "offline";
	public static final String RAZORPAY = "razorpay";
	public static final String STRIPE = "stripe";

	private final Gateways gateways;
	private final BillingProperties billing;

	PaymentProviders(Gateways gateways, BillingProperties billing) {
		this.gateways = gateways;
		this.billing = billing;
	}

	public Set<String> names() {
		return Set.copyOf(gateways.names());
	}

	public boolean offers(String provider) {
		return gateways.has(provider);
	}

	/**
	 * The first of the providers, in the order given, that is configured.
	 *
	 * @throws Refusal UNAVAILABLE PAYMENT_PROVIDER_FAILED when none is
	 */
	public String first(String... preference) {
		for (String provider : preference) {
			if (gateways.has(provider)) {
				return provider;
			}
		}
		throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED", "No payment provider is configured for this");
	}

	/** The public key id a client's checkout opens with. */
	public String keyId(String provider) {
		return gateways.get(provider).keyId();
	}

	/** The clinic's currency, which totals are counted in. */
	public String currency() {
		return billing.currency();
	}
}
