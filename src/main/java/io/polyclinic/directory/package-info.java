/**
 * Who is who in the clinic: centres, clinicians, patients and staff, and which clinicians care for which patients.
 */
@NullMarked
package io.polyclinic.directory;

import org.jspecify.annotations.NullMarked;
