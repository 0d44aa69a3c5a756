package io.polyclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.billing.internal.StoredPayout;
import io.polyclinic.directory.Clinician;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentStatus;

/**
 * Payouts and earnings against figures computed by hand: a clinician with fee ₹1,500 whose payments and refunds fall
 * in two months (moved there in the database, as if made then), commission 20%.
 */
class PayoutsTests extends BillingTest {

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Payouts payouts;
	@Autowired
	Earnings earnings;

	/** Three payments of ₹1,500: two settled in a past month, one now; ₹500 back of the first then, ₹300 of the second now. */
	private record Books(Clinician clinician, YearMonth past, LocalDate today, long first, long second, long third) {
	}

	private Books books() {
		LocalDate today = LocalDate.now(KOLKATA);
		YearMonth past = YearMonth.from(today).minusMonths(2);
		Clinician clinician = fixture.clinician(null);
		var patient = fixture.patient();
		Payment first = paid(patient, fixture.appointment(patient, clinician, null));
		Payment second = paid(patient, fixture.appointment(patient, clinician, null));
		Payment third = paid(patient, fixture.appointment(patient, clinician, null));
		settledAt(first.id(), past.atDay(5));
		settledAt(second.id(), past.atDay(20));
		Refund back = refunds.refund(new RefundRequest(Ref.id(first.id()), 50000L, "books-1-" + first.id(),
				"partly unhappy"), fixture.admin());
		jdbc.sql("UPDATE refunds SET processed_at = ? WHERE id = ?").params(at(past.atDay(25)), back.id()).update();
		refunds.refund(new RefundRequest(Ref.id(second.id()), 30000L, "books-2-" + second.id(), "late"),
				fixture.admin());
		return new Books(clinician, past, today, first.id(), second.id(), third.id());
	}

	private void settledAt(long paymentId, LocalDate day) {
		jdbc.sql("UPDATE payments SET paid_at = ? WHERE id = ?").params(at(day), paymentId).update();
	}

	private static java.time.OffsetDateTime at(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(KOLKATA).toInstant().atOffset(ZoneOffset.UTC);
	}

	@Test
	void aPayoutIsThePeriodsPaymentsLessItsRefundsLessTwentyPercent_andAPeriodPaysOnce() {
		Books b = books();
		PayoutGenerated past = payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1),
				b.past().atEndOfMonth(), null), fixture.admin());
		// ₹1,500 + ₹1,500 − ₹500 = ₹2,500; 20% is ₹500; ₹2,000 paid
		assertThat(past.created()).isTrue();
		Payout p = past.payout();
		assertThat(p.grossMinor()).isEqualTo(300000);
		assertThat(p.refundedMinor()).isEqualTo(50000);
		assertThat(p.commissionRate()).isEqualByComparingTo("0.20");
		assertThat(p.commissionMinor()).isEqualTo(50000);
		assertThat(p.netMinor()).isEqualTo(200000);
		assertThat(p.appointmentsCount()).isEqualTo(2);
		assertThat(p.status()).isEqualTo(PayoutStatus.PENDING);
		assertThat(p.currency()).isEqualTo("INR");
		assertThat(p.clinicianName()).isEqualTo(b.clinician().fullName());

		PayoutGenerated again = payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1),
				b.past().atEndOfMonth(), 200000L), fixture.admin());
		assertThat(again.created()).isFalse();
		assertThat(again.payout().id()).isEqualTo(p.id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_payouts WHERE clinician_id = ?").param(b.clinician().id())
			.query(Long.class).single()).isEqualTo(1);

		// this month: ₹1,500 − ₹300 = ₹1,200; 20% is ₹240; ₹960 paid
		Payout now = payouts.generate(new PayoutRequest(b.clinician().id(), b.today().withDayOfMonth(1), b.today(),
				96000L), fixture.admin()).payout();
		assertThat(now.grossMinor()).isEqualTo(150000);
		assertThat(now.refundedMinor()).isEqualTo(30000);
		assertThat(now.commissionMinor()).isEqualTo(24000);
		assertThat(now.netMinor()).isEqualTo(96000);
		assertThat(now.appointmentsCount()).isEqualTo(1);
	}

	@Test
	void aPeriodThatOverlapsAnotherPayoutIsRefused_andOneThatPaysNothingToo() {
		Books b = books();
		payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1), b.past().atEndOfMonth(), null),
				fixture.admin());
		assertThatThrownBy(() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(15),
				b.past().plusMonths(1).atDay(10), null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
				assertThat(e.code()).isEqualTo("PAYOUT_OVERLAPS");
			});
		// the month between has no payment
		assertThatThrownBy(() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.past().plusMonths(1).atDay(1),
				b.past().plusMonths(1).atEndOfMonth(), null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("NOTHING_TO_PAY"));
		assertThatThrownBy(() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.today(),
				b.today().plusDays(1), null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("periodEnd"));
		assertThatThrownBy(() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.today(),
				b.today().minusDays(1), null), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("periodEnd"));
		assertThatThrownBy(() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.today().withDayOfMonth(1),
				b.today(), 100L), fixture.admin()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsKey("amount"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_payouts WHERE clinician_id = ?").param(b.clinician().id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSamePeriodGeneratedTwiceAtOnceIsOnePayout_andOverlappingOnesAtOnceClaimTheMoneyOnce() throws Exception {
		Books b = books();
		List<PayoutGenerated> same = atOnce(
				() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1), b.past().atEndOfMonth(),
						null), fixture.admin()),
				() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1), b.past().atEndOfMonth(),
						null), fixture.admin()));
		assertThat(same).extracting(g -> g.payout().id()).containsOnly(same.get(0).payout().id());
		assertThat(same).filteredOn(PayoutGenerated::created).hasSize(1);

		List<Object> overlapping = new ArrayList<>(atOnceOrRefused(
				() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.today().withDayOfMonth(1), b.today(),
						null), fixture.admin()),
				() -> payouts.generate(new PayoutRequest(b.clinician().id(), b.today().withDayOfMonth(1).minusDays(1),
						b.today(), null), fixture.admin())));
		assertThat(overlapping).filteredOn(PayoutGenerated.class::isInstance).hasSize(1);
		assertThat(overlapping).filteredOn(Refusal.class::isInstance).hasSize(1)
			.allSatisfy(e -> assertThat(((Refusal) e).code()).isEqualTo("PAYOUT_OVERLAPS"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM doctor_payout_payments WHERE payment_id = ?").param(b.third())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void earningsAreTheNetShareOfAllTimeAndOfThisMonth_besideWhatPayoutsPaid() throws Exception {
		Books b = books();
		var actor = fixture.actorOf(b.clinician());
		EarningsSummary before = earnings.of(null, actor);
		// (₹4,500 − ₹800) × 0.8 = ₹2,960 of all time; this month (₹1,500 − ₹300) × 0.8 = ₹960
		assertThat(before.paidMinor()).isEqualTo(450000);
		assertThat(before.refundedMinor()).isEqualTo(80000);
		assertThat(before.totalEarningsMinor()).isEqualTo(296000);
		assertThat(before.thisMonthEarningsMinor()).isEqualTo(96000);
		assertThat(before.pendingPayoutsMinor()).isZero();
		assertThat(before.paidOutMinor()).isZero();
		assertThat(before.unpaidEarningsMinor()).isEqualTo(296000);
		assertThat(before.completedAppointments()).isZero();
		assertThat(before.commissionRate()).isEqualByComparingTo("0.20");

		Payout past = payouts.generate(new PayoutRequest(b.clinician().id(), b.past().atDay(1), b.past().atEndOfMonth(),
				null), fixture.admin()).payout();
		payouts.generate(new PayoutRequest(b.clinician().id(), b.today().withDayOfMonth(1), b.today(), null),
				fixture.admin());
		Payout sent = payouts.record(past.id(), new PayoutChange(PayoutStatus.COMPLETED, "TRF-001"), fixture.admin());
		assertThat(sent.status()).isEqualTo(PayoutStatus.COMPLETED);
		assertThat(sent.processedAt()).isNotNull();
		assertThat(sent.externalPayoutId()).isEqualTo("TRF-001");
		assertThatThrownBy(() -> payouts.record(past.id(), new PayoutChange(PayoutStatus.FAILED, null),
				fixture.admin())).isInstanceOfSatisfying(Refusal.class,
						e -> assertThat(e.code()).isEqualTo("PAYOUT_COMPLETED"));

		long appointment = jdbc.sql("SELECT appointment_id FROM payments WHERE id = ?").param(b.third())
			.query(Long.class).single();
		awaitStatus(appointment, AppointmentStatus.CONFIRMED);
		book.complete(Ref.id(appointment), fixture.admin());

		EarningsSummary after = earnings.of(b.clinician().id(), fixture.admin());
		assertThat(after.totalEarningsMinor()).isEqualTo(296000);
		assertThat(after.paidOutMinor()).isEqualTo(200000);
		assertThat(after.pendingPayoutsMinor()).isEqualTo(96000);
		assertThat(after.unpaidEarningsMinor()).isZero();
		assertThat(after.completedAppointments()).isEqualTo(1);
		assertThat(after.recentPayouts()).hasSize(2);
	}

	@Test
	void theCommissionIsRoundedHalfUpToTheMinorUnit_andTheClinicianGetsTheRest() {
		BigDecimal rate = new BigDecimal("0.20");
		assertThat(StoredPayout.commission(12347, rate)).isEqualTo(2469); // 2469.4
		assertThat(StoredPayout.commission(12348, rate)).isEqualTo(2470); // 2469.6
		assertThat(StoredPayout.commission(12345, new BigDecimal("0.1"))).isEqualTo(1235); // 1234.5
		assertThat(StoredPayout.share(12348, rate)).isEqualTo(9878);
	}

	private void awaitStatus(long appointmentId, AppointmentStatus status) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(20);
		while (book.require(appointmentId).status() != status && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
		assertThat(book.require(appointmentId).status()).isEqualTo(status);
	}

	private interface Call<T> {
		T call();
	}

	private static <T> List<T> atOnce(Call<T> a, Call<T> b) throws Exception {
		List<T> results = new ArrayList<>();
		for (Object o : atOnceOrRefused(a, b)) {
			if (o instanceof RuntimeException e) {
				throw e;
			}
			@SuppressWarnings("unchecked")
			T t = (T) o;
			results.add(t);
		}
		return results;
	}

	private static List<Object> atOnceOrRefused(Call<?> a, Call<?> b) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Call<?> call : List.of(a, b)) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return (Object) call.call();
					}
					catch (Refusal e) {
						return e;
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
