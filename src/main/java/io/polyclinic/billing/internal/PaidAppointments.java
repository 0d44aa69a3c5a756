package io.polyclinic.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.billing.RefundRequest;
import io.polyclinic.billing.Refunds;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;

/**
 * What a settled payment does to its appointment, after the payment commits (and after a crash, from the event
 * publication registry): a paid appointment is a confirmed one. Money that arrives for a cancelled appointment is
 * never kept silently: it goes back in full, by the clinic itself; when the provider refuses, the payment is flagged
 * for staff.
 */
@Component
class PaidAppointments {

	private static final Logger log = LoggerFactory.getLogger(PaidAppointments.class);

	private final AppointmentBook book;
	private final Refunds refunds;
	private final Ledger ledger;

	PaidAppointments(AppointmentBook book, Refunds refunds, Ledger ledger) {
		this.book = book;
		this.refunds = refunds;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded paid) {
		Appointment appointment = book.require(paid.appointmentId());
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			giveBack(paid);
			return;
		}
		book.confirm(appointment.id());
	}

	private void giveBack(PaymentSucceeded paid) {
		// one key per payment: a replayed event finds the refund it made and refunds nothing more
		var request = new RefundRequest(Ref.id(paid.paymentId()), null, "cancelled-appointment-" + paid.paymentId(),
				"Paid for a cancelled appointment");
		try {
			refunds.refund(request, Actor.system());
		}
		catch (Refusal e) {
			if (e.is(Refusal.Kind.CONFLICT, "NOT_REFUNDABLE")) {
				return; // given back already, by staff or an earlier delivery
			}
			log.warn("Payment {} for cancelled appointment {} could not be refunded: {}", paid.paymentId(),
					paid.appointmentId(), e.getMessage());
			ledger.flag(paid.paymentId(), "Paid for a cancelled appointment; the refund failed: " + e.getMessage());
		}
	}
}
