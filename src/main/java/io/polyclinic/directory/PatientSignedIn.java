package io.polyclinic.directory;

import io.polyclinic.identity.Tokens;

/** A patient signed in by a one-time code; {@code newPatient} when that code signed them up. */
public record PatientSignedIn(Patient patient, boolean newPatient, Tokens tokens) {
}
