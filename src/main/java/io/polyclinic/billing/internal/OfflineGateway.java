package io.polyclinic.billing.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

import io.polyclinic.billing.PaymentLinkStatus;

/**
 * The provider that keeps the product whole on one machine: local order, link and refund ids in Razorpay's style,
 * short URLs on the clinic's own address, refunds processed at once, and Razorpay's real signature algorithms and
 * webhook format with secrets from configuration, so a payment is settled by a correctly signed verification or
 * webhook and by nothing else.
 */
public class OfflineGateway implements PaymentGateway {

	public static final String NAME = "offline";
	public static final String KEY_ID = "rzp_test_offline";

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final BillingProperties.Offline secrets;
	private final String publicBaseUrl;
	private final boolean confirms;

	public OfflineGateway(BillingProperties.Offline secrets, String publicBaseUrl) {
		this(secrets, publicBaseUrl, false);
	}

	/**
	 * @param confirms whether a bare confirm settles a payment (demo mode): a client without a real provider can then
	 *        finish a payment flow. Never outside demo mode, where it would let any patient mark their payment paid.
	 */
	public OfflineGateway(BillingProperties.Offline secrets, String publicBaseUrl, boolean confirms) {
		this.confirms = confirms;
		this.secrets = secrets;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	/** A Razorpay-shaped id: the prefix, an underscore, 14 letters and digits. */
	public static String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix).append('_');
		for (int i = 0; i < 14; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String keyId() {
		return KEY_ID;
	}

	@Override
	public String createOrder(OrderRequest request) {
		return newId("order");
	}

	/**
	 * No money moves offline, so in demo mode a confirm is the payment: it succeeds at once with a payment id of its
	 * own. Otherwise offline payments settle only by a signed verification or webhook.
	 */
	@Override
	public Confirmation confirm(String orderId, ConfirmRequest request) {
		if (!confirms) {
			return PaymentGateway.super.confirm(orderId, request);
		}
		return new Confirmation(Confirmation.Outcome.SUCCEEDED, "succeeded", newId("pay"), null);
	}

	@Override
	public CreatedLink createLink(LinkRequest request) {
		String id = newId("plink");
		return new CreatedLink(id, publicBaseUrl + "/pay/" + id, PaymentLinkStatus.CREATED);
	}

	@Override
	public Optional<LinkState> fetchLink(String linkId) {
		return Optional.empty();
	}

	@Override
	public Optional<String> paymentMethod(String paymentId) {
		return Optional.empty();
	}

	@Override
	public boolean validCheckoutSignature(String orderId, String paymentId, String signature) {
		return Signatures.matches(Signatures.checkoutSignature(orderId, paymentId, secrets.keySecret()), signature);
	}

	/** No money moved, so none has to travel back: the refund is processed as it is asked for. */
	@Override
	public ProviderRefund refund(RefundRequest request) {
		return new ProviderRefund(newId("rfnd"), ProviderRefund.Outcome.PROCESSED);
	}

	@Override
	public boolean signs(Map<String, String> headers) {
		return headers.containsKey(RazorpayEvents.SIGNATURE_HEADER);
	}

	@Override
	public boolean authentic(byte[] body, Map<String, String> headers) {
		return RazorpayEvents.signed(body, headers, secrets.webhookSecret());
	}

	@Override
	public ProviderEvent read(byte[] body, Map<String, String> headers) {
		return RazorpayEvents.parse(body, headers);
	}

	/** Kept for tests and tools that sign a body by hand. */
	public boolean validWebhookSignature(byte[] body, String signature) {
		return authentic(body, Map.of(RazorpayEvents.SIGNATURE_HEADER, signature));
	}
}
