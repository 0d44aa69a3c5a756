package io.polyclinic.billing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonValue;

/** A payment link's state, named as Razorpay names it: {@link #value()} is the lower-case word. */
public enum PaymentLinkStatus {
	CREATED, PARTIALLY_PAID, PAID, EXPIRED, CANCELLED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Razorpay's word for a status; an unknown or missing word is null. */
	public static @Nullable PaymentLinkStatus of(@Nullable String value) {
		if (value == null) {
			return null;
		}
		for (PaymentLinkStatus s : values()) {
			if (s.value().equalsIgnoreCase(value.trim())) {
				return s;
			}
		}
		return null;
	}

	/** No payment can change it any more. */
	public boolean finished() {
		return this == PAID || this == EXPIRED || this == CANCELLED;
	}
}
