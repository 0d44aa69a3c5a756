package io.polyclinic.analytics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.PaymentRefunded;
import io.polyclinic.billing.PaymentSucceeded;
import io.polyclinic.scheduling.AppointmentBooked;
import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentRescheduled;

/**
 * Keeps the figures from scheduling's and billing's events, after their transactions commit (and after a crash, from
 * the event publication registry). Only these events change what the figures count: an appointment's centre and
 * clinician never change, completing or missing a visit leaves it counted, and a payment is counted once settled.
 * Each handler reads the rows the event names rather than trusting its fields, so a replayed, late or reordered event
 * leaves the figures as the rows say.
 */
@Component
class FigureKeeper {

	private final PairVisits pairs;
	private final MoneyLedger money;

	FigureKeeper(PairVisits pairs, MoneyLedger money) {
		this.pairs = pairs;
		this.money = money;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		pairs.recompute(event.patientId(), event.clinicianId());
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		pairs.recompute(event.patientId(), event.clinicianId());
	}

	@ApplicationModuleListener
	void on(AppointmentRescheduled event) {
		pairs.recompute(event.patientId(), event.clinicianId());
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded event) {
		money.payment(event.paymentId());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded event) {
		money.refund(event.refundId());
	}
}
