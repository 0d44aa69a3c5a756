package io.polyclinic.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.billing.Checkout;
import io.polyclinic.billing.CheckoutVerification;
import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentProviders;
import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.billing.RefundRequest;
import io.polyclinic.billing.Refunds;
import io.polyclinic.billing.internal.BillingProperties;
import io.polyclinic.billing.internal.OfflineGateway;
import io.polyclinic.billing.internal.Signatures;
import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentChanges;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentRescheduled;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * The figures analytics keeps from events, driven through the real modules: bookings, cancellations and moves through
 * the appointment book, payments through the offline checkout, refunds through billing. After each step the kept
 * figures must equal a hand-computed expectation and what {@link AnalyticsFigures#rebuild()} recomputes from the raw
 * rows (the oracle). Patient p sees clinician d at centre C and centre D, in a fortnight ahead.
 */
class AnalyticsFiguresTests extends ApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	ClinicAnalytics analytics;
	@Autowired
	AnalyticsFigures figures;
	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Checkout checkout;
	@Autowired
	Refunds refunds;
	@Autowired
	BillingProperties billing;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate tx;
	@Autowired
	JdbcClient jdbc;

	Centre c;
	Centre d;
	Clinician doctor;
	Patient patient;
	LocalDate monday;

	@BeforeEach
	void cast() {
		c = clinic.centre("Thane");
		d = clinic.centre("Vashi");
		doctor = clinic.clinician(c.id(), KOLKATA.getId());
		patient = clinic.patient();
		monday = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
	}

	Appointment book(Centre centre, int weekday, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(doctor.id()), centre.id(),
				monday.plusDays(weekday), LocalTime.of(hour, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
	}

	@Test
	void cancellingAndReschedulingMoveThePairsFirstVisit_andAReplayedEventChangesNothing() {
		var a1 = book(c, 0, 9);
		var a2 = book(d, 1, 10);
		var a3 = book(c, 2, 9);
		KeptFigures.awaitEvents(jdbc);
		// first visit a1 at C; a3 at C and a2 at D follow it
		assertKept(Map.of(c.id(), "2 first", d.id(), "1"), 1, 1);

		book.cancel(a1.id(), "Unwell", clinic.admin());
		KeptFigures.awaitEvents(jdbc);
		// a2 at D is now the first visit; a3 at C follows it
		assertKept(Map.of(c.id(), "1", d.id(), "1 first"), 1, 0);

		var moved = book.change(a3.id(), new AppointmentChanges(monday, LocalTime.of(11, 0), null, null),
				clinic.admin());
		KeptFigures.awaitEvents(jdbc);
		// a3, moved before a2, is the first visit again
		assertKept(Map.of(c.id(), "1 first", d.id(), "1"), 0, 1);

		var before = snapshot();
		tx.executeWithoutResult(s -> events.publishEvent(new AppointmentRescheduled(a3.id(), patient.id(), doctor.id(),
				a3.startsAt(), moved.startsAt(), c.id(), c.id())));
		KeptFigures.awaitEvents(jdbc);
		assertThat(snapshot()).isEqualTo(before);
		assertKept(Map.of(c.id(), "1 first", d.id(), "1"), 0, 1);
	}

	@Test
	void paymentsAddAndRefundsSubtractInTheBucketOfTheirProcessing_once() {
		var atC = book(c, 0, 9);
		var atD = book(d, 1, 10);
		KeptFigures.awaitEvents(jdbc);

		Payment payment = pay(atD);
		KeptFigures.awaitEvents(jdbc);
		assertThat(analytics.overview(d.id(), clinic.admin()).totalRevenueMinor()).isEqualTo(150_000);
		refunds.refund(new RefundRequest(Ref.id(payment.id()), 50_000L, "analytics-" + payment.id(), "Partly"),
				clinic.admin());
		KeptFigures.awaitEvents(jdbc);
		assertThat(analytics.overview(d.id(), clinic.admin()).totalRevenueMinor()).isEqualTo(100_000);
		assertThat(analytics.topDoctors(d.id(), 1, clinic.admin()).get(0).totalRevenueMinor()).isEqualTo(100_000);
		var days = analytics.revenue(RevenuePeriod.DAY, d.id(), clinic.admin()).buckets();
		assertThat(days.get(days.size() - 1).revenueMinor()).isEqualTo(100_000);
		assertMatchesTheOracle();

		// a replayed settlement enters the ledger once
		var before = snapshot();
		tx.executeWithoutResult(s -> events.publishEvent(new PaymentSucceeded(payment.id(), atD.id(), patient.id(),
				150_000, "INR", payment.providerPaymentId(), payment.paidAt())));
		KeptFigures.awaitEvents(jdbc);
		assertThat(snapshot()).isEqualTo(before);

		// paid 40 days ago (seeded, so rebuilt), refunded in part today: the refund lowers this month, not that one
		LocalDate today = LocalDate.now(KOLKATA);
		long paidEarlier = seedPayment(atC, 30_000, today.minusDays(40));
		KeptFigures.rebuild(figures, jdbc);
		refunds.refund(new RefundRequest(Ref.id(paidEarlier), 10_000L, "analytics-" + paidEarlier, null),
				clinic.admin());
		KeptFigures.awaitEvents(jdbc);
		var months = analytics.revenue(RevenuePeriod.MONTH, c.id(), clinic.admin());
		Map<LocalDate, Long> nonZero = new LinkedHashMap<>();
		months.buckets().stream().filter(b -> b.revenueMinor() != 0).forEach(b -> nonZero.put(b.start(), b.revenueMinor()));
		assertThat(nonZero).containsExactly(Map.entry(today.minusDays(40).withDayOfMonth(1), 30_000L),
				Map.entry(today.withDayOfMonth(1), -10_000L));
		assertThat(months.totalRevenueMinor()).isEqualTo(20_000);
		var lastDays = analytics.revenue(RevenuePeriod.DAY, c.id(), clinic.admin());
		assertThat(lastDays.buckets().get(29).revenueMinor()).isEqualTo(-10_000);
		assertThat(analytics.overview(c.id(), clinic.admin()).totalRevenueMinor()).isEqualTo(20_000);
		assertMatchesTheOracle();
	}

	/**
	 * The pair's rows per centre ("visits" and " first" where its first visit is), the follow-ups of C and D, the
	 * clinician's appointments per centre — and all of it, with every table row of the cast, as the oracle has it.
	 */
	void assertKept(Map<Long, String> pair, long followUpsAtC, long followUpsAtD) {
		Map<Long, String> stored = new LinkedHashMap<>();
		jdbc.sql("SELECT centre_key, visits, first_visit FROM analytics_pair_visits WHERE patient_id = ? ORDER BY 1")
			.param(patient.id())
			.query(rs -> {
				stored.put(rs.getLong(1), rs.getLong(2) + (rs.getBoolean(3) ? " first" : ""));
			});
		assertThat(stored).isEqualTo(pair);
		assertThat(analytics.overview(c.id(), clinic.admin()).totalFollowUps()).isEqualTo(followUpsAtC);
		assertThat(analytics.overview(d.id(), clinic.admin()).totalFollowUps()).isEqualTo(followUpsAtD);
		assertThat(analytics.topDoctors(c.id(), 1, clinic.admin()).get(0).totalAppointments())
			.isEqualTo(Long.parseLong(pair.get(c.id()).split(" ")[0]));
		assertMatchesTheOracle();
	}

	void assertMatchesTheOracle() {
		var kept = snapshot();
		KeptFigures.rebuild(figures, jdbc);
		assertThat(snapshot()).isEqualTo(kept);
	}

	/** Every kept row of this test's cast, and the figures read from them, as text. */
	List<Object> snapshot() {
		String rows = """
				SELECT 'pair', centre_key, visits, CASE WHEN first_visit THEN 1 ELSE 0 END, NULL
				  FROM analytics_pair_visits WHERE patient_id = :p
				UNION ALL SELECT 'centre', centre_key, appointments, first_visits, NULL
				  FROM analytics_centre_totals WHERE centre_key IN (:c, :d)
				UNION ALL SELECT 'clinician', centre_key, appointments, 0, NULL
				  FROM analytics_clinician_totals WHERE clinician_id = :doctor
				UNION ALL SELECT 'money ' || entry_key, centre_key, amount_minor, 0, currency
				  FROM analytics_money WHERE clinician_id = :doctor
				UNION ALL SELECT 'day ' || CAST(utc_day AS VARCHAR(10)), centre_key, amount_minor, 0, currency
				  FROM analytics_money_days WHERE centre_key IN (:c, :d)
				UNION ALL SELECT 'clinician money', centre_key, amount_minor, 0, currency
				  FROM analytics_clinician_money WHERE clinician_id = :doctor
				ORDER BY 1, 2""";
		List<String> table = jdbc.sql(rows).param("p", patient.id()).param("c", c.id()).param("d", d.id())
			.param("doctor", doctor.id())
			.query((rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
					+ rs.getString(5))
			.list();
		var admin = clinic.admin();
		return List.of(table, analytics.overview(c.id(), admin), analytics.overview(d.id(), admin),
				analytics.topDoctors(c.id(), 10, admin), analytics.topDoctors(d.id(), 10, admin),
				analytics.revenue(RevenuePeriod.DAY, c.id(), admin), analytics.revenue(RevenuePeriod.MONTH, d.id(), admin));
	}

	Payment pay(Appointment appointment) {
		var payer = clinic.actorOf(patient.userId(), Role.PATIENT);
		var order = checkout.order(Ref.id(appointment.id()), null, PaymentProviders.OFFLINE, payer);
		String paymentId = OfflineGateway.newId("pay");
		return checkout.verify(PaymentProviders.OFFLINE, new CheckoutVerification(order.orderId(), paymentId,
				Signatures.checkoutSignature(order.orderId(), paymentId, billing.offline().keySecret())), payer);
	}

	/** A payment settled at noon of a past day, written as billing writes it (the figures are rebuilt after). */
	long seedPayment(Appointment appointment, long amountMinor, LocalDate day) {
		var paidAt = day.atTime(12, 0).atZone(KOLKATA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		var now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
		UUID publicId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO payments (public_id, appointment_id, patient_id, amount_minor, currency, status, provider,
				  provider_order_id, provider_payment_id, paid_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'INR', 'PAID', 'offline', ?, ?, ?, ?, ?)""")
			.params(publicId, appointment.id(), appointment.patientId(), amountMinor, "order_" + UUID.randomUUID(),
					OfflineGateway.newId("pay"), paidAt, now, now)
			.update();
		return jdbc.sql("SELECT id FROM payments WHERE public_id = ?").param(publicId).query(Long.class).single();
	}
}
