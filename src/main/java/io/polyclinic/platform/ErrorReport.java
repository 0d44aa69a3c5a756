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

	/**
	 * A refusal as a face with no mapping of its own shows it: the kind's status, the refusal's code, message and
	 * fields as they are.
	 */
	public static ErrorReport of(Refusal refusal) {
		return new ErrorReport(statusOf(refusal.kind()), refusal.code(), refusal.getMessage(), refusal.fieldsOrNull(),
				null);
	}

	public static HttpStatus statusOf(Refusal.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}
}
