package io.polyclinic.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentMessages;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminds patients of confirmed appointments a day ahead (polyclinic.reminders.lead), once each, on one node of the
 * cluster at a time.
 */
@Component
class ReminderJob {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private final Bookings bookings;
	private final AppointmentMessages messages;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Duration lead;

	ReminderJob(Bookings bookings, AppointmentMessages messages, TransactionTemplate transactions, Clock clock,
			@Value("${polyclinic.reminders.lead:24h}") Duration lead) {
		this.bookings = bookings;
		this.messages = messages;
		this.transactions = transactions;
		this.clock = clock;
		this.lead = lead;
	}

	@Scheduled(fixedDelayString = "${polyclinic.reminders.interval:5m}", initialDelayString = "${polyclinic.reminders.interval:5m}")
	@SchedulerLock(name = "appointment-reminders", lockAtMostFor = "10m")
	void remind() {
		Instant now = clock.instant();
		for (long id : bookings.dueForReminder(now, now.plus(lead), PageRequest.of(0, 200))) {
			remind(id);
		}
	}

	/** One appointment: the message, then the mark, so that a failed send is tried again next round. */
	void remind(long appointmentId) {
		try {
			var receipt = messages.sendReminder(appointmentId);
			if (receipt.sent()) {
				transactions.executeWithoutResult(tx -> bookings.findById(appointmentId)
					.ifPresent(b -> b.reminded(clock.instant())));
			}
		}
		catch (Refusal e) {
			log.info("No reminder for appointment {}: {}", appointmentId, e.getMessage());
		}
	}
}
