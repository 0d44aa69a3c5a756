package io.polyclinic.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.security.BearerTokenFilter;
import io.polyclinic.platform.security.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure a handler raises, rendered in the face's own error shape. Nothing else reaches a client: no default
 * error page, no stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FaceErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(FaceErrorAdvice.class);

	private final ErrorWriter errors;

	FaceErrorAdvice(ErrorWriter errors) {
		this.errors = errors;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> refused(Refusal refusal, HttpServletRequest request) {
		return render(request, errors.report(request, refusal));
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<Object> invalid(BindException e, HttpServletRequest request) {
		Map<String, String> details = new LinkedHashMap<>();
		e.getBindingResult().getFieldErrors().forEach(f -> details.putIfAbsent(f.getField(),
				f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()));
		e.getBindingResult().getGlobalErrors().forEach(g -> details.putIfAbsent(g.getObjectName(),
				g.getDefaultMessage() == null ? "is invalid" : g.getDefaultMessage()));
		return render(request, validation(details));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Object> invalid(HandlerMethodValidationException e, HttpServletRequest request) {
		Map<String, String> details = new LinkedHashMap<>();
		e.getParameterValidationResults().forEach(r -> {
			String name = r.getMethodParameter().getParameterName();
			r.getResolvableErrors().forEach(err -> details.putIfAbsent(name == null ? "parameter" : name,
					err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage()));
		});
		return render(request, validation(details));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> invalid(ConstraintViolationException e, HttpServletRequest request) {
		Map<String, String> details = new LinkedHashMap<>();
		e.getConstraintViolations().forEach(v -> {
			String path = v.getPropertyPath().toString();
			details.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
		});
		return render(request, validation(details));
	}

	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(Exception e, HttpServletRequest request) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				// a face that refuses unknown fields: name the one it does not know, as a validation error
				return render(request, validation(Map.of(path(unknown), "Unknown field")));
			}
			if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
				// a value of the wrong type (text for a number, an object for a list): name the field
				return render(request, validation(Map.of(path(mismatched), "has the wrong type")));
			}
		}
		return render(request, new ErrorReport(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
				"Malformed request body: expected valid JSON of the documented shape"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return render(request, validation(Map.of(e.getName(), "has an invalid value")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Object> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
		return render(request, validation(Map.of(e.getParameterName(), "is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
		return render(request, validation(Map.of(e.getHeaderName(), "header is required")));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<Object> noRoute(Exception e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.NOT_FOUND, "NOT_FOUND", "Route not found"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
				"Method " + e.getMethod() + " is not allowed here"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				"Content type not supported; send application/json"));
	}

	/** A client asking for XML (or anything else): every answer of the application is JSON. */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
		return render(request, ContainerErrors.report(HttpStatus.NOT_ACCEPTABLE));
	}

	/**
	 * Parameters Tomcat cannot decode (a malformed percent-escape in a form body, too many parameters): the client's
	 * mistake, at the status Tomcat gives it.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> malformedParameters(InvalidParameterException e, HttpServletRequest request) {
		HttpStatus status = HttpStatus.resolve(e.getErrorCode());
		return render(request, MalformedQuery.report(status == null || !status.is4xxClientError()
				? HttpStatus.BAD_REQUEST : status));
	}

	/** What Spring Security's firewall refuses once a handler reads it (a parameter name with control characters). */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
		return render(request, ContainerErrors.report(HttpStatus.BAD_REQUEST));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Object> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
		return render(request, validation(Map.of(e.getRequestPartName(), "is required")));
	}

	/** A multipart body that cannot be read (no boundary, cut short); one too large is {@link #tooLarge}. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadableParts(MultipartException e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
				"Malformed multipart request body"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(Exception e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request is too large"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return render(request, unauthenticated(request));
		}
		return render(request, errors.report(request, Refusal.forbidden()));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
		log.info("Refused a write that breaks a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
		return render(request, new ErrorReport(HttpStatus.CONFLICT, "DUPLICATE_ENTRY", "Resource already exists"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrent(Exception e, HttpServletRequest request) {
		return render(request, new ErrorReport(HttpStatus.CONFLICT, "CONFLICT",
				"The resource was changed by someone else; reload and try again"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected failure on {} {}", request.getMethod(), Faces.pathOf(request), e);
		return render(request, Faces.internalError());
	}

	static ErrorReport unauthenticated(HttpServletRequest request) {
		if (request.getAttribute(BearerTokenFilter.TOKEN_REJECTION) instanceof BearerTokens.TokenRejected rejected) {
			return new ErrorReport(HttpStatus.UNAUTHORIZED, rejected.code(), rejected.getMessage());
		}
		return new ErrorReport(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required");
	}

	/** The JSON path of the refused property: {@code slots[0].startTime}. */
	private static String path(MismatchedInputException e) {
		StringBuilder path = new StringBuilder();
		for (var reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() && e instanceof UnrecognizedPropertyException unknown ? unknown.getPropertyName()
				: path.toString();
	}

	private static ErrorReport validation(Map<String, ?> details) {
		return new ErrorReport(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Validation failed", details, null);
	}

	private ResponseEntity<Object> render(HttpServletRequest request, ErrorReport report) {
		// A preset type: a client accepting only text/html still gets the JSON error, not a 406.
		var response = ResponseEntity.status(report.status()).contentType(MediaType.APPLICATION_JSON);
		if (report.retryAfterSeconds() != null) {
			response.header("Retry-After", String.valueOf(report.retryAfterSeconds()));
		}
		return response.body(errors.body(Faces.pathOf(request), report));
	}
}
