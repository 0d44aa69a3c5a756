package io.polyclinic.platform;

import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as the clinic stores them: {@code +} and digits only (E.164 style).
 */
public final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/**
	 * Normalizes a number typed by a person: separators dropped, a bare national number given the default country
	 * code. Returns null when what remains is no phone number.
	 */
	public static @Nullable String normalize(@Nullable String raw, String defaultCountryCode) {
		if (raw == null) {
			return null;
		}
		String trimmed = raw.trim();
		boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
		String digits = trimmed.replaceAll("[\\s().-]", "");
		if (digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		else if (digits.startsWith("00")) {
			digits = digits.substring(2);
		}
		if (!digits.matches("\\d{6,15}")) {
			return null;
		}
		if (!international && digits.length() <= 10) {
			digits = defaultCountryCode + digits;
		}
		return "+" + digits;
	}

	/** The digits a search should match at the end of a stored number, with or without the country code. */
	public static String searchDigits(String raw) {
		String digits = raw.replaceAll("\\D", "");
		return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
	}
}
