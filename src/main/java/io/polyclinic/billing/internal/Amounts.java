package io.polyclinic.billing.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;

/** The small checks and shapes billing's services share: required text, positive amounts, the notes a provider keeps. */
public final class Amounts {

	private Amounts() {
	}

	public static String required(@Nullable String value, String field, String message) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalidField(field, message);
		}
		return value.trim();
	}

	public static long positive(long amountMinor, String field) {
		if (amountMinor <= 0) {
			throw Refusal.invalidField(field, "Amount must be greater than zero");
		}
		return amountMinor;
	}

	public static @Nullable String upper(@Nullable String word) {
		return word == null || word.isBlank() ? null : word.trim().toUpperCase(Locale.ROOT);
	}

	public static @Nullable String clip(@Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		return t.length() <= max ? t : t.substring(0, max);
	}

	/** What the provider keeps with an order or a link, so that its dashboard names the clinic's records. */
	public static Map<String, String> notes(Appointment appointment, UUID paymentId) {
		Map<String, String> notes = new LinkedHashMap<>();
		notes.put("appointment_id", String.valueOf(appointment.id()));
		notes.put("patient_id", String.valueOf(appointment.patientId()));
		notes.put("payment_id", paymentId.toString());
		return notes;
	}
}
