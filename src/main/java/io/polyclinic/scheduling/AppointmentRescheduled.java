package io.polyclinic.scheduling;


/** Published when an appointment is rescheduled. */
public record AppointmentRescheduled(long appointmentId, long patientId, long clinicianId, java.time.Instant previousStart, java.time.Instant startsAt) {
}
