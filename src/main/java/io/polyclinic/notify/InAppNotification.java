package io.polyclinic.notify;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Something the clinic told a person inside the app.
 *
 * @param id the notification's public id
 * @param number its numeric id (for faces whose ids are integers)
 * @param userAccountId the public id of the account it was told to
 * @param type what kind of thing it tells of, as the feeds sort them
 * @param topic what exactly it tells of, in lower-case words ({@code appointment_confirmation},
 *        {@code appointment_cancelled}, {@code glucose_alert}, {@code system_update}…): finer than the type, and
 *        what products that name their notifications' kinds show
 * @param via the channel it was also sent over; {@link Via#IN_APP} when it was only told inside the app
 * @param status how its delivery went, {@link Status#READ} once read
 * @param relatedId what it is about: the patient's account for an alert, the request, the appointment, the
 *        conversation
 * @param metadata what its writer attached (a JSON object's members); empty for the clinic's own
 * @param scheduledAt when its writer meant it for, if they said
 * @param sentAt when it went out over its channel (or was stored, in the app only); null if that failed
 * @param deliveryId the delivery (see {@link NotificationHistory}) that carried it over email or SMS
 * @param readAt when its person read it; null while unread
 */
public record InAppNotification(UUID id, long number, long userId, UUID userAccountId, Type type, String topic,
		Via via, Status status, String title, String message, @Nullable UUID relatedId, Severity severity,
		Map<String, Object> metadata, @Nullable Instant scheduledAt, @Nullable Instant sentAt,
		@Nullable Long deliveryId, Instant createdAt, Instant updatedAt, @Nullable Instant readAt) {

	/** A topic: lower-case words joined by underscores, at most {@value #TOPIC_MAX} characters. */
	public static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]{0,29}");
	public static final int TOPIC_MAX = 30;
	public static final int TITLE_MAX = 255;
	public static final int MESSAGE_MAX = 4000;

	public enum Type {
		/** A patient the clinician follows logged a critical reading; related: the patient's account. */
		PATIENT_ALERT,
		/** A patient asked the clinician to follow them; related: the request. */
		NEW_REQUEST,
		/** The other party acted on an appointment; related: the appointment. */
		APPOINTMENT,
		/** A message came in; related: the conversation. */
		MESSAGE,
		/** Someone wrote it: an administrator to people, or a person to themself; related: nothing. */
		NOTICE
	}

	public enum Severity {
		INFO, WARNING, CRITICAL
	}

	/** The channel a notification was also sent over. */
	public enum Via {
		/** Only inside the app (and pushed to the person's connected clients). */
		IN_APP,
		EMAIL,
		SMS,
		/** To the person's connected clients, as every notification is. */
		PUSH
	}

	/** How a notification's delivery went. */
	public enum Status {
		/** Not sent yet. */
		PENDING,
		/** Handed to its channel's provider. */
		SENT,
		/** In the person's inbox (and pushed to their connected clients). */
		DELIVERED,
		/** Its channel could not carry it (no provider, no address): it is still in the person's inbox. */
		FAILED,
		/** Its person read it. */
		READ
	}

	public boolean read() {
		return readAt != null;
	}

	/** The topic the clinic's own feeds give a type when they name none. */
	public static String defaultTopic(Type type) {
		return switch (type) {
			case PATIENT_ALERT -> "glucose_alert";
			case NEW_REQUEST -> "patient_request";
			case APPOINTMENT -> "appointment_updated";
			case MESSAGE -> "new_message";
			case NOTICE -> "system_update";
		};
	}
}
