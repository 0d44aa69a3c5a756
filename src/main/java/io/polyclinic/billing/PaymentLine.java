package io.polyclinic.billing;

import java.time.Instant;

/**
 * A payment with the people it is between, as a transaction list shows it: the patient's account (id and name) and
 * the appointment's clinician, read in the statement that reads the payment.
 *
 * @param patientUserId the patient's account id (the user, not the patient record)
 */
public record PaymentLine(Payment payment, long patientUserId, String patientName, long clinicianId,
		String clinicianName, Instant appointmentStartsAt) {
}
