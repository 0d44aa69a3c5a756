package io.polyclinic.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure on its way to a client, before a face gives it its own shape.
 *
 * @param retryAfterSeconds set on 429 answers
 */
public record ErrorReport(HttpStatus status, String code, String message, @Nullable Map<String, ?> details,
		@Nullable Long retryAfterSeconds) {

	public ErrorReport(HttpStatus status, String code, String message) {
		this(status, code, message, null, null);
	}

	public static ErrorReport of(ClinicException e) {
		return new ErrorReport(e.status(), e.code(), e.getMessage() == null ? e.code() : e.getMessage(), e.details(), null);
	}
}
