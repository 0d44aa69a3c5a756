package io.polyclinic.scheduling.internal;

import java.time.Instant;

/** An interval of a clinician's time that an active appointment or a block holds. */
public record Busy(Instant startsAt, Instant endsAt) {

	public boolean overlaps(Instant start, Instant end) {
		return startsAt.isBefore(end) && endsAt.isAfter(start);
	}
}
