package io.polyclinic.scheduling;


/** Published when an appointment is completed. */
public record AppointmentCompleted(long appointmentId, long patientId, long clinicianId, java.time.Instant startsAt) {
}
