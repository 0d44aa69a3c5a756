package io.polyclinic.faces.mibo;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Mibo's success envelope: {@code {"success":true,"message"?,"data"?}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "success", "message", "data" })
record Reply<T>(boolean success, @Nullable String message, @Nullable T data) {

	static <T> Reply<T> of(T data) {
		return new Reply<>(true, null, data);
	}

	static <T> Reply<T> of(String message, T data) {
		return new Reply<>(true, message, data);
	}

	static Reply<Void> message(String message) {
		return new Reply<>(true, message, null);
	}
}
