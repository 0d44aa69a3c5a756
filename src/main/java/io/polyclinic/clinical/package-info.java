/**
 * What clinicians record about their patients: consultations and their notes, prescriptions, records and vitals.
 *
 * <p>Who may write is decided here: the clinician who cares for the patient and administrators; everyone else is
 * refused and audited. It depends on directory (the access policy), scheduling (a note's appointment must be the
 * patient's), identity (the author's name), audit and platform.
 */
@NullMarked
package io.polyclinic.clinical;

import org.jspecify.annotations.NullMarked;
