package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Refunds over HTTP, with the offline provider (which gives money back at once): admin only, the original's shapes,
 * never more than was paid — asked one after the other or all at once.
 */
class HcpRefundTests extends HcpPaymentsApiTest {

	private static final String[] REFUND_FIELDS = { "id", "payment", "amount", "reason", "status",
			"external_refund_id", "processed_by_name", "failure_reason", "created_at", "updated_at", "processed_at" };

	@Test
	void anAdminRefundsPartOfAPayment_thenTheRest_andNoMore() {
		var patient = people.patient();
		var admin = people.admin();
		long paymentId = paid(patient, appointment(patient, people.doctor())).path("payment_id").asLong();

		JsonNode done = data(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount", 500,
				"reason", "Partly unhappy")).token(admin.token()).send(), 200);
		assertThat(Http.keys(done)).containsExactlyInAnyOrder("refund_id", "amount", "status", "refund");
		assertThat(done.path("amount").asString()).isEqualTo("500.00");
		assertThat(done.path("status").asString()).isEqualTo("completed");
		JsonNode refund = done.path("refund");
		assertThat(Http.keys(refund)).containsExactlyInAnyOrder(REFUND_FIELDS);
		assertThat(refund.path("id").asLong()).isEqualTo(done.path("refund_id").asLong());
		assertThat(refund.path("reason").asString()).isEqualTo("Partly unhappy");
		assertThat(refund.path("external_refund_id").asString()).startsWith("rfnd_");
		assertThat(refund.path("processed_by_name").asString()).isNotBlank();
		assertThat(refund.path("payment").path("id").asLong()).isEqualTo(paymentId);
		assertThat(refund.path("payment").path("refunded_amount").asString()).isEqualTo("500.00");
		assertThat(refund.path("payment").path("status").asString()).isEqualTo("completed");

		assertThat(fieldError(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "1000.01",
				"reason", "Too much")).token(admin.token()).send(), "amount")).contains("cannot exceed");

		JsonNode rest = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "reason", "All of it"))
			.token(admin.token()).send(), 201);
		assertThat(Http.keys(rest)).containsExactlyInAnyOrder(REFUND_FIELDS);
		assertThat(rest.path("amount").asString()).isEqualTo("1000.00");
		assertThat(rest.path("payment").path("status").asString()).isEqualTo("refunded");

		Http.Res nothingLeft = http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of())
			.token(admin.token()).send();
		drfError(nothingLeft, 409);
		assertThat(data(http.get(PAYMENTS + "/transactions/" + paymentId + "/").token(patient.token()).send(), 200)
			.path("status").asString()).isEqualTo("refunded");
	}

	@Test
	void refundsAskedAllAtOnceNeverAddUpToMoreThanWasPaid() throws Exception {
		var patient = people.patient();
		String admin = people.admin().token();
		long paymentId = paid(patient, appointment(patient, people.doctor())).path("payment_id").asLong();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Http.Res>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount", "600.00",
							"reason", "at once")).token(admin).send();
				}));
			}
			start.countDown();
			int refunded = 0;
			for (Future<Http.Res> call : calls) {
				Http.Res res = call.get();
				if (res.status() == 200) {
					refunded++;
				}
				else {
					assertThat(res.status()).as(res.body()).isIn(400, 409);
				}
			}
			// ₹1,500 holds two refunds of ₹600, not three
			assertThat(refunded).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT refunded_minor FROM payments WHERE id = ?").param(paymentId).query(Long.class)
			.single()).isEqualTo(120000);
	}

	@Test
	void theRefundList_filtersOrdersAndPages_oneRefundReads_andOnlyItsReasonChanges() {
		var patient = people.patient();
		var admin = people.admin();
		long paymentId = paid(patient, appointment(patient, people.doctor())).path("payment_id").asLong();
		long small = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "100.00", "reason",
				"first")).token(admin.token()).send(), 201).path("id").asLong();
		long big = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "300.00", "reason",
				"second")).token(admin.token()).send(), 201).path("id").asLong();

		JsonNode byAmount = page(http.get(PAYMENTS + "/refunds/?payment=" + paymentId + "&ordering=-amount")
			.token(admin.token()).send());
		assertThat(byAmount.path("count").asLong()).isEqualTo(2);
		assertThat(byAmount.path("results").get(0).path("id").asLong()).isEqualTo(big);
		assertThat(Http.keys(byAmount.path("results").get(0))).containsExactlyInAnyOrder(REFUND_FIELDS);
		assertThat(page(http.get(PAYMENTS + "/refunds/?payment__patient=" + patient.id() + "&status=completed")
			.token(admin.token()).send()).path("count").asLong()).isEqualTo(2);
		assertThat(page(http.get(PAYMENTS + "/refunds/?payment=" + paymentId + "&status=failed").token(admin.token())
			.send()).path("count").asLong()).isZero();
		fieldError(http.get(PAYMENTS + "/refunds/?status=done").token(admin.token()).send(), "status");

		JsonNode one = data(http.get(PAYMENTS + "/refunds/" + small + "/").token(admin.token()).send(), 200);
		assertThat(one.path("amount").asString()).isEqualTo("100.00");
		JsonNode changed = data(http.put(PAYMENTS + "/refunds/" + small + "/", Map.of("reason", "Corrected reason",
				"amount", "100.00", "status", "completed")).token(admin.token()).send(), 200);
		assertThat(changed.path("reason").asString()).isEqualTo("Corrected reason");
		assertThat(fieldError(http.put(PAYMENTS + "/refunds/" + small + "/", Map.of("amount", "50.00"))
			.token(admin.token()).send(), "amount")).contains("cannot change");
		fieldError(http.put(PAYMENTS + "/refunds/" + small + "/", Map.of("status", "failed")).token(admin.token())
			.send(), "status");
		drfError(http.get(PAYMENTS + "/refunds/99999999/").token(admin.token()).send(), 404);
	}

	@Test
	void refundsAreTheAdminsOnly() {
		var patient = people.patient();
		var doctor = people.doctor();
		long paymentId = paid(patient, appointment(patient, doctor)).path("payment_id").asLong();
		for (var caller : List.of(patient, doctor)) {
			drfError(http.get(PAYMENTS + "/refunds/").token(caller.token()).send(), 403);
			drfError(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("reason", "mine"))
				.token(caller.token()).send(), 403);
			drfError(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "reason", "mine"))
				.token(caller.token()).send(), 403);
		}
		drfError(http.get(PAYMENTS + "/refunds/").send(), 401);
		assertThat(fieldError(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId)).token(people.admin()
			.token()).send(), "reason")).isEqualTo("This field is required.");
		assertThat(jdbc.sql("SELECT refunded_minor FROM payments WHERE id = ?").param(paymentId).query(Long.class)
			.single()).isZero();
	}

	@Test
	void oneRefundIsReadAndChangedByAdminsOnly() {
		var patient = people.patient();
		var doctor = people.doctor();
		String admin = people.admin().token();
		long paymentId = paid(patient, appointment(patient, doctor)).path("payment_id").asLong();
		long id = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "200.00", "reason",
				"Admin's reason")).token(admin).send(), 201).path("id").asLong();

		for (var caller : List.of(patient, doctor)) {
			drfError(http.get(PAYMENTS + "/refunds/" + id + "/").token(caller.token()).send(), 403);
			drfError(http.put(PAYMENTS + "/refunds/" + id + "/", Map.of("reason", "Mine now")).token(caller.token())
				.send(), 403);
		}
		drfError(http.get(PAYMENTS + "/refunds/" + id + "/").send(), 401);
		drfError(http.put(PAYMENTS + "/refunds/" + id + "/", Map.of("reason", "Nobody's")).send(), 401);
		drfError(http.put(PAYMENTS + "/refunds/99999999/", Map.of("reason", "Lost")).token(admin).send(), 404);

		assertThat(data(http.get(PAYMENTS + "/refunds/" + id + "/").token(admin).send(), 200).path("reason")
			.asString()).isEqualTo("Admin's reason");
	}

	@Test
	void anIdempotencyKeyMakesTheRepeatedRequestTheSameRefund() {
		var patient = people.patient();
		String admin = people.admin().token();
		long paymentId = paid(patient, appointment(patient, people.doctor())).path("payment_id").asLong();
		String key = "refund-" + java.util.UUID.randomUUID();

		JsonNode first = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "400.00",
				"reason", "Once")).header("Idempotency-Key", key).token(admin).send(), 201);
		JsonNode again = data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "400.00",
				"reason", "Once")).header("Idempotency-Key", key).token(admin).send(), 201);
		assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
		assertThat(again.path("amount").asString()).isEqualTo("400.00");
		assertThat(again.path("payment").path("refunded_amount").asString()).isEqualTo("400.00");

		// the transaction's refund path with another key of its own: a repeat is the same refund there too
		String other = "refund-" + java.util.UUID.randomUUID();
		JsonNode processed = data(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount",
				"100.00", "reason", "Twice asked")).header("Idempotency-Key", other).token(admin).send(), 200);
		JsonNode repeated = data(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount",
				"100.00", "reason", "Twice asked")).header("Idempotency-Key", other).token(admin).send(), 200);
		assertThat(repeated.path("refund_id").asLong()).isEqualTo(processed.path("refund_id").asLong());
		// the key names that refund: asking another amount with it is a conflict, and refunds nothing
		drfError(http.post(PAYMENTS + "/transactions/" + paymentId + "/refund/", Map.of("amount", "150.00", "reason",
				"Twice asked")).header("Idempotency-Key", other).token(admin).send(), 409);

		assertThat(page(http.get(PAYMENTS + "/refunds/?payment=" + paymentId).token(admin).send()).path("count")
			.asLong()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT refunded_minor FROM payments WHERE id = ?").param(paymentId).query(Long.class)
			.single()).isEqualTo(50000);
		// without a key, the same request is a refund of its own
		data(http.post(PAYMENTS + "/refunds/", Map.of("payment", paymentId, "amount", "400.00", "reason", "Once"))
			.token(admin).send(), 201);
		assertThat(jdbc.sql("SELECT refunded_minor FROM payments WHERE id = ?").param(paymentId).query(Long.class)
			.single()).isEqualTo(90000);
	}
}
