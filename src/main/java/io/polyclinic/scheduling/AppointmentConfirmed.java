package io.polyclinic.scheduling;


/** Published when an appointment is confirmed. */
public record AppointmentConfirmed(long appointmentId, long patientId, long clinicianId, java.time.Instant startsAt) {
}
