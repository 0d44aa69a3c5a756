package io.polyclinic.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The faces this application serves, and which one a request belongs to.
 */
@Component
public class Faces {

	private final Map<String, Face> byName = new LinkedHashMap<>();

	public Faces(List<Face> faces) {
		faces.forEach(f -> byName.put(f.name(), f));
	}

	public Optional<Face> named(@Nullable String name) {
		return Optional.ofNullable(name == null ? null : byName.get(name));
	}

	public Iterable<Face> all() {
		return byName.values();
	}

	/** The face a path (without context path) belongs to. */
	public Optional<Face> forPath(@Nullable String path) {
		if (path == null) {
			return Optional.empty();
		}
		for (Face face : byName.values()) {
			String prefix = face.prefix();
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return Optional.of(face);
			}
		}
		return Optional.empty();
	}

	public Optional<Face> forRequest(HttpServletRequest request) {
		return forPath(pathOf(request));
	}

	public static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/** The body of an error for a path outside every face (actuator, dev outbox, root). */
	public static Object neutralErrorBody(ErrorReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", report.code());
		body.put("message", report.message());
		body.put("status", report.status().value());
		if (report.details() != null) {
			body.put("details", report.details());
		}
		return body;
	}

	public Object errorBody(@Nullable String path, ErrorReport report) {
		return forPath(path).map(f -> f.errorBody(report)).orElseGet(() -> neutralErrorBody(report));
	}

	/** A refusal as the face of the path reports it (the neutral mapping outside every face). */
	public ErrorReport report(@Nullable String path, Refusal refusal) {
		return forPath(path).map(f -> f.report(refusal)).orElseGet(() -> ErrorReport.of(refusal));
	}

	public static ErrorReport internalError() {
		return new ErrorReport(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "An unexpected error occurred");
	}
}
