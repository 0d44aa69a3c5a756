package io.polyclinic.scheduling;

import java.time.Instant;

/** The clinician (or staff) started the visit. */
public record AppointmentStarted(long appointmentId, long patientId, long clinicianId, Instant startsAt) {
}
