package io.polyclinic.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.polyclinic.analytics.AnalyticsFigures;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import io.polyclinic.support.TestDatabase;

/**
 * Prints how the four analytics endpoints answer at 10,000 and 1,000,000 appointments (500 clinicians, 2,000
 * patients, four centres, about two years up to a month ahead; four in five paid, one payment in fifty partly
 * refunded, one appointment in twenty cancelled), clinic-wide and for one centre, one request at a time and eight at
 * once. Rows are seeded with set-based SQL (PostgreSQL's generate_series) and the kept figures rebuilt after. Not part
 * of the suite (tag {@code benchmark}); PostgreSQL only: {@code ./mvnw test -Dtest=AnalyticsBenchmark
 * -Dpolyclinic.excluded-groups=none -Dpolyclinic.test.pg.database=polyclinic_analytics} (see bench/README.md).
 */
@Tag("benchmark")
class AnalyticsBenchmark extends ApiTest {

	private static final int CLINICIANS = 500;
	private static final int PATIENTS = 2_000;
	private static final int REQUESTS = 60;
	private static final int CONCURRENT = 8;
	private static final String[] ENDPOINTS = { "/mibo/api/analytics/dashboard", "/mibo/api/analytics/top-doctors",
			"/mibo/api/analytics/revenue?period=day", "/mibo/api/analytics/leads-by-source" };

	@Autowired
	Clinic clinic;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	AnalyticsFigures figures;

	@Test
	void everyFigureAnswersQuicklyAtAMillionAppointments() throws Exception {
		Assumptions.assumeTrue(TestDatabase.postgres(), "the benchmark seeds with PostgreSQL's generate_series");
		long[] centres = new long[4];
		for (int i = 0; i < centres.length; i++) {
			centres[i] = clinic.centre("Bench " + i).id();
		}
		long firstUser = seedPeople(centres);
		String admin = new MiboClient(http).adminToken();
		System.out.printf("%n%-50s %10s %8s %8s %8s %8s%n", "endpoint", "rows", "callers", "p50 ms", "p95 ms",
				"max ms");
		long seeded = 0;
		for (long size : new long[] { 10_000, 1_000_000 }) {
			long start = System.nanoTime();
			seedAppointments(seeded, size, firstUser, centres);
			long seeding = (System.nanoTime() - start) / 1_000_000;
			start = System.nanoTime();
			figures.rebuild();
			long rebuilding = (System.nanoTime() - start) / 1_000_000;
			jdbc.execute("VACUUM ANALYZE");
			System.out.printf("-- %,d appointments: seeded in %,d ms, figures rebuilt in %,d ms%n", size, seeding,
					rebuilding);
			seeded = size;
			for (String endpoint : ENDPOINTS) {
				for (String scope : new String[] { "", "centreId=" + centres[1] }) {
					String path = scope.isEmpty() ? endpoint
							: endpoint + (endpoint.contains("?") ? "&" : "?") + scope;
					measure(path, admin, size, 1);
					measure(path, admin, size, CONCURRENT);
				}
			}
		}
	}

	/** 500 clinicians (primary centres in turn) and 2,000 patients with accounts; answers the first user id. */
	private long seedPeople(long[] centres) {
		long base = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM users", Long.class) + 1_000_000;
		int people = CLINICIANS + PATIENTS;
		jdbc.update("""
				INSERT INTO users (id, public_id, phone, full_name, role, active, created_at, updated_at)
				SELECT ? + g, gen_random_uuid(), '+91' || (6000000000 + ? + g), 'Bench ' || g,
				       CASE WHEN g < ? THEN 'CLINICIAN' ELSE 'PATIENT' END, TRUE, now(), now()
				FROM generate_series(0, ? - 1) g""", base, base, CLINICIANS, people);
		jdbc.update("""
				INSERT INTO clinicians (id, public_id, user_id, primary_centre_id, fee_minor, time_zone, created_at,
				  updated_at)
				SELECT ? + g, gen_random_uuid(), ? + g, (ARRAY[?, ?, ?, ?])[1 + g % 4], 150000, 'Asia/Kolkata', now(),
				       now()
				FROM generate_series(0, ? - 1) g""", base, base, centres[0], centres[1], centres[2], centres[3],
				CLINICIANS);
		jdbc.update("""
				INSERT INTO patients (id, public_id, user_id, lead_source, created_at, updated_at)
				SELECT ? + g, gen_random_uuid(), ? + g,
				       (ARRAY['WEBSITE', 'WHATSAPP', 'WALK_IN', 'PHONE', 'REFERRAL'])[1 + g % 5], now(), now()
				FROM generate_series(?, ? - 1) g""", base, base, CLINICIANS, people);
		return base;
	}

	/**
	 * Appointments number n to size - 1: clinician n % 500 on its slot k = n / 500, the slots permuted over two years
	 * (eight hours apart, so a clinician's never overlap) so that every stage spans them all; each clinician sees 400
	 * patients about five times each; a tenth at no centre. Paid a day before (four in five of those not cancelled),
	 * and one payment in fifty refunded in part two days after.
	 */
	private void seedAppointments(long from, long size, long base, long[] centres) {
		OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(22).withMinute(0).withSecond(0).withNano(0);
		long firstAppointment = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM appointments", Long.class);
		jdbc.update("""
				INSERT INTO appointments (public_id, patient_id, clinician_id, centre_id, managing_centre_id, starts_at,
				  ends_at, slot_hold, local_date, local_time, time_zone, session_type, status, fee_minor, currency,
				  created_at, updated_at)
				SELECT gen_random_uuid(), s.patient, s.clinician, s.centre, COALESCE(s.centre, ?), s.starts,
				       s.starts + INTERVAL '1 hour', CASE WHEN s.cancelled THEN NULL ELSE s.starts END,
				       CAST(s.starts AT TIME ZONE 'Asia/Kolkata' AS DATE),
				       CAST(s.starts AT TIME ZONE 'Asia/Kolkata' AS TIME), 'Asia/Kolkata', 'IN_PERSON',
				       CASE WHEN s.cancelled THEN 'CANCELLED' WHEN s.starts < now() THEN 'COMPLETED' ELSE 'CONFIRMED' END,
				       150000, 'INR', s.starts - INTERVAL '7 days', s.starts - INTERVAL '7 days'
				FROM (SELECT ? + n % ? AS clinician,
				             ? + ? + ((n % ?) * 4 + ((n / ?) * 229) % 400) % ? AS patient,
				             CASE WHEN n % 10 = 3 THEN NULL ELSE (ARRAY[?, ?, ?, ?])[1 + (n % ? + n / ?) % 4] END AS centre,
				             ? + (((n / ?) * 617) % 2000) * INTERVAL '8 hours' AS starts,
				             n % 20 = 7 AS cancelled
				      FROM generate_series(?, ? - 1) n) s""",
				centres[0], base, CLINICIANS, base, CLINICIANS, CLINICIANS, CLINICIANS, PATIENTS, centres[0],
				centres[1], centres[2], centres[3], CLINICIANS, CLINICIANS, t0, CLINICIANS, from, size);
		jdbc.update("""
				INSERT INTO payments (public_id, appointment_id, patient_id, amount_minor, currency, status, provider,
				  provider_order_id, provider_payment_id, paid_at, created_at, updated_at, clinician_id, centre_id)
				SELECT gen_random_uuid(), a.id, a.patient_id, a.fee_minor, 'INR', 'PAID', 'offline',
				       'order_bench_' || a.id, 'pay_bench_' || a.id, a.starts_at - INTERVAL '1 day',
				       a.created_at, a.created_at, a.clinician_id, a.centre_id
				FROM appointments a
				WHERE a.id > ? AND a.status <> 'CANCELLED' AND a.id % 5 <> 0 AND a.starts_at < now() + INTERVAL '1 day'""",
				firstAppointment);
		jdbc.update("""
				INSERT INTO refunds (public_id, payment_id, amount_minor, currency, status, provider, provider_refund_id,
				  idempotency_key, processed_at, created_at, updated_at)
				SELECT gen_random_uuid(), p.id, 50000, 'INR', 'PROCESSED', 'offline', 'rfnd_bench_' || p.id,
				       'bench-' || p.id, p.paid_at + INTERVAL '2 days', p.paid_at, p.paid_at
				FROM payments p WHERE p.appointment_id > ? AND p.id % 50 = 0 AND p.provider_order_id LIKE 'order_bench_%'""",
				firstAppointment);
		jdbc.update("""
				UPDATE payments SET refunded_minor = 50000
				WHERE appointment_id > ? AND id % 50 = 0 AND provider_order_id LIKE 'order_bench_%'""", firstAppointment);
	}

	private void measure(String path, String token, long rows, int callers) throws Exception {
		for (int i = 0; i < 5; i++) {
			call(path, token);
		}
		List<Long> millis = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<List<Long>>> results = new ArrayList<>();
			for (int c = 0; c < callers; c++) {
				results.add(pool.submit(() -> {
					List<Long> mine = new ArrayList<>();
					for (int i = 0; i < REQUESTS / Math.min(callers, 2); i++) {
						mine.add(call(path, token));
					}
					return mine;
				}));
			}
			for (var result : results) {
				millis.addAll(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%-50s %10d %8d %8d %8d %8d%n", path.replace("/mibo/api/analytics/", ""), rows, callers,
				sorted[sorted.length / 2], sorted[sorted.length * 95 / 100], sorted[sorted.length - 1]);
	}

	private long call(String path, String token) {
		long start = System.nanoTime();
		var res = http.get(path).token(token).send();
		if (res.status() != 200) {
			throw new IllegalStateException(path + " answered " + res);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}
}
