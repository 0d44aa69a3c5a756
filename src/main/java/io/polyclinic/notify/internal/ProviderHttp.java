package io.polyclinic.notify.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP gateways share: bounded waits (a one-time code is sent while its requester waits for the answer) and
 * tolerant reading of a provider's answer, which on failure may not even be JSON.
 */
final class ProviderHttp {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProviderHttp() {
	}

	static ClientHttpRequestFactory requestFactory() {
		// HTTP/1.1: the JDK client would otherwise offer a cleartext HTTP/2 upgrade to plain-http endpoints.
		var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
		var factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(READ_TIMEOUT);
		return factory;
	}

	static String body(ClientHttpResponse response) throws IOException {
		try (InputStream in = response.getBody()) {
			return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
		}
	}

	/** The answer as JSON, or a missing node when it is not JSON. */
	static JsonNode json(String body) {
		if (body.isBlank()) {
			return JSON.missingNode();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException e) {
			return JSON.missingNode();
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() && !value.asString().isBlank() ? value.asString() : null;
	}
}
