package io.polyclinic.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal that a client should see: a status, a stable code (VALIDATION_ERROR, SLOT_UNAVAILABLE, …) and a
 * message fit to show. Each face renders it in its own error shape.
 */
public class ClinicException extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final @Nullable Map<String, ?> details;

	public ClinicException(HttpStatus status, String code, String message, @Nullable Map<String, ?> details) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = details;
	}

	public ClinicException(HttpStatus status, String code, String message) {
		this(status, code, message, null);
	}

	public static ClinicException notFound(String what) {
		return new ClinicException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	public static ClinicException invalid(String field, String problem) {
		return new ClinicException(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Validation failed", Map.of(field, problem));
	}

	public static ClinicException badRequest(String code, String message) {
		return new ClinicException(HttpStatus.BAD_REQUEST, code, message);
	}

	public static ClinicException conflict(String code, String message) {
		return new ClinicException(HttpStatus.CONFLICT, code, message);
	}

	public static ClinicException duplicate(String message) {
		return new ClinicException(HttpStatus.CONFLICT, "DUPLICATE_ENTRY", message);
	}

	public static ClinicException forbidden() {
		return new ClinicException(HttpStatus.FORBIDDEN, "FORBIDDEN", "You don't have permission to access this resource");
	}

	public static ClinicException unauthorized(String code, String message) {
		return new ClinicException(HttpStatus.UNAUTHORIZED, code, message);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public @Nullable Map<String, ?> details() {
		return details;
	}
}
