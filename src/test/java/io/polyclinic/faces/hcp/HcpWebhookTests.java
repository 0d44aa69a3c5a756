package io.polyclinic.faces.hcp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.Http;
import io.polyclinic.support.StripeStub;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/payments/webhooks/} with Stripe configured (aimed at {@link StripeStub}) beside the offline
 * provider: each webhook is its provider's by its signature header, checked with the provider's real algorithm
 * (Stripe's timestamped HMAC, Razorpay's HMAC over the body); a settled payment confirms the appointment; a replayed
 * event changes nothing; a forged one is 400 in hcp's error shape.
 */
@TestPropertySource(properties = { "polyclinic.billing.stripe.secret-key=" + StripeStub.SECRET_KEY,
		"polyclinic.billing.stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET })
class HcpWebhookTests extends HcpPaymentsApiTest {

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("polyclinic.billing.stripe.base-url", StripeStub::baseUrl);
	}

	@BeforeEach
	void resetStripe() {
		StripeStub.server().resetAll();
	}

	@Test
	void aStripePaymentIntentSucceededSettlesThePayment_confirmsTheAppointment_andOnlyOnce() throws Exception {
		var patient = people.patient();
		var doctor = people.doctor();
		long appointment = appointment(patient, doctor);
		String intentId = StripeStub.newIntentId();
		StripeStub.creates(intentId, 150000, "inr");

		JsonNode intent = data(intent(patient, appointment), 200);
		assertThat(intent.path("provider").asString()).isEqualTo("stripe");
		assertThat(intent.path("client_secret").asString()).isEqualTo(intentId + "_secret_stub");
		assertThat(intent.path("order_id").asString()).isEqualTo(intentId);
		assertThat(data(intent(patient, appointment), 200).path("payment_id").asLong())
			.isEqualTo(intent.path("payment_id").asLong());
		StripeStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));

		String event = StripeStub.intentEvent("evt_" + UUID.randomUUID().toString().replace("-", ""),
				"payment_intent.succeeded", intentId, "ch_hcp_" + appointment, null);
		Http.Res first = stripeWebhook(event, StripeStub.signature(event, Instant.now()));
		JsonNode received = data(first, 200);
		assertThat(Http.keys(received)).containsExactlyInAnyOrder("received", "result");
		assertThat(received.path("received").asBoolean()).isTrue();
		assertThat(received.path("result").asString()).isEqualTo("processed");
		awaitStatus(appointment, AppointmentStatus.CONFIRMED);

		JsonNode transaction = data(http.get(PAYMENTS + "/transactions/" + intent.path("payment_id").asLong() + "/")
			.token(patient.token()).send(), 200);
		assertThat(transaction.path("status").asString()).isEqualTo("completed");
		assertThat(transaction.path("provider").asString()).isEqualTo("stripe");
		assertThat(transaction.path("external_id").asString()).isEqualTo(intentId);

		assertThat(data(stripeWebhook(event, StripeStub.signature(event, Instant.now())), 200).path("result")
			.asString()).isEqualTo("duplicate");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE appointment_id = ? AND status = 'PAID'")
			.param(appointment).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aForgedOrStaleStripeSignatureIsRefused_andChangesNothing() {
		var patient = people.patient();
		long appointment = appointment(patient, people.doctor());
		String intentId = StripeStub.newIntentId();
		StripeStub.creates(intentId, 150000, "inr");
		data(intent(patient, appointment), 200);
		String event = StripeStub.intentEvent("evt_forged_" + appointment, "payment_intent.succeeded", intentId,
				"ch_forged", null);

		for (String signature : new String[] { StripeStub.signature(event, Instant.now(), "whsec_someone_else"),
				StripeStub.signature(event, Instant.now().minusSeconds(3600)), "t=1,v1=00", "" }) {
			Http.Res res = stripeWebhook(event, signature);
			drfError(res, 400);
			assertThat(res.json().path("error").asString()).isEqualTo("Invalid webhook signature");
		}
		Http.Res unsigned = http.post(PAYMENTS + "/webhooks/", event).send();
		drfError(unsigned, 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM payments WHERE appointment_id = ? AND status = 'PAID'")
			.param(appointment).query(Long.class).single()).isZero();
		assertThat(book.require(appointment).status()).isEqualTo(AppointmentStatus.PENDING);
	}

	@Test
	void aRazorpaySignedWebhookIsTheOfflineProvidersBesideStripe_replayedByEventIdItIsADuplicate() throws Exception {
		var patient = people.patient();
		long appointment = appointment(patient, people.doctor());
		JsonNode intent = data(http.post(PAYMENTS + "/intent/", Map.of("appointment_id", appointment, "provider",
				"offline")).token(patient.token()).send(), 200);
		assertThat(intent.path("provider").asString()).isEqualTo("offline");
		String body = captured("pay_HcpWebhook" + appointment, intent.path("order_id").asString());
		String eventId = "evt_rzp_" + appointment;

		assertThat(data(razorpayWebhook(body, eventId), 200).path("result").asString()).isEqualTo("processed");
		awaitStatus(appointment, AppointmentStatus.CONFIRMED);
		assertThat(data(razorpayWebhook(body, eventId), 200).path("result").asString()).isEqualTo("duplicate");

		Http.Res forged = http.post(PAYMENTS + "/webhooks/", body)
			.header("X-Razorpay-Signature", razorpaySignature(body + "\n")).send();
		drfError(forged, 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE event_id = ?").param(eventId).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRefundOfAStripePaymentNamesItsPaymentIntent() throws Exception {
		var patient = people.patient();
		long appointment = appointment(patient, people.doctor());
		String intentId = StripeStub.newIntentId();
		StripeStub.creates(intentId, 150000, "inr");
		long paymentId = data(intent(patient, appointment), 200).path("payment_id").asLong();
		String event = StripeStub.intentEvent("evt_refund_" + appointment, "payment_intent.succeeded", intentId,
				"ch_refund_" + appointment, null);
		data(stripeWebhook(event, StripeStub.signature(event, Instant.now())), 200);
		StripeStub.refunds("re_hcp_" + appointment, 50000, "succeeded");

		JsonNode done = data(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount", "500.00",
				"reason", "requested_by_customer")).token(people.admin().token()).send(), 200);
		assertThat(done.path("status").asString()).isEqualTo("completed");
		assertThat(done.path("refund").path("external_refund_id").asString()).isEqualTo("re_hcp_" + appointment);
		StripeStub.server().verify(postRequestedFor(urlEqualTo("/v1/refunds"))
			.withFormParam("payment_intent", equalTo(intentId)).withFormParam("amount", equalTo("50000")));
	}

	private Http.Res stripeWebhook(String body, String signature) {
		return http.post(PAYMENTS + "/webhooks/", body).header("Stripe-Signature", signature).send();
	}
}
