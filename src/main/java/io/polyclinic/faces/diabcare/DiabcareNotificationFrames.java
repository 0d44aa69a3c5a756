package io.polyclinic.faces.diabcare;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * An in-app notification on DiabCare's socket:
 * {@code {"event":"notification","data":<the notification as GET /api/notifications shows it>}}.
 */
@Component
class DiabcareNotificationFrames implements DiabcareLiveFrames {

	private final InAppNotifications notifications;
	private final DiabcareNotificationJson json;

	DiabcareNotificationFrames(InAppNotifications notifications, DiabcareNotificationJson json) {
		this.notifications = notifications;
		this.json = json;
	}

	@Override
	public String topic() {
		return InAppNotifications.LIVE_TOPIC;
	}

	@Override
	public Optional<Object> render(UUID subjectId, Actor actor) {
		try {
			return Optional.of(json.notification(notifications.get(subjectId, actor)));
		}
		catch (Refusal notTheirs) {
			return Optional.empty();
		}
	}
}
