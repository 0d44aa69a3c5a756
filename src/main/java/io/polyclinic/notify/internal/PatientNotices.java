package io.polyclinic.notify.internal;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentRefunded;
import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.notify.AppointmentMessages;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.scheduling.AppointmentRescheduled;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * Tells the patient what happened to their appointment or payment: confirmed, cancelled, moved, paid, refunded.
 * Each runs after the change commits, and again after a crash, since the event publication registry keeps an event
 * until its listener has run; a message a channel failed to take is in the delivery history as FAILED.
 *
 * <p>The listeners run outside a transaction of their own: each module call commits or rolls back by itself, so a
 * refusal caught here (a final answer) cannot doom a surrounding commit and leave the event open for ever.
 *
 * <p>A booking itself is not announced: a patient who books is at the checkout, and staff who book with a fee send
 * the payment link, which says the same.
 */
@Component
class PatientNotices {

	private static final Logger log = LoggerFactory.getLogger(PatientNotices.class);

	private final AppointmentMessages appointmentMessages;
	private final AppointmentViews appointments;
	private final PatientMessages messages;

	PatientNotices(AppointmentMessages appointmentMessages, AppointmentViews appointments, PatientMessages messages) {
		this.appointmentMessages = appointmentMessages;
		this.appointments = appointments;
		this.messages = messages;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AppointmentConfirmed event) {
		tell("confirmation", event.appointmentId(),
				() -> appointmentMessages.sendConfirmation(Ref.id(event.appointmentId()), Actor.system()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AppointmentCancelled event) {
		tell("cancellation", event.appointmentId(), () -> messages.cancellation(view(event.appointmentId())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AppointmentRescheduled event) {
		tell("new time", event.appointmentId(), () -> {
			AppointmentView view = view(event.appointmentId());
			if (view.appointment().status() == AppointmentStatus.CANCELLED) {
				throw Refusal.conflict("INVALID_STATUS_TRANSITION", "The appointment was cancelled since");
			}
			return messages.newTime(view);
		});
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentSucceeded event) {
		tell("receipt", event.appointmentId(), () -> messages.receipt(view(event.appointmentId()), event.amountMinor(),
				event.currency(), event.providerPaymentId()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PaymentRefunded event) {
		tell("refund notice", event.appointmentId(), () -> messages.refund(view(event.appointmentId()),
				event.amountMinor(), event.currency(), event.full()));
	}

	private AppointmentView view(long appointmentId) {
		return appointments.get(Ref.id(appointmentId), Actor.system());
	}

	/** A refusal (no such appointment, no way to reach the patient) is final: retrying would not change it. */
	private static void tell(String what, long appointmentId, Supplier<DeliveryReceipt> send) {
		try {
			DeliveryReceipt receipt = send.get();
			if (!receipt.sent()) {
				log.warn("The {} for appointment {} was not delivered (delivery {})", what, appointmentId,
						receipt.deliveryId());
			}
		}
		catch (Refusal e) {
			log.info("No {} sent for appointment {}: {}", what, appointmentId, e.getMessage());
		}
	}
}
