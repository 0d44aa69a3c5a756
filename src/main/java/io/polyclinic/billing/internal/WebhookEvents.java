package io.polyclinic.billing.internal;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider events already taken in. A webhook is recorded here before it is acted on, in the same transaction:
 * the unique key makes a second delivery (or a concurrent one) fail here and change nothing.
 */
@Component
public class WebhookEvents {

	private final JdbcClient jdbc;

	WebhookEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws DuplicateKeyException when the event was taken in before */
	public void record(String provider, String eventId, String eventType, Instant now) {
		jdbc.sql("INSERT INTO webhook_events (provider, event_id, event_type, received_at) VALUES (?, ?, ?, ?)")
			.params(provider, eventId, eventType, now.atOffset(ZoneOffset.UTC))
			.update();
	}
}
