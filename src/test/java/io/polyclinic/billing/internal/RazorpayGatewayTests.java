package io.polyclinic.billing.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;

import io.polyclinic.billing.PaymentLinkStatus;
import io.polyclinic.platform.Refusal;

/**
 * The Razorpay adapter against a local stub of Razorpay's documented API: the exact requests it sends and how it
 * reads the documented answers, errors included.
 */
class RazorpayGatewayTests {

	private static final String KEY_ID = "rzp_test_1DP5mmOlF5G5ag";
	private static final String KEY_SECRET = "test-key-secret";

	private WireMockServer razorpay;
	private RazorpayGateway gateway;

	@BeforeEach
	void start() {
		razorpay = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		razorpay.start();
		gateway = new RazorpayGateway(settings(razorpay.baseUrl(), "webhook-secret"));
	}

	@AfterEach
	void stop() {
		razorpay.stop();
	}

	private static BillingProperties.Razorpay settings(String baseUrl, String webhookSecret) {
		// generous: a stub's first answer on a busy machine can take seconds; no test here waits for a timeout
		return new BillingProperties.Razorpay(KEY_ID, KEY_SECRET, webhookSecret, baseUrl, Duration.ofSeconds(5),
				Duration.ofSeconds(15));
	}

	@Test
	void createsAnOrderInPaiseWithBasicAuthentication() {
		razorpay.stubFor(post("/v1/orders").willReturn(okJson("""
				{"id":"order_IluGWxBm9U8zJ8","entity":"order","amount":150000,"amount_paid":0,"amount_due":150000,
				 "currency":"INR","receipt":"5a0a4c1e-0000-4000-8000-000000000001","offer_id":null,"status":"created",
				 "attempts":0,"notes":{"appointment_id":"123"},"created_at":1642662092}""")));
		Map<String, String> notes = new LinkedHashMap<>();
		notes.put("appointment_id", "123");
		notes.put("patient_id", "10");

		String orderId = gateway.createOrder(new PaymentGateway.OrderRequest(150_000, "INR",
				"5a0a4c1e-0000-4000-8000-000000000001", notes));

		assertThat(orderId).isEqualTo("order_IluGWxBm9U8zJ8");
		razorpay.verify(1, postRequestedFor(urlEqualTo("/v1/orders"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"amount":150000,"currency":"INR","receipt":"5a0a4c1e-0000-4000-8000-000000000001",
					 "notes":{"appointment_id":"123","patient_id":"10"}}""")));
	}

	@Test
	void createsAPaymentLinkWithTheDocumentedFields() {
		razorpay.stubFor(post("/v1/payment_links").willReturn(okJson("""
				{"accept_partial":false,"amount":150000,"amount_paid":0,"cancelled_at":0,"created_at":1591097057,
				 "currency":"INR","customer":{"contact":"+919876543210","email":"jane@example.com","name":"Jane Smith"},
				 "description":"Consultation fee","expire_by":1710583200,"expired_at":0,"first_min_partial_amount":0,
				 "id":"plink_ExjpAUN3gVHrPJ","notes":{"appointment_id":"123"},"notify":{"email":true,"sms":false},
				 "payments":null,"reference_id":"ref-1","reminder_enable":true,"reminders":[],
				 "short_url":"https://rzp.io/i/nxrHnLJ","status":"created","updated_at":1591097057,"user_id":""}""")));

		var link = gateway.createLink(new PaymentGateway.LinkRequest(150_000, "INR", "Consultation fee", "Jane Smith",
				"+919876543210", "jane@example.com", "ref-1", Instant.ofEpochSecond(1710583200),
				Map.of("appointment_id", "123")));

		assertThat(link).isEqualTo(new PaymentGateway.CreatedLink("plink_ExjpAUN3gVHrPJ", "https://rzp.io/i/nxrHnLJ",
				PaymentLinkStatus.CREATED));
		razorpay.verify(1, postRequestedFor(urlEqualTo("/v1/payment_links"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET))
			.withRequestBody(equalToJson("""
					{"amount":150000,"currency":"INR","description":"Consultation fee",
					 "customer":{"name":"Jane Smith","contact":"+919876543210","email":"jane@example.com"},
					 "notify":{"sms":false,"email":true},"reference_id":"ref-1","expire_by":1710583200,
					 "notes":{"appointment_id":"123"}}""")));
	}

	@Test
	void aLinkWithoutEmailAsksRazorpayToNotifyNobody() {
		razorpay.stubFor(post("/v1/payment_links").willReturn(okJson("""
				{"id":"plink_ExjpAUN3gVHrPJ","short_url":"https://rzp.io/i/nxrHnLJ","status":"created"}""")));

		gateway.createLink(new PaymentGateway.LinkRequest(100, "INR", "Fee", "Jane", "+919876543210", null, "ref-2",
				Instant.ofEpochSecond(1710583200), Map.of()));

		razorpay.verify(postRequestedFor(urlEqualTo("/v1/payment_links")).withRequestBody(equalToJson("""
				{"amount":100,"currency":"INR","description":"Fee","customer":{"name":"Jane","contact":"+919876543210"},
				 "notify":{"sms":false,"email":false},"reference_id":"ref-2","expire_by":1710583200,"notes":{}}""")));
	}

	@Test
	void readsAPaidLinkWithItsCapturedPayment() {
		razorpay.stubFor(get("/v1/payment_links/plink_Fo48rl281ENAg9").willReturn(okJson("""
				{"accept_partial":false,"amount":150000,"amount_paid":150000,"cancelled_at":0,"created_at":1602522293,
				 "currency":"INR","customer":{"contact":"+919876543210","email":"gaurav.kumar@example.com"},
				 "description":"Payment for Acme Inc","expire_by":0,"expired_at":0,"first_min_partial_amount":0,
				 "id":"plink_Fo48rl281ENAg9","notes":{"policy_name":"Life Insurance Policy"},
				 "notify":{"email":true,"sms":true},"order_id":"order_Fo491cL6NGAjkI",
				 "payments":[{"amount":150000,"created_at":1602522351,"method":"upi","payment_id":"pay_Fo49sHbQ78PCMI",
				   "status":"captured"}],
				 "reference_id":"","reminder_enable":false,"reminders":[],"short_url":"https://rzp.io/i/XQiMe4w",
				 "status":"paid","updated_at":1602522351,"upi_link":true,"user_id":"FmjfFPCOUOAcSH"}""")));

		var state = gateway.fetchLink("plink_Fo48rl281ENAg9").orElseThrow();

		assertThat(state).isEqualTo(new PaymentGateway.LinkState(PaymentLinkStatus.PAID, 150_000, "order_Fo491cL6NGAjkI",
				"pay_Fo49sHbQ78PCMI", "upi"));
		razorpay.verify(getRequestedFor(urlEqualTo("/v1/payment_links/plink_Fo48rl281ENAg9"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET)));
	}

	@Test
	void readsAnUnpaidLink() {
		razorpay.stubFor(get("/v1/payment_links/plink_ExjpAUN3gVHrPJ").willReturn(okJson("""
				{"amount":1000,"amount_paid":0,"id":"plink_ExjpAUN3gVHrPJ","payments":null,"status":"expired"}""")));

		assertThat(gateway.fetchLink("plink_ExjpAUN3gVHrPJ")).contains(
				new PaymentGateway.LinkState(PaymentLinkStatus.EXPIRED, 0, null, null, null));
	}

	@Test
	void readsAPaymentsMethod() {
		razorpay.stubFor(get("/v1/payments/pay_MT48CvBhIC98MQ").willReturn(okJson("""
				{"id":"pay_MT48CvBhIC98MQ","entity":"payment","amount":150000,"currency":"INR","status":"captured",
				 "order_id":"order_MT47xgV5ApouIB","invoice_id":null,"international":false,"method":"netbanking",
				 "amount_refunded":0,"refund_status":null,"captured":true,"description":"#MT47qgzX2EOko2",
				 "card_id":null,"bank":"HDFC","wallet":null,"vpa":null,"email":"gaurav.kumar@example.com",
				 "contact":"+919000090000","notes":[],"fee":2832,"tax":432,"error_code":null,"error_description":null,
				 "error_source":null,"error_step":null,"error_reason":null,
				 "acquirer_data":{"bank_transaction_id":"6951370"},"created_at":1692696719}""")));

		assertThat(gateway.paymentMethod("pay_MT48CvBhIC98MQ")).contains("netbanking");
		razorpay.verify(getRequestedFor(urlEqualTo("/v1/payments/pay_MT48CvBhIC98MQ"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET)));
	}

	@Test
	void anErrorAnswerIsAPaymentFailureWithRazorpaysDescription() {
		razorpay.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"code":"BAD_REQUEST_ERROR","description":"The amount must be at least INR 1.00",
					 "source":"business","step":"payment_initiation","reason":"input_validation_failed",
					 "metadata":{},"field":"amount"}}""")));

		assertThatThrownBy(() -> gateway.createOrder(new PaymentGateway.OrderRequest(50, "INR", "r", Map.of())))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED");
				assertThat(e.getMessage()).contains("The amount must be at least INR 1.00");
			});
	}

	@Test
	void wrongKeysAreAPaymentFailureToo() {
		razorpay.stubFor(get("/v1/payments/pay_x").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"BAD_REQUEST_ERROR\",\"description\":\"Authentication failed\"}}")));

		assertThatThrownBy(() -> gateway.paymentMethod("pay_x"))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
				assertThat(e.getMessage()).contains("Authentication failed");
			});
	}

	@Test
	void aServerErrorPageOrABrokenConnectionIsAPaymentFailure() {
		razorpay.stubFor(get("/v1/payment_links/plink_a").willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));
		razorpay.stubFor(get("/v1/payment_links/plink_b").willReturn(aResponse()
			.withFault(Fault.CONNECTION_RESET_BY_PEER)));
		razorpay.stubFor(get("/v1/payment_links/plink_c").willReturn(okJson("[]")));

		for (String id : new String[] { "plink_a", "plink_b", "plink_c" }) {
			assertThatThrownBy(() -> gateway.fetchLink(id)).as(id)
				.isInstanceOfSatisfying(Refusal.class, e -> {
					assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
					assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED");
				});
		}
	}

	@Test
	void anUnreachableRazorpayIsAPaymentFailure() {
		razorpay.stop();

		assertThatThrownBy(() -> gateway.createOrder(new PaymentGateway.OrderRequest(100, "INR", "r", Map.of())))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE));
	}

	@Test
	void refundsThroughTheDocumentedEndpointIdempotently() {
		razorpay.stubFor(post("/v1/payments/pay_29QQoUBi66xm2f/refund").willReturn(okJson("""
				{"id":"rfnd_FP8QHiV938haTz","entity":"refund","amount":50000,"receipt":"5a0a4c1e-0000-4000-8000-000000000002",
				 "currency":"INR","payment_id":"pay_29QQoUBi66xm2f","notes":{"refund_id":"5a0a4c1e-0000-4000-8000-000000000002"},
				 "acquirer_data":{"arn":null},"created_at":1597078866,"batch_id":null,"status":"processed",
				 "speed_processed":"normal","speed_requested":"normal"}""")));

		var refund = gateway.refund(new PaymentGateway.RefundRequest("pay_29QQoUBi66xm2f", 50_000, "INR",
				"5a0a4c1e-0000-4000-8000-000000000002-1", "5a0a4c1e-0000-4000-8000-000000000002",
				Map.of("payment_id", "9b1c")));

		assertThat(refund).isEqualTo(new PaymentGateway.ProviderRefund("rfnd_FP8QHiV938haTz",
				PaymentGateway.ProviderRefund.Outcome.PROCESSED));
		razorpay.verify(1, postRequestedFor(urlEqualTo("/v1/payments/pay_29QQoUBi66xm2f/refund"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET))
			.withHeader("X-Refund-Idempotency", equalTo("5a0a4c1e-0000-4000-8000-000000000002-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"amount":50000,"speed":"normal","receipt":"5a0a4c1e-0000-4000-8000-000000000002",
					 "notes":{"payment_id":"9b1c","refund_id":"5a0a4c1e-0000-4000-8000-000000000002"}}""")));
	}

	@Test
	void aRefundStillBeingProcessedIsPending_andARefusedOneIsAPaymentFailure() {
		razorpay.stubFor(post("/v1/payments/pay_a/refund").willReturn(okJson("""
				{"id":"rfnd_Pending1234567","entity":"refund","amount":100,"payment_id":"pay_a","status":"pending"}""")));
		razorpay.stubFor(post("/v1/payments/pay_b/refund").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"code":"BAD_REQUEST_ERROR","description":"The refund amount provided is greater than amount captured",
					 "source":"NA","step":"NA","reason":"NA","metadata":{}}}""")));

		assertThat(gateway.refund(refund("pay_a")).outcome()).isEqualTo(PaymentGateway.ProviderRefund.Outcome.PENDING);
		assertThatThrownBy(() -> gateway.refund(refund("pay_b")))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_FAILED");
				assertThat(e.getMessage()).contains("greater than amount captured");
			});
	}

	@Test
	void readsItsOwnWebhooks_signedWithTheWebhookSecret() {
		String body = """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"refund.processed",
				 "contains":["refund","payment"],"payload":{"refund":{"entity":{"id":"rfnd_FP8QHiV938haTz",
				 "entity":"refund","amount":50000,"currency":"INR","payment_id":"pay_29QQoUBi66xm2f",
				 "notes":{"refund_id":"5a0a4c1e-0000-4000-8000-000000000002"},"receipt":null,"status":"processed"}},
				 "payment":{"entity":{"id":"pay_29QQoUBi66xm2f","entity":"payment","amount":150000,"status":"captured"}}},
				 "created_at":1597078900}""";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = Map.of("X-Razorpay-Signature", Signatures.webhookSignature(bytes, "webhook-secret"),
				"X-Razorpay-Event-Id", "evt_1");

		assertThat(gateway.authentic(bytes, headers)).isTrue();
		assertThat(gateway.authentic(bytes, Map.of("X-Razorpay-Signature", Signatures.webhookSignature(bytes, "x"))))
			.isFalse();
		assertThat(gateway.authentic(bytes, Map.of())).isFalse();
		ProviderEvent event = gateway.read(bytes, headers);
		assertThat(event.kind()).isEqualTo(ProviderEvent.Kind.REFUND_PROCESSED);
		assertThat(event.name()).isEqualTo("refund.processed");
		assertThat(event.key()).isEqualTo("evt_1");
		assertThat(event.refundId()).isEqualTo("rfnd_FP8QHiV938haTz");
		assertThat(event.refundAmount()).isEqualTo(50_000);
		assertThat(event.paymentId()).isEqualTo("pay_29QQoUBi66xm2f");
		assertThat(event.refundReference()).isEqualTo("5a0a4c1e-0000-4000-8000-000000000002");
		assertThat(gateway.read(bytes, Map.of()).key()).isEqualTo("refund.processed:rfnd_FP8QHiV938haTz");
	}

	private static PaymentGateway.RefundRequest refund(String paymentId) {
		return new PaymentGateway.RefundRequest(paymentId, 100, "INR", "key-0123456789", "ref", Map.of());
	}

	@Test
	void signaturesUseTheKeySecretAndTheWebhookSecret() {
		byte[] body = "{\"event\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(gateway.keyId()).isEqualTo(KEY_ID);
		assertThat(gateway.validCheckoutSignature("order_a", "pay_b",
				Signatures.checkoutSignature("order_a", "pay_b", KEY_SECRET))).isTrue();
		assertThat(gateway.validWebhookSignature(body, Signatures.webhookSignature(body, "webhook-secret"))).isTrue();
		assertThat(gateway.validWebhookSignature(body, Signatures.webhookSignature(body, KEY_SECRET))).isFalse();
	}

	@Test
	void withoutAWebhookSecretNoWebhookIsTrusted() {
		var noSecret = new RazorpayGateway(settings(razorpay.baseUrl(), ""));
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(noSecret.validWebhookSignature(body, Signatures.webhookSignature(body, "webhook-secret"))).isFalse();
	}
}
