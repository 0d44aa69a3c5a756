package io.polyclinic.billing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.polyclinic.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's HTTP API as {@link RazorpayGateway} calls it: HTTP basic authentication with the key id and key secret,
 * JSON objects back. Every failure (an error answer, an unreadable answer, no answer) becomes a PAYMENT_PROVIDER_FAILED
 * refusal with Razorpay's own description when it gave one.
 */
final class RazorpayApi {

	private static final Logger log = LoggerFactory.getLogger(RazorpayApi.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient http;

	RazorpayApi(BillingProperties.Razorpay settings) {
		// HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade of a request with a body is refused by some servers and
		// proxies, and Razorpay's API gains nothing from HTTP/2.
		var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build());
		factory.setReadTimeout(settings.readTimeout());
		String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
				: settings.baseUrl();
		this.http = RestClient.builder()
			.baseUrl(base)
			.requestFactory(factory)
			.defaultHeaders(h -> h.setBasicAuth(settings.keyId(), settings.keySecret()))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw refused(response);
			})
			.build();
	}

	/** Runs one request and answers its JSON object; {@code what} names it in logs ("create an order"). */
	JsonNode call(String what, Function<RestClient, @Nullable JsonNode> request) {
		try {
			JsonNode answer = request.apply(http);
			if (answer == null || !answer.isObject()) {
				throw unreadable(what, "no JSON object");
			}
			return answer;
		}
		catch (Refusal e) {
			throw e;
		}
		catch (RestClientException | JacksonException e) {
			log.warn("Razorpay: could not {}: {}", what, e.getMessage());
			throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED",
					"The payment provider could not be reached; please try again");
		}
	}

	static String required(JsonNode node, String field, String what) {
		String value = text(node.path(field));
		if (value == null || value.isBlank()) {
			throw unreadable(what, "no " + field);
		}
		return value;
	}

	static Refusal unreadable(String what, String problem) {
		log.warn("Razorpay: unexpected answer to {}: {}", what, problem);
		return Refusal.unavailable("PAYMENT_PROVIDER_FAILED", "The payment provider gave an unexpected answer");
	}

	static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static Refusal refused(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String description = null;
		String code = null;
		try (InputStream in = response.getBody()) {
			JsonNode error = JSON.readTree(in).path("error");
			description = text(error.path("description"));
			code = text(error.path("code"));
		}
		catch (JacksonException e) {
			// an error page that is not Razorpay's JSON: the status says enough
		}
		log.warn("Razorpay answered {} {}: {}", status, code, description);
		String message = description == null ? "The payment provider refused the request (HTTP " + status + ")"
				: "The payment provider refused the request: "
						+ (description.length() <= 300 ? description : description.substring(0, 300));
		return Refusal.unavailable("PAYMENT_PROVIDER_FAILED", message);
	}
}
