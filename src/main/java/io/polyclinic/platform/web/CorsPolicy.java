package io.polyclinic.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.MissingConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Which browser origins may call the clinic. In demo mode anyone ({@code *}, never the caller's origin echoed back);
 * outside it only the origins the operator lists in {@code POLYCLINIC_CORS_ORIGINS}, none by default. An entry with a
 * wildcard inside ({@code https://*.clinic.example}) is a pattern. A bare {@code *} together with credentials would
 * hand every site a signed-in browser's rights, and is refused at start-up.
 */
final class CorsPolicy {

	static final String WILDCARD = "*";

	private CorsPolicy() {
	}

	static CorsConfiguration of(boolean demo, List<String> configured, boolean credentials) {
		List<String> origins = new ArrayList<>();
		configured.stream().map(String::trim).filter(o -> !o.isEmpty()).forEach(origins::add);
		if (origins.isEmpty() && demo) {
			origins.add(WILDCARD);
		}
		if (credentials && origins.contains(WILDCARD)) {
			throw new MissingConfiguration("CORS allows credentials from any origin (*)",
					"List the browser origins of your frontends in POLYCLINIC_CORS_ORIGINS (comma-separated, "
							+ "https://app.example.com), or set POLYCLINIC_CORS_ALLOW_CREDENTIALS=false");
		}
		var cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins.stream().filter(o -> o.equals(WILDCARD) || !o.contains(WILDCARD)).toList());
		cors.setAllowedOriginPatterns(origins.stream().filter(o -> !o.equals(WILDCARD) && o.contains(WILDCARD)).toList());
		cors.setAllowCredentials(credentials);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of(WILDCARD));
		cors.setExposedHeaders(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"));
		return cors;
	}

	/** A refused cross-origin request is answered in the face's shape, not with Spring's plain-text body. */
	static final class JsonRefusal extends DefaultCorsProcessor {

		private final ErrorWriter errors;

		JsonRefusal(ErrorWriter errors) {
			this.errors = errors;
		}

		@Override
		public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			boolean allowed = super.processRequest(config, request, response);
			if (!allowed) {
				errors.write(request, response, new ErrorReport(HttpStatus.FORBIDDEN, "CORS_ORIGIN_NOT_ALLOWED",
						"This origin may not call the API from a browser"));
			}
			return allowed;
		}

		/** Written by {@link #processRequest}, which knows the request and so the face. */
		@Override
		protected void rejectRequest(ServerHttpResponse response) {
		}
	}
}
