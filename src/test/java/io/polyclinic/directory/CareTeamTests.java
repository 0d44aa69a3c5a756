package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.platform.Actor;
import io.polyclinic.support.ApiTest;

/**
 * Care links and centre enrolments are idempotent under concurrency: the first bookings of one patient, made at
 * once, all succeed and leave one link and one enrolment.
 */
class CareTeamTests extends ApiTest {

	@Autowired
	CareTeam careTeam;
	@Autowired
	PatientRegistry patients;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	CentreRegistry centres;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentFirstLinksOfOnePairAllSucceedAndLeaveOneRow() throws Exception {
		var centre = centres.open(new CentreDetails("Linked", "Pune", null, null, null, null), Actor.system());
		var patient = patients.register(PatientDetails.named("Linked Patient", "+9196" + (System.nanoTime() % 100_000_000
				+ 100_000_000L)), LeadSource.PHONE, Actor.system());
		var clinician = clinicians.register(new ClinicianDetails("Dr. Linked", null, null, centre.id(), null, null, null,
				null, null, null, null, null, null), "dr.linked." + System.nanoTime(), "SecurePassword123",
				Actor.system());
		int writers = 8;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				done.add(pool.submit(() -> {
					start.await();
					transactions.executeWithoutResult(tx -> {
						careTeam.link(patient.id(), clinician.id());
						careTeam.enrol(patient.id(), centre.id());
					});
					return null;
				}));
			}
			start.countDown();
			for (var future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("care_links WHERE patient_id = ? AND clinician_id = ?", patient.id(), clinician.id()))
			.isEqualTo(1);
		assertThat(count("patient_centres WHERE patient_id = ? AND centre_id = ?", patient.id(), centre.id()))
			.isEqualTo(1);
		assertThat(careTeam.caresFor(clinician.id(), patient.id())).isTrue();
		assertThat(careTeam.belongsTo(patient.id(), centre.id())).isTrue();
	}

	long count(String from, Object... params) {
		return jdbc.sql("SELECT COUNT(*) FROM " + from).params(params).query(Long.class).single();
	}
}
