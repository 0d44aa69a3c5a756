package io.polyclinic.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Http} (JSON text in and out) does not do: multipart uploads and binary downloads, against the running
 * application.
 */
public final class RawDownloads {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public RawDownloads(int port) {
		this.base = "http://localhost:" + port;
	}

	/** The bytes at a path (or at an absolute URL's path and query, re-aimed at this application). */
	public HttpResponse<byte[]> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
	}

	/**
	 * POSTs one file as a multipart form field.
	 *
	 * @param field the form field's name ({@code file}); null sends a form with only an unrelated text field
	 * @param contentType the part's declared type, which the application must not trust
	 */
	public HttpResponse<byte[]> upload(String path, @Nullable String token, @Nullable String field, String filename,
			String contentType, byte[] content) {
		String boundary = "----polyclinic" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		if (field == null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nno file here\r\n");
		}
		else {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			body.writeBytes(content);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private URI uri(String pathOrUrl) {
		if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
			URI absolute = URI.create(pathOrUrl);
			return URI.create(base + absolute.getRawPath() + (absolute.getRawQuery() == null ? ""
					: "?" + absolute.getRawQuery()));
		}
		return URI.create(base + pathOrUrl);
	}

	private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A response body as JSON. */
	public static tools.jackson.databind.JsonNode json(HttpResponse<byte[]> response) {
		return Http.JSON.readTree(response.body());
	}
}
