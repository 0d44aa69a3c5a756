package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.support.ApiTest;

/**
 * A notice the modules refuse (here: the appointment is gone) is final, and its event is done — in the running
 * application, where the refusal passes through the modules' transactional services. Were the listener's transaction
 * marked for rollback by the refusal it caught, its commit would fail and the event would stay open, to be replayed
 * and refused again after every restart.
 */
class PatientNoticesRefusedTests extends ApiTest {

	static final long GONE = 987_654_321L;

	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aNoticeForAnAppointmentThatIsGoneIsSkippedAndItsEventIsDone() throws InterruptedException {
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new AppointmentCancelled(GONE, 1, 2, Instant.now(), null, null, null));
			events.publishEvent(new AppointmentConfirmed(GONE + 1, 1, 2, Instant.now()));
		});

		long deadline = System.currentTimeMillis() + 15_000;
		while ((open(GONE) > 0 || open(GONE + 1) > 0) && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(open(GONE)).as("the cancellation's publication").isZero();
		assertThat(open(GONE + 1)).as("the confirmation's publication").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE appointment_id IN (?, ?)").params(GONE, GONE + 1)
			.query(Long.class).single()).isZero();
	}

	/** Publications of events about the appointment that no listener has finished yet. */
	long open(long appointmentId) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%\"appointmentId\":" + appointmentId + ",%")
			.query(Long.class)
			.single();
	}
}
