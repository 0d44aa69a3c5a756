package io.polyclinic.scheduling.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.scheduling.AppointmentBook;

/**
 * A paid appointment is a confirmed one: a verified checkout or a captured-payment webhook confirms it, once,
 * after the payment commits (and after a crash, from the event publication registry).
 */
@Component
class PaidAppointments {

	private final AppointmentBook book;

	PaidAppointments(AppointmentBook book) {
		this.book = book;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded payment) {
		book.confirm(payment.appointmentId());
	}
}
