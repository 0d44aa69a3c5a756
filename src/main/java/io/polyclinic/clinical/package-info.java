/**
 * What clinicians record about their patients: consultations and their notes, prescriptions, records and vitals.
 *
 * <p>Who may write is decided here: notes, the clinician who cares for the patient and administrators; medical
 * records, those clinicians and the staff who reach the patient, read also by the patient once shared with them.
 * Everyone else is refused and audited. It depends on directory (the access policy), scheduling (a note's or
 * record's appointment must be the patient's), identity (the author's name), audit and platform; it owns the tables
 * {@code clinical_notes} and {@code medical_records}, and lists records in SQL within the caller's reach.
 */
@NullMarked
package io.polyclinic.clinical;

import org.jspecify.annotations.NullMarked;
