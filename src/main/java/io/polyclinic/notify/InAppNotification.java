package io.polyclinic.notify;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something the clinic told a person inside the app.
 *
 * @param id the notification's public id
 * @param userAccountId the public id of the account it was told to
 * @param relatedId what it is about: the patient's account for an alert, the request, the appointment, the
 *        conversation
 * @param readAt when its person read it; null while unread
 */
public record InAppNotification(UUID id, long userId, UUID userAccountId, Type type, String title, String message,
		@Nullable UUID relatedId, Severity severity, Instant createdAt, @Nullable Instant readAt) {

	public enum Type {
		/** A patient the clinician follows logged a critical reading; related: the patient's account. */
		PATIENT_ALERT,
		/** A patient asked the clinician to follow them; related: the request. */
		NEW_REQUEST,
		/** The other party acted on an appointment; related: the appointment. */
		APPOINTMENT,
		/** A message came in; related: the conversation. */
		MESSAGE
	}

	public enum Severity {
		INFO, WARNING, CRITICAL
	}

	public boolean read() {
		return readAt != null;
	}
}
