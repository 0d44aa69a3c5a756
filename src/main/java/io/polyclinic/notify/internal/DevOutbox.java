package io.polyclinic.notify.internal;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;

/**
 * Demo mode's stand-in for every channel: keeps what would have been sent, one-time codes included, for
 * {@code GET /dev/outbox}.
 */
@Component
public class DevOutbox {

	private final JdbcClient jdbc;
	private final Clock clock;

	DevOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ChannelGateway gatewayFor(Channel channel) {
		return new ChannelGateway() {
			@Override
			public Channel channel() {
				return channel;
			}

			@Override
			public String provider() {
				return "outbox";
			}

			@Override
			public @Nullable String send(Message message) {
				keep(message);
				return null;
			}
		};
	}

	void keep(Message message) {
		jdbc.sql("INSERT INTO dev_outbox (channel, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)")
			.params(message.channel().name(), message.to(), message.subject(), message.body(),
					clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	public List<OutboxMessage> to(String recipient, int limit) {
		return jdbc.sql("""
				SELECT channel, recipient, subject, body, sent_at FROM dev_outbox
				WHERE recipient = ? ORDER BY sent_at DESC, id DESC LIMIT ?""")
			.params(recipient, limit)
			.query((rs, i) -> new OutboxMessage(rs.getString("channel"), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"),
					rs.getObject("sent_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	public record OutboxMessage(String channel, String to, @Nullable String subject, String body,
			java.time.Instant sentAt) {
	}
}
