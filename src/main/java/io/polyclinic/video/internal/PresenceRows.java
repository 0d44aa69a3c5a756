package io.polyclinic.video.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.polyclinic.video.RtcConnection;

/**
 * Who is connected to which room's signaling socket, across nodes: a row per open connection. Each node keeps the
 * connections it holds and refreshes their rows every {@value #HEARTBEAT_SECONDS} seconds; a row not refreshed for
 * {@link #STALE} (its node died) no longer counts, and is cleared later. Not a cluster-wide job: every node refreshes
 * its own.
 */
@Component
public class PresenceRows {

	private static final Logger log = LoggerFactory.getLogger(PresenceRows.class);
	static final long HEARTBEAT_SECONDS = 30;
	static final Duration STALE = Duration.ofSeconds(3 * HEARTBEAT_SECONDS);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Set<String> held = ConcurrentHashMap.newKeySet();

	PresenceRows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void connected(String connectionId, long roomPk, long userId, Instant now) {
		jdbc.sql("""
				INSERT INTO rtc_presence (connection_id, consultation_id, user_id, connected_at, seen_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(connectionId, roomPk, userId, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
		held.add(connectionId);
	}

	/** Whether the connection was there to remove: false when it was already gone. */
	public boolean disconnected(String connectionId) {
		held.remove(connectionId);
		return jdbc.sql("DELETE FROM rtc_presence WHERE connection_id = ?").param(connectionId).update() > 0;
	}

	/** The accounts connected to the room now, in order of arrival, each once. */
	public List<Long> present(long roomPk, Instant now) {
		return jdbc.sql("""
				SELECT user_id FROM rtc_presence WHERE consultation_id = ? AND seen_at > ?
				GROUP BY user_id ORDER BY MIN(connected_at), user_id""")
			.params(roomPk, now.minus(STALE).atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
	}

	/** The connections to the room now, in order of arrival, with the account each is. */
	public List<RtcConnection> connections(long roomPk, Instant now) {
		return jdbc.sql("""
				SELECT connection_id, user_id FROM rtc_presence WHERE consultation_id = ? AND seen_at > ?
				ORDER BY connected_at, id""")
			.params(roomPk, now.minus(STALE).atOffset(ZoneOffset.UTC))
			.query((rs, i) -> new RtcConnection(rs.getString("connection_id"), rs.getLong("user_id")))
			.list();
	}

	@Scheduled(fixedDelay = HEARTBEAT_SECONDS, timeUnit = TimeUnit.SECONDS)
	void heartbeat() {
		Instant now = clock.instant();
		try {
			refresh(held, now);
			jdbc.sql("DELETE FROM rtc_presence WHERE seen_at < ?").param(now.minus(STALE.multipliedBy(10))
				.atOffset(ZoneOffset.UTC)).update();
		}
		catch (RuntimeException e) {
			log.warn("Could not refresh this node's signaling connections: {}", e.toString());
		}
	}

	void refresh(Collection<String> connections, Instant now) {
		List<String> ids = List.copyOf(connections);
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("UPDATE rtc_presence SET seen_at = :now WHERE connection_id IN (:ids)")
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.update();
		}
	}
}
