package io.polyclinic.faces.diabcare;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.faces.LocalFormats;
import io.polyclinic.notify.InAppNotification;

/**
 * A notification as the DiabCare app reads it: the contract's fields ({@code _id, userId, type, title, message,
 * timestamp, isRead, relatedId, severity}, types and severities in lower case), {@code createdAt} as the original's
 * documents have it, and {@code data}: the related id under the key the app navigates by ({@code patientId},
 * {@code requestId}, {@code appointmentId}, {@code conversationId}).
 */
@Component
class DiabcareNotificationJson {

	record Notification(@JsonProperty("_id") String id, String userId, String type, String title, String message,
			Instant timestamp, @JsonProperty("isRead") boolean isRead, @Nullable String relatedId, String severity,
			Instant createdAt, Map<String, String> data) {
	}

	Notification notification(InAppNotification n) {
		String related = n.relatedId() == null ? null : n.relatedId().toString();
		Instant at = LocalFormats.instant(n.createdAt());
		return new Notification(n.id().toString(), n.userAccountId().toString(),
				n.type().name().toLowerCase(Locale.ROOT), n.title(), n.message(), at, n.read(), related,
				n.severity().name().toLowerCase(Locale.ROOT), at,
				related == null ? Map.of() : Map.of(navigationKey(n.type()), related));
	}

	private static String navigationKey(InAppNotification.Type type) {
		return switch (type) {
			case PATIENT_ALERT -> "patientId";
			case NEW_REQUEST -> "requestId";
			case APPOINTMENT -> "appointmentId";
			case MESSAGE -> "conversationId";
			case NOTICE -> "relatedId";
		};
	}
}
