package io.polyclinic.scheduling;

import io.polyclinic.directory.Patient;

/** An appointment booked: the appointment, its patient, and whether this booking registered the patient. */
public record Booked(Appointment appointment, Patient patient, boolean newPatient) {
}
