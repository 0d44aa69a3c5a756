package io.polyclinic.notify.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.platform.realtime.LivePush;

/**
 * Tells a person something inside the app: stores the notification, then (once that commits) pushes it to their
 * connected clients (topic {@value InAppNotifications#LIVE_TOPIC}). A person already told of the same thing is not told
 * again.
 */
@Component
public class InAppNotices {

	private final InAppRows rows;
	private final LivePush push;
	private final Clock clock;

	InAppNotices(InAppRows rows, LivePush push, Clock clock) {
		this.rows = rows;
		this.push = push;
		this.clock = clock;
	}

	/**
	 * @param sourceKey what it tells of, once per person ("message:&lt;id&gt;"); null when it may be told again
	 * @return the notification's public id, or null when the person had been told already
	 */
	@Transactional
	public @Nullable UUID tell(long userId, Type type, String title, String message, @Nullable UUID relatedId,
			Severity severity, @Nullable String sourceKey) {
		UUID id = UUID.randomUUID();
		if (!rows.insert(id, userId, type, clip(title, 200), clip(message, 1000), relatedId, severity, sourceKey,
				clock.instant().truncatedTo(ChronoUnit.MICROS))) {
			return null;
		}
		push.toUser(userId, InAppNotifications.LIVE_TOPIC, id);
		return id;
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
