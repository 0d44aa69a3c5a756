package io.polyclinic.billing.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

import io.polyclinic.platform.Refusal;

/**
 * Stripe through stripe-java: one {@link StripeClient} of its own (never the SDK's static key), aimed at the
 * configured API base so that tests and proxies can stand in for Stripe. An order is a PaymentIntent in the currency's
 * minor unit; the payment it settles is the intent's {@code latest_charge}; refunds name the intent. Webhooks are
 * checked against {@code Stripe-Signature} and read from the raw JSON ({@link StripeEvents}). Payment links and
 * Razorpay-style checkout signatures are not Stripe's: they are refused.
 */
public class StripeGateway implements PaymentGateway {

	public static final String NAME = "stripe";

	private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

	private final BillingProperties.Stripe settings;
	private final StripeClient client;
	private final Clock clock;

	public StripeGateway(BillingProperties.Stripe settings, Clock clock) {
		if (!settings.configured()) {
			throw new IllegalArgumentException("Stripe needs a secret key");
		}
		this.settings = settings;
		this.clock = clock;
		String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
				: settings.baseUrl();
		this.client = StripeClient.builder()
			.setApiKey(settings.secretKey())
			.setApiBase(base)
			.setConnectTimeout((int) settings.connectTimeout().toMillis())
			.setReadTimeout((int) settings.readTimeout().toMillis())
			// every call that changes something carries an idempotency key, so the SDK's retries are safe
			.setMaxNetworkRetries(1)
			.build();
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Stripe's clients open their checkout with the client secret of each intent, not with a key id. */
	@Override
	public String keyId() {
		return "";
	}

	@Override
	public String createOrder(OrderRequest request) {
		return open(request, request.receipt()).id();
	}

	@Override
	public OpenedOrder open(OrderRequest request, String idempotencyKey) {
		var params = PaymentIntentCreateParams.builder()
			.setAmount(request.amountMinor())
			.setCurrency(request.currency().toLowerCase(Locale.ROOT))
			.setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
			.putAllMetadata(request.notes())
			.build();
		PaymentIntent intent = call("create a payment intent", () -> client.v1().paymentIntents().create(params,
				RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
		return new OpenedOrder(required(intent.getId(), "create a payment intent"), intent.getClientSecret(),
				intent.getStatus());
	}

	@Override
	public Optional<String> clientSecret(String orderId) {
		PaymentIntent intent = call("fetch a payment intent", () -> client.v1().paymentIntents().retrieve(orderId));
		return Optional.ofNullable(intent.getClientSecret());
	}

	/**
	 * {@code POST /v1/payment_intents/{id}/confirm} with the payment method and return URL. A card Stripe declines
	 * (402, {@code card_error}) is a FAILED answer carrying Stripe's message and the failed charge.
	 */
	@Override
	public Confirmation confirm(String orderId, ConfirmRequest request) {
		var params = PaymentIntentConfirmParams.builder();
		if (request.paymentMethod() != null) {
			params.setPaymentMethod(request.paymentMethod());
		}
		if (request.returnUrl() != null) {
			params.setReturnUrl(request.returnUrl());
		}
		PaymentIntent intent;
		try {
			intent = client.v1().paymentIntents().confirm(orderId, params.build());
		}
		catch (CardException e) {
			StripeError error = e.getStripeError();
			PaymentIntent failed = error == null ? null : error.getPaymentIntent();
			String message = error != null && error.getMessage() != null ? error.getMessage() : "Your card was declined.";
			log.info("Stripe declined payment intent {}: {} ({})", orderId, message, e.getDeclineCode());
			return new Confirmation(Confirmation.Outcome.FAILED,
					failed != null && failed.getStatus() != null ? failed.getStatus() : "requires_payment_method",
					e.getCharge(), message);
		}
		catch (StripeException e) {
			throw refusal("confirm a payment intent", e);
		}
		String status = required(intent.getStatus(), "confirm a payment intent");
		return switch (status) {
			case "succeeded" -> new Confirmation(Confirmation.Outcome.SUCCEEDED, status,
					intent.getLatestCharge() != null ? intent.getLatestCharge() : intent.getId(), null);
			case "requires_payment_method", "canceled" -> new Confirmation(Confirmation.Outcome.FAILED, status,
					intent.getLatestCharge(), intent.getLastPaymentError() != null
							&& intent.getLastPaymentError().getMessage() != null ? intent.getLastPaymentError().getMessage()
									: "The payment was not completed");
			default -> new Confirmation(Confirmation.Outcome.PENDING, status, intent.getLatestCharge(), null);
		};
	}

	@Override
	public void cancelOrder(String orderId) {
		call("cancel a payment intent", () -> client.v1().paymentIntents().cancel(orderId));
	}

	@Override
	public CreatedLink createLink(LinkRequest request) {
		throw Refusal.invalid("LINKS_UNSUPPORTED", "Payment links are not offered through Stripe");
	}

	@Override
	public Optional<LinkState> fetchLink(String linkId) {
		return Optional.empty();
	}

	@Override
	public Optional<String> paymentMethod(String paymentId) {
		return Optional.empty();
	}

	/** Stripe's checkout hands the client no signature to verify: payments settle by confirm and webhooks only. */
	@Override
	public boolean validCheckoutSignature(String orderId, String paymentId, String signature) {
		return false;
	}

	/**
	 * {@code POST /v1/refunds} naming the payment intent (the charge when the intent is unknown), under the clinic's
	 * idempotency key; the clinic's refund id goes in the metadata, so that refund webhooks find it.
	 */
	@Override
	public ProviderRefund refund(RefundRequest request) {
		Map<String, String> metadata = new LinkedHashMap<>(request.notes());
		metadata.put("refund_id", request.reference());
		var params = RefundCreateParams.builder().setAmount(request.amountMinor()).putAllMetadata(metadata);
		if (request.providerOrderId() != null) {
			params.setPaymentIntent(request.providerOrderId());
		}
		else {
			params.setCharge(request.providerPaymentId());
		}
		com.stripe.model.Refund refund = call("refund a payment", () -> client.v1().refunds().create(params.build(),
				RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build()));
		String status = refund.getStatus();
		ProviderRefund.Outcome outcome = "succeeded".equals(status) ? ProviderRefund.Outcome.PROCESSED
				: "failed".equals(status) || "canceled".equals(status) ? ProviderRefund.Outcome.FAILED
						: ProviderRefund.Outcome.PENDING;
		return new ProviderRefund(required(refund.getId(), "refund a payment"), outcome, status);
	}

	@Override
	public boolean signs(Map<String, String> headers) {
		return headers.containsKey(StripeEvents.SIGNATURE_HEADER);
	}

	/** Without the endpoint's signing secret no webhook can be trusted, so none is. */
	@Override
	public boolean authentic(byte[] body, Map<String, String> headers) {
		String secret = settings.webhookSecret();
		if (secret == null || secret.isBlank()) {
			log.warn("A Stripe webhook arrived but POLYCLINIC_STRIPE_WEBHOOK_SECRET is not set; it is refused");
			return false;
		}
		return StripeEvents.signed(body, headers.get(StripeEvents.SIGNATURE_HEADER), secret,
				settings.webhookTolerance(), clock.instant());
	}

	@Override
	public ProviderEvent read(byte[] body, Map<String, String> headers) {
		return StripeEvents.parse(body);
	}

	private interface StripeCall<T> {
		T run() throws StripeException;
	}

	private static <T> T call(String what, StripeCall<T> call) {
		try {
			return call.run();
		}
		catch (StripeException e) {
			throw refusal(what, e);
		}
		catch (RuntimeException e) {
			// an answer the SDK cannot read (not Stripe's JSON) ends here
			log.warn("Stripe: could not {}: {}", what, e.toString());
			throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED", "The payment provider gave an unexpected answer");
		}
	}

	/**
	 * What Stripe refused because of the request itself (an unknown payment method, an intent that can no longer be
	 * cancelled) is the caller's problem and says Stripe's message; everything else (authentication, rate limits,
	 * Stripe's own errors, no answer) is the provider failing.
	 */
	private static Refusal refusal(String what, StripeException e) {
		StripeError error = e.getStripeError();
		String message = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
		log.warn("Stripe: could not {}: HTTP {} {}: {}", what, e.getStatusCode(), e.getCode(), message);
		String clipped = message == null ? "" : message.length() <= 300 ? message : message.substring(0, 300);
		if (e instanceof CardException) {
			return Refusal.invalid("PAYMENT_DECLINED", clipped);
		}
		if (e instanceof InvalidRequestException) {
			if ("payment_intent_unexpected_state".equals(e.getCode())) {
				return Refusal.conflict("PAYMENT_STATE", "The payment provider refused: " + clipped);
			}
			return Refusal.invalid("PAYMENT_REJECTED", "The payment provider refused the request: " + clipped);
		}
		return Refusal.unavailable("PAYMENT_PROVIDER_FAILED",
				"The payment provider could not be reached; please try again");
	}

	private static String required(@Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			log.warn("Stripe: unexpected answer to {}: no id or status", what);
			throw Refusal.unavailable("PAYMENT_PROVIDER_FAILED", "The payment provider gave an unexpected answer");
		}
		return value;
	}
}
