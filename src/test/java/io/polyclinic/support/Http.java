package io.polyclinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests to the running application, JSON in and out.
 */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	public Call get(String path) {
		return new Call("GET", path, null);
	}

	public Call post(String path, Object body) {
		return new Call("POST", path, body);
	}

	public Call put(String path, Object body) {
		return new Call("PUT", path, body);
	}

	public Call patch(String path) {
		return new Call("PATCH", path, null);
	}

	public Call patch(String path, Object body) {
		return new Call("PATCH", path, body);
	}

	public Call delete(String path) {
		return new Call("DELETE", path, null);
	}

	public Call delete(String path, Object body) {
		return new Call("DELETE", path, body);
	}

	public final class Call {
		private final String method;
		private final String path;
		private final Object body;
		private final Map<String, String> headers = new LinkedHashMap<>();

		Call(String method, String path, Object body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		public Call token(String accessToken) {
			if (accessToken != null) {
				headers.put("Authorization", "Bearer " + accessToken);
			}
			return this;
		}

		public Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public Res send() {
			try {
				var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
				String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
				if (payload != null) {
					builder.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
				}
				headers.forEach((k, v) -> {
					if (!k.equals("Content-Type") || payload == null) {
						builder.header(k, v);
					}
				});
				builder.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(payload));
				HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
				return new Res(response);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	public record Res(HttpResponse<String> response) {

		public int status() {
			return response.statusCode();
		}

		public String body() {
			return response.body();
		}

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(response.body());
		}

		/** The JSON body's {@code data}. */
		public JsonNode data() {
			return json().path("data");
		}

		@Override
		public String toString() {
			return status() + " " + body();
		}
	}

	/** The property names of a JSON object, sorted: for asserting a response's exact shape. */
	public static Set<String> keys(JsonNode node) {
		Set<String> keys = new TreeSet<>();
		node.properties().forEach(e -> keys.add(e.getKey()));
		return keys;
	}
}
