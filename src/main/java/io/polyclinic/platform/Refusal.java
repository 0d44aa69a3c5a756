package io.polyclinic.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A module's "no", in the clinic's words and in no face's: what kind of refusal it is, a stable code
 * ({@code SLOT_UNAVAILABLE}, {@code ALREADY_PAID}…), a message fit to show, and the offending fields named as the
 * domain names them ({@code startsAt}, {@code fee}, {@code patient.fullName}). Each face turns it into its own
 * status, code names, texts and JSON field names.
 */
public class Refusal extends RuntimeException {

	/** What went wrong, as far as a caller is concerned. */
	public enum Kind {
		/** The request itself is wrong: a missing or malformed value, a rule of the domain broken. */
		INVALID,
		/** The caller is not known, or their credentials are not (or no longer) good. */
		UNAUTHENTICATED,
		/** The caller is known and may not do this to this object. */
		FORBIDDEN,
		/** No such object (or none the caller may learn of). */
		NOT_FOUND,
		/** The object's state does not allow it: taken, already done, in another state. */
		CONFLICT,
		/** Something the clinic depends on (a provider, a channel) failed; trying later may work. */
		UNAVAILABLE
	}

	/** The code of a refusal that names the fields a request got wrong. */
	public static final String INVALID_INPUT = "INVALID_INPUT";

	private final Kind kind;
	private final String code;
	private final Map<String, String> fields;

	public Refusal(Kind kind, String code, String message, Map<String, String> fields) {
		super(message, null, false, false);
		this.kind = kind;
		this.code = code;
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public Refusal(Kind kind, String code, String message) {
		this(kind, code, message, Map.of());
	}

	/** One field of the request is wrong; {@code field} is its domain name. */
	public static Refusal invalidField(String field, String problem) {
		return new Refusal(Kind.INVALID, INVALID_INPUT, problem, Map.of(field, problem));
	}

	/** The request breaks a rule that is not about one field. */
	public static Refusal invalid(String code, String message) {
		return new Refusal(Kind.INVALID, code, message);
	}

	public static Refusal unauthenticated(String code, String message) {
		return new Refusal(Kind.UNAUTHENTICATED, code, message);
	}

	public static Refusal forbidden() {
		return new Refusal(Kind.FORBIDDEN, "FORBIDDEN", "This caller may not do this");
	}

	public static Refusal forbidden(String code, String message) {
		return new Refusal(Kind.FORBIDDEN, code, message);
	}

	/** @param what the thing that was looked for, capitalised as a sentence starts: "Appointment" */
	public static Refusal notFound(String what) {
		return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	public static Refusal conflict(String code, String message) {
		return new Refusal(Kind.CONFLICT, code, message);
	}

	public static Refusal conflict(String code, String message, String field) {
		return new Refusal(Kind.CONFLICT, code, message, Map.of(field, message));
	}

	public static Refusal unavailable(String code, String message) {
		return new Refusal(Kind.UNAVAILABLE, code, message);
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

	/** The offending fields by their domain names, each with what is wrong with it; empty when none is to blame. */
	public Map<String, String> fields() {
		return fields;
	}

	public boolean is(Kind kind, String code) {
		return this.kind == kind && this.code.equals(code);
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		return message == null ? code : message;
	}

	@Override
	public String toString() {
		return "Refusal[" + kind + " " + code + ": " + getMessage() + (fields.isEmpty() ? "" : " " + fields) + "]";
	}

	/** A refusal's fields, for a face that renames them; null when there are none. */
	public @Nullable Map<String, String> fieldsOrNull() {
		return fields.isEmpty() ? null : fields;
	}
}
