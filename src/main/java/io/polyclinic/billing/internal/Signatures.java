package io.polyclinic.billing.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Razorpay's signatures, in every mode: HMAC-SHA256 in lower-case hex. A checkout's signature is over
 * {@code order_id|payment_id} with the key secret; a webhook's over the raw request body with the webhook secret.
 * Computed here rather than with the SDK's {@code Utils}, which encodes the payload in the platform charset: a webhook
 * body with a non-ASCII name would fail on a machine whose default is not UTF-8.
 */
public final class Signatures {

	private Signatures() {
	}

	public static String hmacSha256Hex(String secret, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	public static String checkoutSignature(String orderId, String paymentId, String keySecret) {
		return hmacSha256Hex(keySecret, (orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
	}

	public static String webhookSignature(byte[] body, String webhookSecret) {
		return hmacSha256Hex(webhookSecret, body);
	}

	/** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
	public static boolean matches(String expected, String given) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.trim().getBytes(StandardCharsets.UTF_8));
	}
}
