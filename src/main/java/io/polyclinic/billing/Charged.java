package io.polyclinic.billing;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.Booked;

/**
 * A booking and how it is to be paid: the provider's order for a checkout, or the link sent to the patient — or
 * neither, for a free appointment, a charge of NONE, or a link the provider could not make (staff can send one later).
 */
public record Charged(Booked booked, @Nullable PaymentOrder order, @Nullable SentPaymentLink link) {

	public Appointment appointment() {
		return booked.appointment();
	}
}
