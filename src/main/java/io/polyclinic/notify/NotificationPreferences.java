package io.polyclinic.notify;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.notify.internal.PreferenceRows;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * What each person wants to be told and how: by email, by text (SMS or WhatsApp), by push; reminders, confirmations
 * and payment notices; and how long before an appointment its reminder comes. Everyone starts with everything on and
 * reminders a day ahead; the clinic's messages honour the choices. A person reads and changes only their own.
 */
@Service
@Transactional(readOnly = true)
public class NotificationPreferences {

	/** Reminders are looked for a day ahead: a reminder cannot come earlier than that. */
	public static final int LONGEST_REMINDER_MINUTES = 1440;
	public static final int SHORTEST_REMINDER_MINUTES = 5;

	private final PreferenceRows rows;
	private final Clock clock;

	NotificationPreferences(PreferenceRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * @param reminderMinutes how long before an appointment its reminder is sent
	 * @param updatedAt when they were last changed; null while they are the defaults
	 */
	public record Preferences(boolean email, boolean sms, boolean push, boolean appointmentReminders,
			boolean appointmentConfirmations, boolean paymentNotifications, int reminderMinutes,
			@Nullable Instant updatedAt) {

		public static final Preferences DEFAULTS = new Preferences(true, true, true, true, true, true,
				LONGEST_REMINDER_MINUTES, null);
	}

	/** What to change; null keeps a choice as it is. */
	public record Changes(@Nullable Boolean email, @Nullable Boolean sms, @Nullable Boolean push,
			@Nullable Boolean appointmentReminders, @Nullable Boolean appointmentConfirmations,
			@Nullable Boolean paymentNotifications, @Nullable Integer reminderMinutes) {
	}

	/** The caller's own choices (the defaults until they change one). */
	public Preferences mine(Actor actor) {
		requirePerson(actor);
		return rows.of(actor.userId()).orElse(Preferences.DEFAULTS);
	}

	/** Merges the given choices into the caller's own. */
	@Transactional
	public Preferences change(Changes changes, Actor actor) {
		requirePerson(actor);
		Integer minutes = changes.reminderMinutes();
		if (minutes != null && (minutes < SHORTEST_REMINDER_MINUTES || minutes > LONGEST_REMINDER_MINUTES)) {
			throw Refusal.invalidField("reminderMinutes", "Reminders come between " + SHORTEST_REMINDER_MINUTES
					+ " and " + LONGEST_REMINDER_MINUTES + " minutes before an appointment");
		}
		Preferences now = rows.of(actor.userId()).orElse(Preferences.DEFAULTS);
		Preferences merged = new Preferences(pick(changes.email(), now.email()), pick(changes.sms(), now.sms()),
				pick(changes.push(), now.push()), pick(changes.appointmentReminders(), now.appointmentReminders()),
				pick(changes.appointmentConfirmations(), now.appointmentConfirmations()),
				pick(changes.paymentNotifications(), now.paymentNotifications()),
				minutes != null ? minutes : now.reminderMinutes(), clock.instant());
		try {
			rows.save(actor.userId(), merged);
		}
		catch (org.springframework.dao.DataIntegrityViolationException noSuchAccount) {
			throw Refusal.notFound("Account");
		}
		return merged;
	}

	private static boolean pick(@Nullable Boolean given, boolean current) {
		return given != null ? given : current;
	}

	private static void requirePerson(Actor actor) {
		if (actor.isSystem()) {
			throw Refusal.forbidden();
		}
	}
}
