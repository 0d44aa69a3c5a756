package io.polyclinic.faces.hcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the EMR controllers share: a patient named by their account as the clinic's patient, the original's lower-case
 * choices, dates as DRF reads them, and JSON kept as text.
 */
final class HcpEmr {

	private HcpEmr() {
	}

	/**
	 * The clinic's patient of an account, for a list's {@code patient} filter; an account that is no patient's asks
	 * for a patient no row has (-1), so the list is empty rather than everything.
	 */
	static @Nullable Long patientFilter(@Nullable Long userId, PatientRegistry patients) {
		if (userId == null) {
			return null;
		}
		return patients.forUser(userId).map(Patient::id).orElse(-1L);
	}

	/** An enum in the original's lower-case spelling; anything else is DRF's "not a valid choice". */
	static <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			String message = "\"" + value + "\" is not a valid choice.";
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, message, Map.of(field, message));
		}
	}

	static String spelling(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			String message = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, message, Map.of(field, message));
		}
	}

	/** JSON as the module keeps it (text); null stays null. */
	static @Nullable String text(@Nullable JsonNode json) {
		return json == null || json.isNull() ? null : JsonMapper.shared().writeValueAsString(json);
	}

	static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}
}
