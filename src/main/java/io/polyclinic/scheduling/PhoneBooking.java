package io.polyclinic.scheduling;

import io.polyclinic.directory.Patient;

/** A front-desk booking made: the appointment, its patient, and whether this booking registered the patient. */
public record PhoneBooking(Appointment appointment, Patient patient, boolean newPatient) {
}
