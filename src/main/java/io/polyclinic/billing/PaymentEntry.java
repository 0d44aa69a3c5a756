package io.polyclinic.billing;

import java.time.Instant;

/** A payment in a list, with the appointment's clinician by name and when the appointment starts. */
public record PaymentEntry(Payment payment, long clinicianId, String clinicianName, Instant appointmentStartsAt) {
}
