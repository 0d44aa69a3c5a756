package io.polyclinic.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Requests as bytes on a socket, for what an HTTP client refuses to send: an over-long or malformed request line,
 * a control character in a path, a header no client would write.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** A GET of this request target (written as it is, not encoded) with extra header lines; closes when answered. */
	public static String get(String target, String... headerLines) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return request.append("Connection: close\r\n\r\n").toString();
	}

	public Response send(String request) {
		return send(request.getBytes(StandardCharsets.ISO_8859_1));
	}

	public Response send(byte[] request) {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		var bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException | java.net.SocketException e) {
			// the server answered and left the connection open, or reset it after answering
		}
		return bytes.toByteArray();
	}

	public record Response(int status, Map<String, String> headers, String body) {

		/** Status 0: Tomcat took the request for HTTP/0.9 and answered a bare body, without status line or headers. */
		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			if (!text.startsWith("HTTP/")) {
				return new Response(0, Map.of(), text);
			}
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No HTTP response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunk(body);
			}
			return new Response(status, headers, body);
		}

		private static String unchunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public JsonNode json() {
			return Http.JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + headers.get("content-type") + " " + body;
		}
	}
}
