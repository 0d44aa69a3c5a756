package io.polyclinic.faces.mibo;

import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentProviders;

/**
 * The payment provider Mibo's contract speaks: Razorpay's checkout, orders, links and webhooks — Razorpay itself when
 * it is configured, otherwise the offline provider, which speaks the same protocol.
 */
@Component
class MiboPaymentProvider {

	private final PaymentProviders providers;

	MiboPaymentProvider(PaymentProviders providers) {
		this.providers = providers;
	}

	String name() {
		return providers.first(PaymentProviders.RAZORPAY, PaymentProviders.OFFLINE);
	}
}
