package io.polyclinic.billing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.polyclinic.billing.PaymentLinkStatus;
import io.polyclinic.platform.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay through its documented HTTP API (the SDK hard-codes its host, which would keep tests and proxies out):
 * orders, payment links, payments; HTTP basic authentication with the key id and key secret; amounts in paise.
 * Every failure (an error answer, an unreadable answer, no answer) becomes a 502 PAYMENT_FAILED with Razorpay's own
 * description when it gave one.
 */
public class RazorpayGateway implements PaymentGateway {

	public static final String NAME = "razorpay";

	private static final Logger log = LoggerFactory.getLogger(RazorpayGateway.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BillingProperties.Razorpay settings;
	private final RestClient http;

	public RazorpayGateway(BillingProperties.Razorpay settings) {
		if (!settings.configured()) {
			throw new IllegalArgumentException("Razorpay needs a key id and a key secret");
		}
		this.settings = settings;
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

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String keyId() {
		return settings.keyId();
	}

	@Override
	public String createOrder(OrderRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", request.amountMinor());
		body.put("currency", request.currency());
		body.put("receipt", request.receipt());
		body.put("notes", request.notes());
		JsonNode order = call("create an order", () -> http.post().uri("/v1/orders")
			.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
		return required(order, "id");
	}

	@Override
	public CreatedLink createLink(LinkRequest request) {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("name", request.customerName());
		customer.put("contact", request.customerPhone());
		if (request.customerEmail() != null) {
			customer.put("email", request.customerEmail());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", request.amountMinor());
		body.put("currency", request.currency());
		body.put("description", request.description());
		body.put("customer", customer);
		// The clinic sends the link over WhatsApp itself; Razorpay's SMS would be a second copy. Its email is the only one.
		body.put("notify", Map.of("sms", false, "email", request.customerEmail() != null));
		body.put("reference_id", request.referenceId());
		body.put("expire_by", request.expiresAt().getEpochSecond());
		body.put("notes", request.notes());
		JsonNode link = call("create a payment link", () -> http.post().uri("/v1/payment_links")
			.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
		PaymentLinkStatus status = PaymentLinkStatus.of(text(link.path("status")));
		return new CreatedLink(required(link, "id"), required(link, "short_url"),
				status == null ? PaymentLinkStatus.CREATED : status);
	}

	@Override
	public Optional<LinkState> fetchLink(String linkId) {
		JsonNode link = call("fetch a payment link",
				() -> http.get().uri("/v1/payment_links/{id}", linkId).retrieve().body(JsonNode.class));
		PaymentLinkStatus status = PaymentLinkStatus.of(text(link.path("status")));
		if (status == null) {
			throw unreadable("fetch a payment link", "status " + text(link.path("status")));
		}
		String paymentId = null;
		String method = null;
		for (JsonNode p : link.path("payments")) {
			if ("captured".equals(text(p.path("status")))) {
				paymentId = text(p.path("payment_id"));
				method = text(p.path("method"));
			}
		}
		return Optional.of(new LinkState(status, link.path("amount_paid").asLong(0), text(link.path("order_id")),
				paymentId, method));
	}

	@Override
	public Optional<String> paymentMethod(String paymentId) {
		JsonNode payment = call("fetch a payment",
				() -> http.get().uri("/v1/payments/{id}", paymentId).retrieve().body(JsonNode.class));
		return Optional.ofNullable(text(payment.path("method")));
	}

	@Override
	public boolean validCheckoutSignature(String orderId, String paymentId, String signature) {
		return Signatures.matches(Signatures.checkoutSignature(orderId, paymentId, settings.keySecret()), signature);
	}

	/** Without a webhook secret no webhook can be trusted, so none is. */
	@Override
	public boolean validWebhookSignature(byte[] body, String signature) {
		String secret = settings.webhookSecret();
		if (secret == null || secret.isBlank()) {
			log.warn("A Razorpay webhook arrived but POLYCLINIC_RAZORPAY_WEBHOOK_SECRET is not set; it is refused");
			return false;
		}
		return Signatures.matches(Signatures.webhookSignature(body, secret), signature);
	}

	private interface Call {
		@Nullable
		JsonNode run();
	}

	private static JsonNode call(String what, Call call) {
		try {
			JsonNode answer = call.run();
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
				: "The payment provider refused the request: " + truncate(description, 300);
		return Refusal.unavailable("PAYMENT_PROVIDER_FAILED", message);
	}

	private static Refusal unreadable(String what, String problem) {
		log.warn("Razorpay: unexpected answer to {}: {}", what, problem);
		return Refusal.unavailable("PAYMENT_PROVIDER_FAILED",
				"The payment provider gave an unexpected answer");
	}

	private static String required(JsonNode node, String field) {
		String value = text(node.path(field));
		if (value == null || value.isBlank()) {
			throw unreadable("a request", "no " + field);
		}
		return value;
	}

	static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
