package io.polyclinic.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.AppointmentMessages;
import io.polyclinic.notify.NotificationPreferences.Preferences;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminds patients of confirmed appointments starting within the lead (polyclinic.reminders.lead, a day), once per
 * appointment and start, on one node of the cluster at a time. A message the channel failed to take leaves no mark,
 * so it is tried again next round.
 */
@Component
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
	private static final int ROUND = 200;

	private final AppointmentReminders reminders;
	private final AppointmentMessages messages;
	private final Clock clock;
	private final Duration lead;

	private final PreferenceRows preferences;

	ReminderJob(AppointmentReminders reminders, AppointmentMessages messages, PreferenceRows preferences, Clock clock,
			@Value("${polyclinic.reminders.lead:24h}") Duration lead) {
		this.preferences = preferences;
		this.reminders = reminders;
		this.messages = messages;
		this.clock = clock;
		this.lead = lead;
	}

	@Scheduled(fixedDelayString = "${polyclinic.reminders.interval:5m}",
			initialDelayString = "${polyclinic.reminders.interval:5m}")
	@SchedulerLock(name = "appointment-reminders", lockAtMostFor = "10m")
	void remind() {
		Instant now = clock.instant();
		for (AppointmentReminders.Due due : reminders.due(now, now.plus(lead), ROUND)) {
			remind(due);
		}
	}

	/**
	 * One appointment: the message, then the mark. A patient who wants their reminder nearer the time gets it on a
	 * later round; one who wants none is marked without a message.
	 */
	void remind(AppointmentReminders.Due due) {
		Preferences wants = preferences.ofAppointment(due.appointmentId());
		if (wants.appointmentReminders()
				&& due.startsAt().isAfter(clock.instant().plus(Duration.ofMinutes(wants.reminderMinutes())))) {
			return;
		}
		try {
			DeliveryReceipt receipt = messages.sendReminder(Ref.id(due.appointmentId()), Actor.system());
			if (receipt.sent()) {
				reminders.mark(due, receipt.deliveryId(), clock.instant());
			}
		}
		catch (Refusal e) {
			log.info("No reminder for appointment {}: {}", due.appointmentId(), e.getMessage());
			// a provider that is down may be up next round; a patient without contact details will not be
			if (e.kind() != Refusal.Kind.UNAVAILABLE) {
				reminders.mark(due, null, clock.instant());
			}
		}
	}
}
