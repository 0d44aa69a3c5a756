package io.polyclinic.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes completed event publications once they are older than {@code polyclinic.events.keep-completed} (7 days).
 * A completed publication only proves that its listener ran; the registry's table takes a row for every listener of
 * every event, so without this it grows with every booking and payment for as long as the clinic runs. Open
 * publications are never touched: they are what a restart delivers again.
 */
@Component
class EventPublicationHousekeeping {

	private final CompletedEventPublications completed;
	private final Duration keep;

	EventPublicationHousekeeping(CompletedEventPublications completed,
			@Value("${polyclinic.events.keep-completed:7d}") Duration keep) {
		this.completed = completed;
		this.keep = keep;
	}

	@Scheduled(fixedDelayString = "${polyclinic.events.housekeeping-interval:1h}",
			initialDelayString = "${polyclinic.events.housekeeping-interval:1h}")
	@SchedulerLock(name = "event-publication-housekeeping", lockAtMostFor = "30m")
	void deleteCompleted() {
		completed.deletePublicationsOlderThan(keep);
	}
}
