package io.polyclinic.faces;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;

/**
 * Amounts between the modules (minor units: paise, cents) and the contracts (rupees, dollars, as whole numbers or
 * decimals), converted once with each currency's own number of decimals.
 */
public final class Money {

	private Money() {
	}

	/** Major units with the currency's decimals: 150050 INR → 1500.50. */
	public static BigDecimal major(long minor, String currency) {
		return BigDecimal.valueOf(minor, digits(currency));
	}

	/** Whole major units, rounded half up (contracts that show whole rupees): 150050 INR → 1501. */
	public static long whole(long minor, String currency) {
		return major(minor, currency).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** Minor units of an amount a client gave in whole major units; null stays null. */
	public static @Nullable Long minorOfWhole(@Nullable Long whole, String currency) {
		return whole == null ? null : Math.multiplyExact(whole, pow10(digits(currency)));
	}

	/** Minor units of an amount a client gave in major units; more decimals than the currency has are refused. */
	public static long minor(BigDecimal major, String currency, String field) {
		try {
			return major.setScale(digits(currency), RoundingMode.UNNECESSARY).movePointRight(digits(currency))
				.longValueExact();
		}
		catch (ArithmeticException e) {
			throw Refusal.invalidField(field, "Must be an amount in " + currency + " with at most " + digits(currency)
					+ " decimals");
		}
	}

	/** The currency's decimals; a code that names no ISO 4217 currency (in any case) is refused. */
	private static int digits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency.trim().toUpperCase(java.util.Locale.ROOT))
				.getDefaultFractionDigits());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField("currency", "Not an ISO 4217 currency code");
		}
	}

	private static long pow10(int digits) {
		long factor = 1;
		for (int i = 0; i < digits; i++) {
			factor *= 10;
		}
		return factor;
	}
}
