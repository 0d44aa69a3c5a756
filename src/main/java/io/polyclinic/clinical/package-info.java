/**
 * What clinicians record about their patients: consultations and their notes, prescriptions, records and vitals.
 */
@NullMarked
package io.polyclinic.clinical;

import org.jspecify.annotations.NullMarked;
