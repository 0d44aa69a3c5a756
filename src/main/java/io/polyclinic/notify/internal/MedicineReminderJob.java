package io.polyclinic.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.clinical.DueDose;
import io.polyclinic.clinical.MedicineReminders;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.notify.NotificationPreferences.Preferences;
import io.polyclinic.platform.Actor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminds patients of their medicine doses as they fall due (clinical's medicine reminders), on one node of the
 * cluster at a time: each dose once — it is marked reminded in the same transaction that stores the patient's in-app
 * notification, so a round that fails leaves it for the next, and a dose another round marked is not told again. A
 * patient who turned reminders off is not told (the dose is still marked); one who takes texts or email also gets
 * the reminder by the way they chose, as the clinic's other reminders go. A dose more than the lateness
 * (polyclinic.medicine-reminders.lateness, an hour) past — the clinic was down — is not reminded of.
 */
@Component
class MedicineReminderJob {

	static final String TOPIC = "medicine_reminder";
	private static final Logger log = LoggerFactory.getLogger(MedicineReminderJob.class);
	private static final int ROUND = 200;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private final MedicineReminders reminders;
	private final InAppNotices notices;
	private final Messenger messenger;
	private final PatientRegistry patients;
	private final PreferenceRows preferences;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final Duration lateness;

	MedicineReminderJob(MedicineReminders reminders, InAppNotices notices, Messenger messenger,
			PatientRegistry patients, PreferenceRows preferences, PlatformTransactionManager transactions,
			Clock clock, @Value("${polyclinic.medicine-reminders.lateness:1h}") Duration lateness) {
		this.reminders = reminders;
		this.notices = notices;
		this.messenger = messenger;
		this.patients = patients;
		this.preferences = preferences;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.lateness = lateness;
	}

	@Scheduled(fixedDelayString = "${polyclinic.medicine-reminders.interval:1m}",
			initialDelayString = "${polyclinic.medicine-reminders.interval:1m}")
	@SchedulerLock(name = "medicine-reminders", lockAtMostFor = "10m")
	void remind() {
		remindAt(clock.instant());
	}

	/** One round: the doses due at {@code now}; answers how many patients were told. */
	int remindAt(Instant now) {
		int told = 0;
		for (DueDose dose : reminders.due(now, lateness, ROUND, Actor.system())) {
			try {
				Boolean sent = transaction.execute(status -> remind(dose));
				told += Boolean.TRUE.equals(sent) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// left unmarked: the next round tries again while the dose is not too late
				log.warn("Medicine reminder of dose {} failed: {}", dose.doseId(), e.getMessage());
			}
		}
		return told;
	}

	private boolean remind(DueDose dose) {
		if (!reminders.reminded(dose.doseId(), Actor.system())) {
			return false;
		}
		Preferences wants = preferences.ofPatient(dose.patientId());
		if (!wants.appointmentReminders()) {
			return false;
		}
		String at = TIME.format(dose.dueAt().atZone(dose.timeZone()));
		String title = "Time for your " + dose.medicationName();
		String body = "It is time (" + at + ") to take " + dose.medicationName()
				+ (dose.dosage().isBlank() ? "" : " " + dose.dosage())
				+ (dose.instructions().isBlank() ? "" : ", " + dose.instructions()) + ".";
		notices.tell(dose.patientUserId(), Type.NOTICE, TOPIC, title, body, dose.reminderId(), Severity.INFO,
				"medicine-dose:" + dose.doseId());
		Patient patient = patients.findAll(List.of(dose.patientId())).get(dose.patientId());
		if (patient != null) {
			send(patient, wants, title, body);
		}
		return true;
	}

	/** By text when the patient has a phone and takes texts, else by email when they have one and take email. */
	private void send(Patient patient, Preferences wants, String title, String body) {
		Channel channel = null;
		String to = null;
		if (patient.phone() != null && !patient.phone().isBlank() && wants.sms()) {
			channel = Channel.WHATSAPP;
			to = patient.phone();
		}
		else if (patient.email() != null && !patient.email().isBlank() && wants.email()) {
			channel = Channel.EMAIL;
			to = patient.email();
		}
		if (channel != null) {
			messenger.send(new Message(channel, to, title, body, MessageKind.MEDICINE_REMINDER, patient.id(), null,
					false).named(patient.fullName().isBlank() ? null : patient.fullName()));
		}
	}
}
