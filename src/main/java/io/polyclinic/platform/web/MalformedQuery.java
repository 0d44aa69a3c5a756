package io.polyclinic.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.polyclinic.platform.ErrorReport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query string that cannot be decoded ({@code ?date=%E0%A4%A}, {@code ?x=%zz}) with a 400 in the face's
 * shape, whatever the endpoint: Tomcat decodes parameters only when a handler first asks for one, and then fails with
 * an exception no handler expects. The query is checked here, without reading any parameter, so that a request body
 * (a signed webhook) stays untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class MalformedQuery extends OncePerRequestFilter {

	private final ErrorWriter errors;

	MalformedQuery(ErrorWriter errors) {
		this.errors = errors;
	}

	static ErrorReport report(HttpStatus status) {
		return new ErrorReport(status, "VALIDATION_ERROR", "Malformed query string or form parameters");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!decodable(request.getQueryString())) {
			errors.write(request, response, report(HttpStatus.BAD_REQUEST));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether every name and value of a query decodes: each {@code %} followed by two hex digits, and the bytes they
	 * spell valid UTF-8 (the URI encoding Spring Boot gives Tomcat).
	 */
	static boolean decodable(@Nullable String query) {
		if (query == null || query.indexOf('%') < 0) {
			return true;
		}
		for (String part : query.split("[&=]")) {
			if (!decodablePart(part)) {
				return false;
			}
		}
		return true;
	}

	private static boolean decodablePart(String part) {
		if (part.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c != '%') {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				continue;
			}
			if (i + 2 >= part.length()) {
				return false;
			}
			char high = part.charAt(i + 1);
			char low = part.charAt(i + 2);
			if (!HexFormat.isHexDigit(high) || !HexFormat.isHexDigit(low)) {
				return false;
			}
			bytes.write(HexFormat.fromHexDigit(high) << 4 | HexFormat.fromHexDigit(low));
			i += 2;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}
}
