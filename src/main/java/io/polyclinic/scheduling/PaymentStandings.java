package io.polyclinic.scheduling;

import java.util.Collection;
import java.util.Map;

/**
 * The payment standing of appointments, for the appointment views: implemented by billing, which keeps the rule
 * (the latest payment's state, refunds counted), and asked by scheduling only, for appointments whose access it
 * has already decided — in one query for a whole page.
 */
public interface PaymentStandings {

	/** The standing of each appointment that has a payment; an appointment absent from the map is PENDING. */
	Map<Long, PaymentStanding> of(Collection<Long> appointmentIds);
}
