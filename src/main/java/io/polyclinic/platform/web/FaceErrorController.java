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
		ErrorReport report = ContainerErrors.report(status);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errors.body(path, report));
	}

	private static String stripContext(HttpServletRequest request, String uri) {
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
