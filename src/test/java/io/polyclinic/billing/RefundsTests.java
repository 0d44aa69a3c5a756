package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.PaymentStanding;

/** Refunds through the offline provider, which gives money back at once. */
class RefundsTests extends BillingTest {

	private Payment paid() {
		var patient = fixture.patient();
		return paid(patient, fixture.appointment(patient));
	}

	@Test
	void aFullRefundGivesEverythingBackOnce_andIsAudited() {
		Payment payment = paid();

		Refund refund = refunds.refund(new RefundRequest(Ref.of(payment.publicId()), null, "full-" + payment.id(),
				"Clinician unavailable"), fixture.actor(Role.MANAGER));

		assertThat(refund.status()).isEqualTo(RefundStatus.PROCESSED);
		assertThat(refund.amountMinor()).isEqualTo(150_000);
		assertThat(refund.providerRefundId()).matches("rfnd_[0-9A-Za-z]{14}");
		assertThat(refund.reason()).isEqualTo("Clinician unavailable");
		assertThat(refund.processedAt()).isNotNull();
		Payment after = payment(payment.id());
		assertThat(after.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(after.refundedMinor()).isEqualTo(150_000);
		assertThat(after.standing()).isEqualTo(PaymentStanding.REFUNDED);
		assertThat(after.netMinor()).isZero();
		assertThat(published.refunded(payment.id())).singleElement().satisfies(e -> {
			assertThat(e.refundId()).isEqualTo(refund.id());
			assertThat(e.amountMinor()).isEqualTo(150_000);
			assertThat(e.full()).isTrue();
			assertThat(e.appointmentId()).isEqualTo(payment.appointmentId());
			assertThat(e.patientId()).isEqualTo(payment.patientId());
			assertThat(e.paidAt()).isEqualTo(payment.paidAt());
			assertThat(e.clinicianId()).isNotNull();
		});
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries WHERE action = 'REFUND' AND resource_type = 'PAYMENT'
				  AND resource_id = ? AND outcome = 'SUCCESS'""").param(String.valueOf(payment.id())).query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(payment.id()), 1L, "more-" + payment.id(), null),
				fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("NOT_REFUNDABLE"));
	}

	@Test
	void partialRefundsNeverAddUpToMoreThanWasPaid() {
		Payment payment = paid();
		var staff = fixture.actor(Role.ADMIN);

		Refund first = refunds.refund(new RefundRequest(Ref.id(payment.id()), 100_000L, "a-" + payment.id(), null), staff);
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(payment.id()), 50_001L, "b-" + payment.id(),
				null), staff))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		Refund rest = refunds.refund(new RefundRequest(Ref.id(payment.id()), null, "c-" + payment.id(), null), staff);

		assertThat(first.amountMinor()).isEqualTo(100_000);
		assertThat(rest.amountMinor()).isEqualTo(50_000);
		assertThat(published.refunded(payment.id())).extracting(PaymentRefunded::full).containsExactly(false, true);
		assertThat(payment(payment.id()).refundedMinor()).isEqualTo(150_000);
		assertThat(refunds.of(Ref.id(payment.id()), staff)).extracting(Refund::amountMinor).containsExactly(100_000L,
				50_000L);
	}

	@Test
	void theSameRequestTwiceRefundsOnce() {
		Payment payment = paid();
		var request = new RefundRequest(Ref.id(payment.id()), 20_000L, "twice-" + payment.id(), null);

		Refund first = refunds.refund(request, fixture.actor(Role.ADMIN));
		Refund again = refunds.refund(request, fixture.actor(Role.MANAGER));

		assertThat(again).isEqualTo(first);
		assertThat(payment(payment.id()).refundedMinor()).isEqualTo(20_000);
		assertThat(published.refunded(payment.id())).hasSize(1);
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(payment.id()), 30_000L, "twice-" + payment.id(),
				null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
	}

	@Test
	void theSameRequestAtOnceFromTwoThreadsRefundsOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Payment payment = paid();
			var request = new RefundRequest(Ref.id(payment.id()), null, "race-" + payment.id(), null);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Refund>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return refunds.refund(request, fixture.admin());
				}));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			for (Future<Refund> f : results) {
				ids.add(f.get(30, TimeUnit.SECONDS).id());
			}

			assertThat(ids.get(0)).isEqualTo(ids.get(1));
			assertThat(payment(payment.id()).refundedMinor()).isEqualTo(150_000);
			assertThat(published.refunded(payment.id())).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anUnpaidPaymentHasNothingToRefund_andBadRequestsAreValidationErrors() {
		var o = ordered();
		Payment paid = paid();

		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(o.order().paymentId()), null, "k-unpaid", null),
				fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("NOT_REFUNDABLE"));
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(paid.id()), 0L, "k-zero", null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(paid.id()), null, " ", null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("idempotencyKey"));
		assertThatThrownBy(() -> refunds.refund(new RefundRequest(Ref.id(Long.MAX_VALUE), null, "k-none", null),
				fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
		assertThat(payment(paid.id()).refundedMinor()).isZero();
	}
}
