package io.polyclinic.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.parser.HttpHeaderParser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.polyclinic.platform.ErrorReport;

/**
 * Tomcat's last word on a failed request, in JSON: what the connector refuses before the application sees it (a bad
 * request line, an over-long header, {@code %00} or {@code %2F} in a path) is answered in the shape of the face whose
 * path it was, or the neutral shape, never Tomcat's HTML page. Errors the application raises are rendered by
 * {@link FaceErrorController} first; this valve only writes when nothing else has.
 */
class ContainerErrorValve extends ErrorReportValve {

	private final Supplier<@Nullable ErrorWriter> errors;

	ContainerErrorValve(Supplier<@Nullable ErrorWriter> errors) {
		this.errors = errors;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ErrorReport report = ContainerErrors.report(HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST
				: HttpStatus.valueOf(status));
		String path = pathOf(request);
		ErrorWriter writer = errors.get();
		try {
			String body = writer == null ? neutral(report) : writer.json(path, report);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter out = response.getReporter();
			if (out != null) {
				out.write(body);
				out.flush();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response cannot take a body: nothing left to tell anyone
		}
	}

	/**
	 * The path as the client sent it. When the connector refused the request line itself (too long, a control
	 * character, a malformed method) it never parsed a URI; the request line's first bytes are still in its buffer,
	 * and they are enough to tell the face. Empty when nothing can be told.
	 */
	static String pathOf(Request request) {
		var coyote = request.getCoyoteRequest();
		String uri = coyote.requestURI().toString();
		if (uri != null && !uri.isEmpty()) {
			return uri;
		}
		if (coyote.getInputBuffer() instanceof HttpHeaderParser.HeaderDataSource source
				&& source.getHeaderByteBuffer() != null) {
			return target(source.getHeaderByteBuffer());
		}
		return "";
	}

	/** The request target of the request line at the start of a buffer, as far as it goes (at most 512 bytes). */
	static String target(ByteBuffer buffer) {
		int end = Math.min(buffer.limit(), 4096);
		int i = 0;
		while (i < end && (buffer.get(i) == '\r' || buffer.get(i) == '\n')) {
			i++;
		}
		while (i < end && buffer.get(i) != ' ') {
			i++;
		}
		StringBuilder target = new StringBuilder();
		for (i++; i < end && target.length() < 512; i++) {
			byte b = buffer.get(i);
			if (b == ' ' || b == '\r' || b == '\n' || b == '?') {
				break;
			}
			target.append((char) (b & 0xff));
		}
		return target.toString();
	}

	/** Before the application context is up there is no face to ask: the neutral shape, written by hand. */
	private static String neutral(ErrorReport report) {
		return "{\"error\":\"" + report.code() + "\",\"message\":\"" + report.message() + "\",\"status\":"
				+ report.status().value() + "}";
	}
}
