package io.polyclinic.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.NotificationPreferences.Preferences;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.video.MeetingLinks;

/**
 * Sends a patient the messages about one of their appointments (see {@link AppointmentTexts}): over WhatsApp to
 * their phone, or by email when they have no phone, filed under the patient and the appointment in the delivery
 * history. Callers have decided access already.
 */
@Component
public class PatientMessages {

	private static final String APPOINTMENT = "Your appointment";
	private static final String PAYMENT = "Your payment";

	private final Messenger messenger;
	private final MeetingLinks meetings;

	private final PreferenceRows preferences;

	PatientMessages(Messenger messenger, MeetingLinks meetings, PreferenceRows preferences) {
		this.messenger = messenger;
		this.meetings = meetings;
		this.preferences = preferences;
	}

	/** The confirmation; an online visit without a link gets one now, made as {@code actor}. */
	public DeliveryReceipt confirmation(AppointmentView view, Actor actor) {
		return send(view, MessageKind.APPOINTMENT_CONFIRMATION, APPOINTMENT,
				AppointmentTexts.confirmed(view, link(view, actor)));
	}

	/** The reminder; an online visit without a link gets one now, made as {@code actor}. */
	public DeliveryReceipt reminder(AppointmentView view, Actor actor) {
		return send(view, MessageKind.APPOINTMENT_REMINDER, APPOINTMENT,
				AppointmentTexts.reminder(view, link(view, actor)));
	}

	DeliveryReceipt cancellation(AppointmentView view) {
		return send(view, MessageKind.APPOINTMENT_CANCELLATION, APPOINTMENT, AppointmentTexts.cancelled(view));
	}

	DeliveryReceipt newTime(AppointmentView view) {
		return send(view, MessageKind.APPOINTMENT_RESCHEDULED, APPOINTMENT,
				AppointmentTexts.rescheduled(view, view.meetingLink()));
	}

	DeliveryReceipt receipt(AppointmentView view, long amountMinor, String currency, String reference) {
		return send(view, MessageKind.PAYMENT_RECEIPT, PAYMENT,
				AppointmentTexts.receipt(view, amountMinor, currency, reference));
	}

	DeliveryReceipt refund(AppointmentView view, long amountMinor, String currency, boolean full) {
		return send(view, MessageKind.PAYMENT_REFUND, PAYMENT,
				AppointmentTexts.refund(view, amountMinor, currency, full));
	}

	/**
	 * By text when the patient has a phone and takes texts, else by email when they have an address and take email.
	 *
	 * @throws Refusal CONFLICT NO_CONTACT when the patient has neither a phone nor an email address; CONFLICT
	 *         OPTED_OUT when they asked not to get this kind of message, or nothing by the ways they can be reached
	 */
	private DeliveryReceipt send(AppointmentView view, MessageKind kind, String subject, String body) {
		var patient = view.patient();
		boolean hasPhone = patient.phone() != null && !patient.phone().isBlank();
		boolean hasEmail = patient.email() != null && !patient.email().isBlank();
		if (!hasPhone && !hasEmail) {
			throw Refusal.conflict("NO_CONTACT", "The patient has no phone number or email address to message");
		}
		Preferences wants = preferences.ofPatient(patient.id());
		if (!wanted(kind, wants)) {
			throw Refusal.conflict("OPTED_OUT", "The patient asked not to receive " + kind.name().toLowerCase() + " messages");
		}
		Channel channel;
		String to;
		if (hasPhone && wants.sms()) {
			channel = Channel.WHATSAPP;
			to = patient.phone();
		}
		else if (hasEmail && wants.email()) {
			channel = Channel.EMAIL;
			to = patient.email();
		}
		else {
			throw Refusal.conflict("OPTED_OUT", "The patient takes no messages by the ways the clinic can reach them");
		}
		return messenger.send(new Message(channel, to, subject, body, kind, patient.id(), view.appointment().id(),
				false).named(patient.fullName().isBlank() ? null : patient.fullName()));
	}

	private static boolean wanted(MessageKind kind, Preferences wants) {
		return switch (kind) {
			case APPOINTMENT_CONFIRMATION -> wants.appointmentConfirmations();
			case APPOINTMENT_REMINDER -> wants.appointmentReminders();
			case PAYMENT_RECEIPT, PAYMENT_REFUND -> wants.paymentNotifications();
			default -> true;
		};
	}

	private @Nullable String link(AppointmentView view, Actor actor) {
		if (view.appointment().sessionType() != SessionType.ONLINE) {
			return null;
		}
		if (view.meetingLink() != null) {
			return view.meetingLink();
		}
		String summary = view.clinician().fullName().isBlank() ? "Consultation"
				: "Consultation with " + view.clinician().fullName();
		Ref appointment = Ref.id(view.appointment().id());
		try {
			return meetings.ensure(appointment, summary, actor).url();
		}
		catch (Refusal e) {
			if (!e.is(Refusal.Kind.CONFLICT, "ALREADY_EXISTS")) {
				throw e;
			}
			// staff made a link between our look and our insert: theirs is the appointment's link
			return meetings.linkOf(appointment, actor).url();
		}
	}
}
