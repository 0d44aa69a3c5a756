package io.polyclinic.notify.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.Reminder;

/**
 * Sends the booking confirmations scheduling recorded among a booking's reminders (hcp's bookings by slot record
 * one), by email to the patient, and reports each one sent or failed back to the reminder. A booking without such a
 * reminder is not announced here (see {@link PatientNotices}). It runs from {@link InAppFeeds}' listener of the
 * booking rather than as a listener of its own: every listener of an event is a row the booking itself writes.
 */
@Component
class BookingConfirmations {

	private static final Logger log = LoggerFactory.getLogger(BookingConfirmations.class);

	private final AppointmentBook book;
	private final AppointmentViews appointments;
	private final Messenger messenger;

	BookingConfirmations(AppointmentBook book, AppointmentViews appointments, Messenger messenger) {
		this.book = book;
		this.appointments = appointments;
		this.messenger = messenger;
	}

	/**
	 * Outside the caller's transaction: each module call commits by itself, so that a refusal here (an appointment
	 * gone) can neither doom the in-app notices written around it nor leave the booking's event open for ever.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void send(long appointmentId) {
		try {
			sendDue(appointmentId);
		}
		catch (Refusal refused) {
			log.info("No booking confirmation for appointment {}: {}", appointmentId, refused.getMessage());
		}
	}

	private void sendDue(long appointmentId) {
		Actor clinic = Actor.system();
		List<Reminder> due = book.reminders(Ref.id(appointmentId), clinic)
			.stream()
			.filter(r -> Reminder.BOOKING_CONFIRMATION.equals(r.type()) && "pending".equals(r.deliveryStatus())
					&& "email".equals(r.channel()))
			.toList();
		if (due.isEmpty()) {
			return;
		}
		AppointmentView view = appointments.get(Ref.id(appointmentId), clinic);
		String email = view.patient().email();
		for (Reminder reminder : due) {
			if (email == null || email.isBlank()) {
				log.info("No booking confirmation for appointment {}: the patient has no email address",
						appointmentId);
				book.reminderDelivered(reminder.id(), false, null, clinic);
				continue;
			}
			DeliveryReceipt receipt = messenger.send(new Message(Channel.EMAIL, email, "Your appointment is booked",
					reminder.messageContent(), MessageKind.APPOINTMENT_CONFIRMATION, view.patient().id(),
					appointmentId, false).named(view.patient().fullName()));
			book.reminderDelivered(reminder.id(), receipt.sent(), String.valueOf(receipt.deliveryId()), clinic);
		}
	}
}
