package io.polyclinic.clinical;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects what is wrong with each field of a request, so that one refusal names them all (as the forms that send
 * encounters and prescriptions show every field's problem at once).
 */
final class FieldChecks {

	private final Map<String, String> problems = new LinkedHashMap<>();

	/** A text that must be there: not blank, and not longer than {@code max}. */
	void required(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			problem(field, "This field is required.");
		}
		else {
			length(field, value, max);
		}
	}

	/** A text that may be absent or empty, and not longer than {@code max}. */
	void optional(String field, @Nullable String value, int max) {
		if (value != null) {
			length(field, value, max);
		}
	}

	/** For a change: a required text may be left out (null), never emptied. */
	void notEmptied(String field, @Nullable String value, int max) {
		if (value != null) {
			required(field, value, max);
		}
	}

	/** JSON text that must be an object. */
	void jsonObject(String field, @Nullable String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			problem(field, "Ensure this field has no more than " + max + " characters of JSON.");
			return;
		}
		try {
			JsonNode node = JsonMapper.shared().readTree(value);
			if (node == null || !node.isObject()) {
				problem(field, "Must be a JSON object.");
			}
		}
		catch (JacksonException e) {
			problem(field, "Must be a JSON object.");
		}
	}

	void problem(String field, String message) {
		problems.putIfAbsent(field, message);
	}

	boolean ok(String field) {
		return !problems.containsKey(field);
	}

	/** Refuses the request, naming every field found wrong; does nothing if none was. */
	void refuseIfAny() {
		if (!problems.isEmpty()) {
			throw new Refusal(Refusal.Kind.INVALID, Refusal.INVALID_INPUT, problems.values().iterator().next(),
					problems);
		}
	}

	private void length(String field, String value, int max) {
		if (value.length() > max) {
			problem(field, "Ensure this field has no more than " + max + " characters.");
		}
	}

	static @Nullable String strip(@Nullable String value) {
		return value == null ? null : value.strip();
	}
}
