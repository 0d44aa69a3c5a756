package io.polyclinic.platform.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Spring Boot's error page: what the servlet container reports (a filter's failure, an oversized body)
 * is answered in the shape of the face whose path failed.
 */
@RestController
@PublicEndpoint
class FaceErrorController implements ErrorController {

	private final ErrorWriter errors;

	FaceErrorController(ErrorWriter errors) {
		this.errors = errors;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String s ? stripContext(request, s) : Faces.pathOf(request);
		ErrorReport report = switch (status) {
			case NOT_FOUND -> new ErrorReport(status, "NOT_FOUND", "Route not found");
			case UNAUTHORIZED -> new ErrorReport(status, "UNAUTHORIZED", "Authentication required");
			case FORBIDDEN -> new ErrorReport(status, "FORBIDDEN", "You don't have permission to access this resource");
			case CONTENT_TOO_LARGE -> new ErrorReport(status, "PAYLOAD_TOO_LARGE", "Request is too large");
			case METHOD_NOT_ALLOWED -> new ErrorReport(status, "METHOD_NOT_ALLOWED", "Method not allowed");
			case BAD_REQUEST -> new ErrorReport(status, "VALIDATION_ERROR", "Bad request");
			default -> status.is4xxClientError() ? new ErrorReport(status, status.name(), status.getReasonPhrase())
					: Faces.internalError();
		};
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errors.body(path, report));
	}

	private static String stripContext(HttpServletRequest request, String uri) {
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
