package io.polyclinic.platform.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.polyclinic.platform.ErrorReport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body larger than the application accepts (413 in the face's shape) before anything reads it.
 * Multipart uploads have their own, larger limit (spring.servlet.multipart.*).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeLimit extends OncePerRequestFilter {

	private final ErrorWriter errors;
	private final long maxBytes;
	private final long maxUploadBytes;

	RequestSizeLimit(ErrorWriter errors, @Value("${polyclinic.max-request-size:1MB}") DataSize max,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxUpload) {
		this.errors = errors;
		this.maxBytes = max.toBytes();
		this.maxUploadBytes = maxUpload.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		long limit = type != null && type.toLowerCase().startsWith("multipart/") ? maxUploadBytes : maxBytes;
		if (request.getContentLengthLong() > limit) {
			errors.write(request, response, new ErrorReport(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
					"Request is too large (at most " + limit / 1024 + " KB)"));
			return;
		}
		chain.doFilter(request, response);
	}
}
