package io.polyclinic.clinical;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a glucose reading: a null field is left as it is. The period and the note may be emptied, by an
 * {@link Edit} holding null. A new unit alone re-reads the value in that unit.
 */
public record GlucoseReadingChanges(@Nullable BigDecimal value, @Nullable GlucoseUnit unit,
		@Nullable Instant measuredAt, @Nullable Edit<GlucosePeriod> period, @Nullable Edit<String> note) {

	/** A new value for a field that may be empty: a null value empties it. */
	public record Edit<T>(@Nullable T value) {
	}

	public static GlucoseReadingChanges none() {
		return new GlucoseReadingChanges(null, null, null, null, null);
	}
}
