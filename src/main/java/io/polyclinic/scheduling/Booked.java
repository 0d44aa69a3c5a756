package io.polyclinic.scheduling;

/**
 * An appointment booked: the appointment, its patient as the appointment shows them (id, name, phone, email), and
 * whether this booking registered the patient.
 */
public record Booked(Appointment appointment, AppointmentView.Person patient, boolean newPatient) {
}
