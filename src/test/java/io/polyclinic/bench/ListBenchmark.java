package io.polyclinic.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * Prints how the list endpoints answer as their tables grow: paging, filtering and counting happen in SQL, so the
 * figures should stay flat from one size to the next. Not part of the suite (tag {@code benchmark}); run it with
 * {@code ./mvnw test -Dtest=ListBenchmark -Dpolyclinic.excluded-groups=none}.
 */
@Tag("benchmark")
class ListBenchmark extends ApiTest {

	private static final int REQUESTS = 100;

	@Autowired
	Clinic clinic;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listEndpointsStayFlatAsTablesGrow() {
		var centre = clinic.centre("Benchmark");
		var clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
		String admin = new MiboClient(http).adminToken();
		System.out.printf("%n%-44s %8s %10s %10s %10s%n", "endpoint", "rows", "p50 ms", "p95 ms", "max ms");
		int total = 0;
		for (int size : new int[] { 2_000, 20_000 }) {
			seed(size - total, total, clinician.id(), centre.id());
			total = size;
			measure("GET /mibo/api/patients?search=bench", "/mibo/api/patients?search=bench+42", admin, size);
			measure("GET /mibo/api/patients?phone=…", "/mibo/api/patients?phone=7000000042", admin, size);
			measure("GET /mibo/api/appointments?clinicianId&date", "/mibo/api/appointments?clinicianId=" + clinician.id()
					+ "&date=" + LocalDate.now().plusDays(400), admin, size);
			measure("GET /mibo/api/analytics/dashboard?centreId", "/mibo/api/analytics/dashboard?centreId=" + centre.id(),
					admin, size);
			// hcp's DRF pages over the same rows, and over an audit trail five times as long
			measure("GET /hcp/api/appointments/?doctor", "/hcp/api/appointments/?doctor=" + clinician.id(), admin, size);
			measure("GET /hcp/api/auth/list/?search=bench", "/hcp/api/auth/list/?search=bench+42", admin, size);
			measure("GET /hcp/api/audit/logs/", "/hcp/api/audit/logs/", admin, size * 5);
			measure("GET /hcp/api/audit/logs/?outcome=denied", "/hcp/api/audit/logs/?outcome=denied", admin, size * 5);
			measure("GET /hcp/api/audit/logs/?patient", "/hcp/api/audit/logs/?patient=" + benchPatientUser, admin,
					size * 5);
			measure("GET /hcp/api/audit/stats/?date_from", "/hcp/api/audit/stats/?date_from=" + LocalDate.now(), admin,
					size * 5);
		}
	}

	private long benchPatientUser;

	/** Five audit entries per seeded patient: reads of their record, one in ten denied, spread over 30 days. */
	private void seedTrail(int count, long firstUser, long firstPatient) {
		OffsetDateTime at = Instant.now().atOffset(ZoneOffset.UTC);
		List<Object[]> entries = new ArrayList<>();
		for (int i = 0; i < count * 5; i++) {
			int who = i / 5;
			entries.add(new Object[] { at.minusMinutes(i % (30 * 24 * 60)), firstUser + who, "CLINICIAN",
					i % 10 == 0 ? "READ" : "UPDATE", "MedicalSummary", String.valueOf(firstPatient + who),
					firstPatient + who, i % 10 == 0 ? "DENIED" : "SUCCESS" });
		}
		jdbc.batchUpdate("INSERT INTO audit_entries (occurred_at, actor_user_id, actor_role, action, resource_type, "
				+ "resource_id, patient_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries);
		benchPatientUser = firstUser;
	}

	private void measure(String label, String path, String token, int rows) {
		for (int i = 0; i < 10; i++) {
			http.get(path).token(token).send();
		}
		long[] millis = new long[REQUESTS];
		for (int i = 0; i < REQUESTS; i++) {
			long start = System.nanoTime();
			var res = http.get(path).token(token).send();
			millis[i] = (System.nanoTime() - start) / 1_000_000;
			if (res.status() != 200) {
				throw new IllegalStateException(path + " answered " + res);
			}
		}
		Arrays.sort(millis);
		System.out.printf("%-44s %8d %10d %10d %10d%n", label, rows, millis[REQUESTS / 2], millis[REQUESTS * 95 / 100],
				millis[REQUESTS - 1]);
	}

	/** Patients with accounts and one past appointment each, written in JDBC batches. */
	private void seed(int count, int already, long clinicianId, long centreId) {
		Instant now = Instant.now();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		long base = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM users", Long.class) + 1_000_000;
		List<Object[]> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(new Object[] { base + i, UUID.randomUUID(), "+91" + (7_000_000_000L + base + i),
					"Bench " + (base + i), at, at });
		}
		jdbc.batchUpdate("INSERT INTO users (id, public_id, phone, full_name, role, active, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, 'PATIENT', TRUE, ?, ?)", users);
		List<Object[]> patients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			patients.add(new Object[] { base + i, UUID.randomUUID(), base + i, at, at });
		}
		jdbc.batchUpdate("INSERT INTO patients (id, public_id, user_id, lead_source, created_at, updated_at) "
				+ "VALUES (?, ?, ?, 'WEBSITE', ?, ?)", patients);
		seedTrail(count, base, base);
		List<Object[]> appointments = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			OffsetDateTime start = at.minusDays(1 + (already + i) / 8).withHour(9 + i % 8).withMinute(0).withSecond(0).withNano(0);
			appointments.add(new Object[] { UUID.randomUUID(), base + i, clinicianId, centreId, start, start.plusHours(1),
					start, start.toLocalDate(), LocalTime.of(start.getHour(), 0), at, at });
		}
		jdbc.batchUpdate("INSERT INTO appointments (public_id, patient_id, clinician_id, centre_id, starts_at, ends_at, "
				+ "slot_hold, local_date, local_time, time_zone, session_type, status, fee_minor, currency, created_at, "
				+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'UTC', 'ONLINE', 'COMPLETED', 150000, 'INR', ?, ?)",
				appointments);
	}
}
