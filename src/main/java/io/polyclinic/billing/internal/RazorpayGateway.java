package io.polyclinic.billing.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import io.polyclinic.billing.PaymentLinkStatus;
import tools.jackson.databind.JsonNode;

/**
 * Razorpay through its documented HTTP API (the SDK hard-codes its host, which would keep tests and proxies out):
 * orders, payment links, payments and refunds, amounts in paise; its webhooks signed with the webhook secret.
 */
public class RazorpayGateway implements PaymentGateway {

	public static final String NAME = "razorpay";

	private static final Logger log = LoggerFactory.getLogger(RazorpayGateway.class);

	private final BillingProperties.Razorpay settings;
	private final RazorpayApi api;

	public RazorpayGateway(BillingProperties.Razorpay settings) {
		if (!settings.configured()) {
			throw new IllegalArgumentException("Razorpay needs a key id and a key secret");
		}
		this.settings = settings;
		this.api = new RazorpayApi(settings);
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
		JsonNode order = api.call("create an order", http -> http.post().uri("/v1/orders")
			.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
		return RazorpayApi.required(order, "id", "create an order");
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
		JsonNode link = api.call("create a payment link", http -> http.post().uri("/v1/payment_links")
			.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
		PaymentLinkStatus status = PaymentLinkStatus.of(RazorpayApi.text(link.path("status")));
		return new CreatedLink(RazorpayApi.required(link, "id", "create a payment link"),
				RazorpayApi.required(link, "short_url", "create a payment link"),
				status == null ? PaymentLinkStatus.CREATED : status);
	}

	@Override
	public Optional<LinkState> fetchLink(String linkId) {
		JsonNode link = api.call("fetch a payment link",
				http -> http.get().uri("/v1/payment_links/{id}", linkId).retrieve().body(JsonNode.class));
		PaymentLinkStatus status = PaymentLinkStatus.of(RazorpayApi.text(link.path("status")));
		if (status == null) {
			throw RazorpayApi.unreadable("fetch a payment link", "status " + RazorpayApi.text(link.path("status")));
		}
		String paymentId = null;
		String method = null;
		for (JsonNode p : link.path("payments")) {
			if ("captured".equals(RazorpayApi.text(p.path("status")))) {
				paymentId = RazorpayApi.text(p.path("payment_id"));
				method = RazorpayApi.text(p.path("method"));
			}
		}
		return Optional.of(new LinkState(status, link.path("amount_paid").asLong(0),
				RazorpayApi.text(link.path("order_id")), paymentId, method));
	}

	@Override
	public Optional<String> paymentMethod(String paymentId) {
		JsonNode payment = api.call("fetch a payment",
				http -> http.get().uri("/v1/payments/{id}", paymentId).retrieve().body(JsonNode.class));
		return Optional.ofNullable(RazorpayApi.text(payment.path("method")));
	}

	@Override
	public boolean validCheckoutSignature(String orderId, String paymentId, String signature) {
		return Signatures.matches(Signatures.checkoutSignature(orderId, paymentId, settings.keySecret()), signature);
	}

	/**
	 * {@code POST /v1/payments/{id}/refund} at normal speed, made idempotent with {@code X-Refund-Idempotency}; the
	 * clinic's refund id goes in the receipt and the notes, so that the refund webhooks can be matched to it.
	 */
	@Override
	public ProviderRefund refund(RefundRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", request.amountMinor());
		body.put("speed", "normal");
		body.put("receipt", request.reference());
		Map<String, String> notes = new LinkedHashMap<>(request.notes());
		notes.put("refund_id", request.reference());
		body.put("notes", notes);
		JsonNode refund = api.call("refund a payment", http -> http.post()
			.uri("/v1/payments/{id}/refund", request.providerPaymentId())
			.header("X-Refund-Idempotency", request.idempotencyKey())
			.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
		String status = RazorpayApi.text(refund.path("status"));
		ProviderRefund.Outcome outcome = "processed".equals(status) ? ProviderRefund.Outcome.PROCESSED
				: "failed".equals(status) ? ProviderRefund.Outcome.FAILED : ProviderRefund.Outcome.PENDING;
		return new ProviderRefund(RazorpayApi.required(refund, "id", "refund a payment"), outcome);
	}

	/** Without a webhook secret no webhook can be trusted, so none is. */
	@Override
	public boolean signs(Map<String, String> headers) {
		return headers.containsKey(RazorpayEvents.SIGNATURE_HEADER);
	}

	@Override
	public boolean authentic(byte[] body, Map<String, String> headers) {
		String secret = settings.webhookSecret();
		if (secret == null || secret.isBlank()) {
			log.warn("A Razorpay webhook arrived but POLYCLINIC_RAZORPAY_WEBHOOK_SECRET is not set; it is refused");
			return false;
		}
		return RazorpayEvents.signed(body, headers, secret);
	}

	@Override
	public ProviderEvent read(byte[] body, Map<String, String> headers) {
		return RazorpayEvents.parse(body, headers);
	}

	/** The webhook signature alone, as Razorpay computes it. */
	public boolean validWebhookSignature(byte[] body, String signature) {
		return authentic(body, Map.of(RazorpayEvents.SIGNATURE_HEADER, signature));
	}
}
