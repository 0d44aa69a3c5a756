/**
 * Video consultations: meeting links for appointments (internal rooms by default, Google Meet when configured).
 *
 * <p>Video depends on scheduling (whose appointment access decides who may see a link, and whose
 * {@code MeetingPlaces} it implements for the appointment views) and on directory's access policy (staff, and the
 * centre a member of staff runs).
 */
@NullMarked
package io.polyclinic.video;

import org.jspecify.annotations.NullMarked;
