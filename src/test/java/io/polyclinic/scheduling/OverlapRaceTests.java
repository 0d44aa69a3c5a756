package io.polyclinic.scheduling;

import static io.polyclinic.scheduling.AppointmentBookTests.KOLKATA;
import static io.polyclinic.scheduling.AppointmentBookTests.at;
import static io.polyclinic.scheduling.AppointmentBookTests.interval;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.Clinic;

/**
 * Whatever the face, the database refuses two active appointments of one clinician that overlap, under concurrent
 * writes: many callers race for one grid slot, for overlapping free intervals of different lengths, and — past the
 * appointment book — for overlapping rows written straight into the table.
 */
class OverlapRaceTests extends SchedulingModuleTest {

	static final int CONTENDERS = 12;

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;

	@Test
	void ofManyConcurrentBookingsOfOneSlotExactlyOneWins() throws Exception {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.THURSDAY);
		List<Patient> patients = patients(CONTENDERS);
		Actor admin = clinic.admin();

		List<String> outcomes = race(patients.stream().<Callable<String>>map(p -> () -> outcome(() -> book.book(
				AppointmentBookTests.onGrid(p, clinician, day, 14), admin))).toList());

		assertThat(outcomes).filteredOn("BOOKED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("SLOT_UNAVAILABLE"::equals).hasSize(CONTENDERS - 1);
	}

	@Test
	void ofManyConcurrentBookingsOfOverlappingFreeIntervalsOfDifferentLengthsExactlyOneWins() throws Exception {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.SATURDAY);
		List<Patient> patients = patients(CONTENDERS);
		Actor admin = clinic.admin();
		// every interval holds 12:00, none starts or ends where another does
		List<Callable<String>> attempts = new ArrayList<>();
		for (int i = 0; i < CONTENDERS; i++) {
			Instant start = at(day, 11, 0).plus(Duration.ofMinutes(3L * i + 1));
			Instant end = at(day, 12, 0).plus(Duration.ofMinutes(7L * i + 1));
			Patient patient = patients.get(i);
			attempts.add(() -> outcome(() -> book.book(interval(patient, clinician, start, end, false), admin)));
		}

		List<String> outcomes = race(attempts);

		assertThat(outcomes).filteredOn("BOOKED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("SLOT_UNAVAILABLE"::equals).hasSize(CONTENDERS - 1);
	}

	@Test
	void concurrentBookingsOfOneClinicianThatDoNotOverlapAllWin() throws Exception {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.SUNDAY);
		List<Patient> patients = patients(8);
		Actor admin = clinic.admin();
		List<Callable<String>> attempts = new ArrayList<>();
		for (int i = 0; i < patients.size(); i++) {
			Instant start = at(day, 8, 0).plus(Duration.ofMinutes(45L * i));
			Patient patient = patients.get(i);
			attempts.add(() -> outcome(() -> book.book(interval(patient, clinician, start,
					start.plus(Duration.ofMinutes(45)), false), admin)));
		}

		assertThat(race(attempts)).containsOnly("BOOKED");
	}

	@Test
	void theDatabaseItselfRefusesOverlappingRowsWrittenConcurrently() throws Exception {
		var clinician = clinic.clinician(null, KOLKATA.getId());
		List<Patient> patients = patients(CONTENDERS);
		Instant noon = at(Clinic.nextWeekday(KOLKATA, DayOfWeek.SUNDAY).plusWeeks(1), 12, 0);
		List<Callable<String>> attempts = new ArrayList<>();
		for (int i = 0; i < CONTENDERS; i++) {
			Instant start = noon.minus(Duration.ofMinutes(5L * i + 5));
			Instant end = noon.plus(Duration.ofMinutes(2L * i + 1));
			Patient patient = patients.get(i);
			attempts.add(() -> outcomeOfInsert(clinician, patient, start, end));
		}

		List<String> outcomes = race(attempts);

		assertThat(outcomes).filteredOn("BOOKED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("REFUSED"::equals).hasSize(CONTENDERS - 1);
		// a cancelled row holds no time, and a move onto held time is refused like an insert
		assertThat(outcomeOfInsert(clinician, patients.get(0), noon, noon.plusSeconds(60), "CANCELLED"))
			.isEqualTo("BOOKED");
		long other = jdbc.sql("SELECT id FROM appointments WHERE clinician_id = ? AND status = 'CANCELLED'")
			.param(clinician.id()).query(Long.class).single();
		assertThat(outcome(() -> transactions.execute(tx -> jdbc.sql(
				"UPDATE appointments SET status = 'PENDING' WHERE id = ?").param(other).update()))).isEqualTo("REFUSED");
	}

	private List<Patient> patients(int count) {
		List<Patient> patients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			patients.add(clinic.patient());
		}
		return patients;
	}

	private String outcomeOfInsert(Clinician clinician, Patient patient, Instant start, Instant end) {
		return outcomeOfInsert(clinician, patient, start, end, "PENDING");
	}

	/** One row, written past the appointment book, in a transaction of its own. */
	private String outcomeOfInsert(Clinician clinician, Patient patient, Instant start, Instant end, String status) {
		return outcome(() -> transactions.execute(tx -> {
			var local = start.atZone(KOLKATA);
			return jdbc.sql("""
					INSERT INTO appointments (public_id, patient_id, clinician_id, starts_at, ends_at, local_date,
					  local_time, time_zone, session_type, status, fee_minor, currency, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'Asia/Kolkata', 'ONLINE', ?, 0, 'INR', ?, ?)""")
				.params(UUID.randomUUID(), patient.id(), clinician.id(), start.atOffset(ZoneOffset.UTC),
						end.atOffset(ZoneOffset.UTC), local.toLocalDate(), LocalTime.from(local), status,
						Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC))
				.update();
		}));
	}

	private static String outcome(Runnable attempt) {
		try {
			attempt.run();
			return "BOOKED";
		}
		catch (Refusal e) {
			return e.code();
		}
		catch (org.springframework.dao.DataIntegrityViolationException e) {
			return "REFUSED";
		}
	}

	private static List<String> race(List<Callable<String>> attempts) throws Exception {
		var start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Callable<String> attempt : attempts) {
				results.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (var result : results) {
				outcomes.add(result.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
