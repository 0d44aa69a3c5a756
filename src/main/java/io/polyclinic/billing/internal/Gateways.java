package io.polyclinic.billing.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyclinic.platform.Refusal;

/** The payment providers configured at once, by name: a payment is made and settled with the one it names. */
public class Gateways {

	private final Map<String, PaymentGateway> byName = new LinkedHashMap<>();

	public Gateways(Collection<PaymentGateway> gateways) {
		for (PaymentGateway gateway : gateways) {
			if (byName.putIfAbsent(gateway.name(), gateway) != null) {
				throw new IllegalStateException("Two payment providers are named " + gateway.name());
			}
		}
		if (byName.isEmpty()) {
			throw new IllegalStateException("No payment provider is configured");
		}
	}

	/** @throws Refusal UNAVAILABLE PAYMENT_PROVIDER_FAILED when the clinic has no such provider configured */
	public PaymentGateway get(String name) {
		PaymentGateway gateway = byName.get(name);
		if (gateway == null) {
			throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED", "The payment provider " + name + " is not configured");
		}
		return gateway;
	}

	public boolean has(String name) {
		return byName.containsKey(name);
	}

	public Set<String> names() {
		return byName.keySet();
	}

	public List<PaymentGateway> all() {
		return List.copyOf(byName.values());
	}
}
