package io.polyclinic.platform.web;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error straight to the response, in the shape of the face the request belongs to: for failures that
 * happen before a controller is reached (security, rate limits, the servlet container).
 */
@Component
public class ErrorWriter {

	private final Faces faces;
	private final JsonMapper json;

	ErrorWriter(Faces faces, JsonMapper json) {
		this.faces = faces;
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ErrorReport report) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(report.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (report.retryAfterSeconds() != null) {
			response.setHeader("Retry-After", String.valueOf(report.retryAfterSeconds()));
		}
		json.writeValue(response.getOutputStream(), body(Faces.pathOf(request), report));
	}

	public ErrorReport report(HttpServletRequest request, Refusal refusal) {
		return faces.report(Faces.pathOf(request), refusal);
	}

	public Object body(String path, ErrorReport report) {
		return faces.errorBody(path, report);
	}

	/** The error body as JSON text, for a writer that is not a servlet response (Tomcat's own error report). */
	public String json(String path, ErrorReport report) {
		return json.writeValueAsString(body(path, report));
	}
}
