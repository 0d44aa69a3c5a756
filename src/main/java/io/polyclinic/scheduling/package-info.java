/**
 * The appointment book: clinicians' weekly hours, the slots they yield, and appointments through their lifecycle.
 */
@NullMarked
package io.polyclinic.scheduling;

import org.jspecify.annotations.NullMarked;
