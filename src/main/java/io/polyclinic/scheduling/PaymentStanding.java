package io.polyclinic.scheduling;

/**
 * Where an appointment's payment stands, as appointment views show it. The module that keeps the money decides it
 * (see {@link PaymentStandings}); PENDING until a payment of the appointment is settled or fails.
 */
public enum PaymentStanding {
	PENDING, PAID, FAILED, REFUNDED, PARTIALLY_REFUNDED
}
