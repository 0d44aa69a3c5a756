package io.polyclinic.scheduling;

/** Published when an appointment is booked. */
public record AppointmentBooked(long appointmentId, long patientId, long clinicianId, java.time.Instant startsAt) {
}
