package io.polyclinic.notify.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.Channel;
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

	PatientMessages(Messenger messenger, MeetingLinks meetings) {
		this.messenger = messenger;
		this.meetings = meetings;
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

	/** @throws Refusal CONFLICT NO_CONTACT when the patient has neither a phone nor an email address */
	private DeliveryReceipt send(AppointmentView view, MessageKind kind, String subject, String body) {
		var patient = view.patient();
		Channel channel;
		String to;
		if (patient.phone() != null && !patient.phone().isBlank()) {
			channel = Channel.WHATSAPP;
			to = patient.phone();
		}
		else if (patient.email() != null && !patient.email().isBlank()) {
			channel = Channel.EMAIL;
			to = patient.email();
		}
		else {
			throw Refusal.conflict("NO_CONTACT", "The patient has no phone number or email address to message");
		}
		return messenger.send(new Message(channel, to, subject, body, kind, patient.id(), view.appointment().id(),
				false).named(patient.fullName().isBlank() ? null : patient.fullName()));
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
