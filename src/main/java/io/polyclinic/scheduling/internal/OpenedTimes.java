package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * The slots one clinician opened, as a placement asks of them: the slot that starts at an instant (its end), and
 * whether one slot holds a whole interval. {@link #NONE} when a booking's facts say none lies near the time asked for.
 */
public interface OpenedTimes {

	OpenedTimes NONE = new OpenedTimes() {

		@Override
		public Optional<Instant> endOfSlotAt(Instant start) {
			return Optional.empty();
		}

		@Override
		public boolean holds(Instant start, Instant end) {
			return false;
		}
	};

	/** The end of the opened slot that starts exactly then, if there is one. */
	Optional<Instant> endOfSlotAt(Instant start);

	/** Whether one opened slot holds [start, end) whole. */
	boolean holds(Instant start, Instant end);
}
