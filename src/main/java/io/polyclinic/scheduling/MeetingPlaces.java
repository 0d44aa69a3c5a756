package io.polyclinic.scheduling;

import java.util.Collection;
import java.util.Map;

/**
 * Where online appointments take place, for the appointment views: implemented by video, asked by scheduling only,
 * for appointments whose access it has already decided — in one query for a whole page.
 */
public interface MeetingPlaces {

	/** The meeting link of each appointment that has one. */
	Map<Long, String> linksOf(Collection<Long> appointmentIds);
}
