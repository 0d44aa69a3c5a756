package io.polyclinic.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Status;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.InAppNotification.Via;
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
	 * Tells of something under its type's usual topic.
	 *
	 * @param sourceKey what it tells of, once per person ("message:&lt;id&gt;"); null when it may be told again
	 * @return the notification's public id, or null when the person had been told already
	 */
	@Transactional
	public @Nullable UUID tell(long userId, Type type, String title, String message, @Nullable UUID relatedId,
			Severity severity, @Nullable String sourceKey) {
		return tell(userId, type, InAppNotification.defaultTopic(type), title, message, relatedId, severity,
				sourceKey);
	}

	/** Tells of something under a topic of its own ({@code appointment_confirmation}), inside the app only. */
	@Transactional
	public @Nullable UUID tell(long userId, Type type, String topic, String title, String message,
			@Nullable UUID relatedId, Severity severity, @Nullable String sourceKey) {
		return store(userId, new InAppRows.Draft(type, topic, Via.IN_APP, Status.DELIVERED, title, message, relatedId,
				severity, Map.of(), null, sourceKey));
	}

	/**
	 * Stores a notification as drafted (its title and message cut to their columns) and pushes it once that commits.
	 *
	 * @return its public id, or null when the person had been told of its source already
	 */
	@Transactional
	public @Nullable UUID store(long userId, InAppRows.Draft draft) {
		UUID id = UUID.randomUUID();
		InAppRows.Draft clipped = new InAppRows.Draft(draft.type(), draft.topic(), draft.via(), draft.status(),
				clip(draft.title(), InAppNotification.TITLE_MAX), clip(draft.message(), InAppNotification.MESSAGE_MAX),
				draft.relatedId(), draft.severity(), draft.metadata(), draft.scheduledAt(), draft.sourceKey());
		if (!rows.insert(id, userId, clipped, now())) {
			return null;
		}
		push.toUser(userId, InAppNotifications.LIVE_TOPIC, id);
		return id;
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
