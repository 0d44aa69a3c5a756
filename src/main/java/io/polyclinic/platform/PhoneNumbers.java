package io.polyclinic.platform;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as the clinic stores them: E.164 ({@code +} and digits), parsed and formatted with libphonenumber.
 * <p>
 * A number is accepted when it is <em>possible</em> for its country (the right length for it), not only when it
 * is <em>valid</em> (inside a range the metadata knows is assigned): ranges are assigned faster than any copy of the
 * metadata learns of them, and a clinic must not turn away a real patient for it. The demo administrator's
 * {@code +15550000001} (a fictional 555 number) is possible, not valid.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/** Digits and the separators people type; letters (vanity numbers) and extensions are no phone to text. */
	private static final Pattern TYPED = Pattern.compile("\\+?[0-9\\s().-]+");

	private PhoneNumbers() {
	}

	/**
	 * Normalizes a number typed by a person: separators dropped, a national number given the default country code
	 * (as its country writes it: a trunk prefix such as India's {@code 0} is understood), {@code 00} read as the
	 * international prefix. Returns null when what remains is no possible phone number.
	 *
	 * @param defaultCountryCode the calling code of the clinic's country, without {@code +}: {@code 91}
	 */
	public static @Nullable String normalize(@Nullable String raw, String defaultCountryCode) {
		if (raw == null) {
			return null;
		}
		String typed = raw.strip();
		if (typed.startsWith("00")) {
			typed = "+" + typed.substring(2);
		}
		if (!TYPED.matcher(typed).matches()) {
			return null;
		}
		try {
			PhoneNumber number = PHONES.parse(typed, region(defaultCountryCode));
			if (PHONES.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
				return null;
			}
			return PHONES.format(number, PhoneNumberFormat.E164);
		}
		catch (NumberParseException e) {
			return null;
		}
	}

	/**
	 * The digits a search should match at the end of a stored number, with or without the country code: for an
	 * international number its national number, for anything else (a national number, part of one) its last ten
	 * digits.
	 */
	public static String searchDigits(String raw) {
		String typed = raw.strip();
		if (typed.startsWith("+") || typed.startsWith("00")) {
			try {
				PhoneNumber number = PHONES.parse(typed.startsWith("00") ? "+" + typed.substring(2) : typed, "ZZ");
				return PHONES.getNationalSignificantNumber(number);
			}
			catch (NumberParseException e) {
				// not a whole number: search by its digits
			}
		}
		String digits = raw.replaceAll("\\D", "");
		return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
	}

	/** The region whose numbers a national number is read as: {@code 91} is India's ("IN"). */
	private static String region(String countryCode) {
		try {
			return PHONES.getRegionCodeForCountryCode(Integer.parseInt(countryCode.replace("+", "").strip()));
		}
		catch (NumberFormatException e) {
			return "ZZ";
		}
	}
}
