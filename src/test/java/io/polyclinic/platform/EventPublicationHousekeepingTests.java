package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.support.ApiTest;

/** Completed event publications are deleted once older than the keeping period; open ones are never touched. */
class EventPublicationHousekeepingTests extends ApiTest {

	@Autowired
	EventPublicationHousekeeping housekeeping;
	@Autowired
	JdbcClient jdbc;

	@Test
	void completedPublicationsOlderThanAWeekGoAndEverythingElseStays() {
		Instant now = Instant.now();
		UUID old = publication(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
		UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
		UUID open = publication(now.minus(Duration.ofDays(30)), null);

		try {
			housekeeping.deleteCompleted();

			assertThat(exists(old)).as("completed 8 days ago").isFalse();
			assertThat(exists(recent)).as("completed yesterday").isTrue();
			assertThat(exists(open)).as("never completed").isTrue();
		}
		finally {
			// an open publication of no real listener must not be delivered again when a later test starts the clinic
			jdbc.sql("DELETE FROM event_publication WHERE listener_id = 'housekeeping.test'").update();
		}
	}

	private UUID publication(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				VALUES (?, 'housekeeping.test', 'io.polyclinic.Test', '{}', ?, ?, ?, 1)""")
			.params(id, published.atOffset(ZoneOffset.UTC), completed == null ? null : completed.atOffset(ZoneOffset.UTC),
					completed == null ? "PUBLISHED" : "COMPLETED")
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() > 0;
	}
}
