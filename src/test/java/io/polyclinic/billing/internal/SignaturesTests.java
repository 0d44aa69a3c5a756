package io.polyclinic.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import com.razorpay.Utils;

/**
 * Razorpay's signatures against known vectors (RFC 4231, and values computed independently of this code) and against
 * the SDK's own verification.
 */
class SignaturesTests {

	@Test
	void hmacSha256MatchesRfc4231() {
		assertThat(Signatures.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void checkoutSignatureIsOverOrderIdBarPaymentIdWithTheKeySecret() throws Exception {
		String signature = Signatures.checkoutSignature("order_EKwxwAgItmmXdp", "pay_EKwxwAgItmmXdp", "12345678");

		assertThat(signature).isEqualTo("42592639626ebf536d8acceda24ad5cd6e7aaedd1ca3cb0a4d55420066ae91f6");
		JSONObject attributes = new JSONObject();
		attributes.put("razorpay_order_id", "order_EKwxwAgItmmXdp");
		attributes.put("razorpay_payment_id", "pay_EKwxwAgItmmXdp");
		attributes.put("razorpay_signature", signature);
		assertThat(Utils.verifyPaymentSignature(attributes, "12345678")).isTrue();
	}

	@Test
	void webhookSignatureIsOverTheRawBodyWithTheWebhookSecret() throws Exception {
		String body = "{\"entity\":\"event\",\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":"
				+ "{\"id\":\"pay_EKwxwAgItmmXdp\",\"order_id\":\"order_EKwxwAgItmmXdp\",\"status\":\"captured\","
				+ "\"notes\":{\"name\":\"Dr. Sch\u00f6n\"}}}}}";

		String signature = Signatures.webhookSignature(body.getBytes(StandardCharsets.UTF_8), "webhook-secret");

		assertThat(signature).isEqualTo("fc62ae7d721d5b525e8152d4f6e1396fe2b95fa3b3daf5ee969da76224649f70");
		String ascii = body.replace("\u00f6", "o");
		assertThat(Utils.verifyWebhookSignature(ascii,
				Signatures.webhookSignature(ascii.getBytes(StandardCharsets.UTF_8), "webhook-secret"), "webhook-secret"))
			.isTrue();
	}

	@Test
	void matchingIsExactExceptForSurroundingWhitespace() {
		String good = Signatures.checkoutSignature("order_a", "pay_b", "s");

		assertThat(Signatures.matches(good, good)).isTrue();
		assertThat(Signatures.matches(good, " " + good + "\n")).isTrue();
		assertThat(Signatures.matches(good, good.toUpperCase())).isFalse();
		assertThat(Signatures.matches(good, good.substring(1))).isFalse();
		assertThat(Signatures.matches(good, "")).isFalse();
	}

	@Test
	void theOfflineGatewayChecksWithItsOwnSecrets() {
		var gateway = new OfflineGateway(new BillingProperties.Offline("key-secret", "hook-secret"), "https://clinic.test/");
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(gateway.validCheckoutSignature("order_a", "pay_b", Signatures.checkoutSignature("order_a", "pay_b",
				"key-secret"))).isTrue();
		assertThat(gateway.validCheckoutSignature("order_a", "pay_b", Signatures.checkoutSignature("order_a", "pay_b",
				"hook-secret"))).isFalse();
		assertThat(gateway.validWebhookSignature(body, Signatures.webhookSignature(body, "hook-secret"))).isTrue();
		assertThat(gateway.validWebhookSignature(body, Signatures.webhookSignature(body, "key-secret"))).isFalse();
		assertThat(gateway.createLink(new PaymentGateway.LinkRequest(100, "INR", "Fee", "Jane", "+919876543210", null,
				"ref", java.time.Instant.now(), java.util.Map.of())).shortUrl()).startsWith("https://clinic.test/pay/plink_");
	}
}
