package io.polyclinic.video.internal;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.scheduling.MeetingPlaces;

/**
 * Where online appointments take place, for scheduling's appointment views: their links, in one query for a page.
 * Scheduling has decided access to the appointments before it asks.
 */
@Component
@Transactional(readOnly = true)
class MeetingPlacesOfLinks implements MeetingPlaces {

	private final MeetingRecords records;

	MeetingPlacesOfLinks(MeetingRecords records) {
		this.records = records;
	}

	@Override
	public Map<Long, String> linksOf(Collection<Long> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		return records.findByAppointmentIdIn(appointmentIds).stream()
			.collect(Collectors.toMap(MeetingRecord::getAppointmentId, MeetingRecord::getUrl));
	}
}
