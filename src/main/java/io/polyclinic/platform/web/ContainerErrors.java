package io.polyclinic.platform.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Faces;

/**
 * Errors the servlet container reports, in the clinic's words: one mapping from a status to a code and message, used
 * both for errors that reach {@code /error} and for those Tomcat answers itself (through {@link ContainerErrorValve},
 * which replaces Tomcat's HTML error report on the host).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<ErrorWriter> errors;

	ContainerErrors(ObjectProvider<ErrorWriter> errors) {
		this.errors = errors;
	}

	static ErrorReport report(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> new ErrorReport(status, "NOT_FOUND", "Route not found");
			case UNAUTHORIZED -> new ErrorReport(status, "UNAUTHORIZED", "Authentication required");
			case FORBIDDEN -> new ErrorReport(status, "FORBIDDEN", "You don't have permission to access this resource");
			case CONTENT_TOO_LARGE -> new ErrorReport(status, "PAYLOAD_TOO_LARGE", "Request is too large");
			case METHOD_NOT_ALLOWED -> new ErrorReport(status, "METHOD_NOT_ALLOWED", "Method not allowed");
			case NOT_ACCEPTABLE -> new ErrorReport(status, "NOT_ACCEPTABLE", "This resource is only served as application/json");
			case BAD_REQUEST -> new ErrorReport(status, "VALIDATION_ERROR", "Bad request");
			case INTERNAL_SERVER_ERROR -> Faces.internalError();
			default -> new ErrorReport(status, status.name(), status.getReasonPhrase());
		};
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			var host = (StandardHost) context.getParent();
			// Spring Boot adds its own report valve (no stack traces); ours takes its place, and the host, which adds
			// a report valve of the class it is told unless one is there, is told ours.
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.setErrorReportValveClass(ContainerErrorValve.class.getName());
			host.getPipeline().addValve(new ContainerErrorValve(errors::getIfAvailable));
		});
	}

	/** After Spring Boot's own customizer, whose report valve this one replaces. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
