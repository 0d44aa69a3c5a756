package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

/**
 * How a booking is paid for: an order for the patient's checkout, a payment link staff send over WhatsApp, or
 * nothing now.
 *
 * @param provider the provider to charge with (see {@link PaymentProviders}); null only for {@link Kind#NONE}
 */
public record Charge(Kind kind, @Nullable String provider) {

	public enum Kind {
		ORDER, LINK, NONE
	}

	public static final Charge NONE = new Charge(Kind.NONE, null);

	public Charge {
		if ((kind == Kind.NONE) != (provider == null)) {
			throw new IllegalArgumentException("A charge names a provider exactly when it charges");
		}
	}

	public static Charge order(String provider) {
		return new Charge(Kind.ORDER, provider);
	}

	public static Charge link(String provider) {
		return new Charge(Kind.LINK, provider);
	}
}
