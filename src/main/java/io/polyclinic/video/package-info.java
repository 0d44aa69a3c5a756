/**
 * Video consultations: meeting links for appointments (internal rooms by default, Google Meet when configured).
 */
@NullMarked
package io.polyclinic.video;

import org.jspecify.annotations.NullMarked;
