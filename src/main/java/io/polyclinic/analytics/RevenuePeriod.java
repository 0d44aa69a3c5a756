package io.polyclinic.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How revenue is divided over time, and how far back it looks: the last 30 days by day, the last 12 ISO weeks by
 * their Monday, the last 12 months by their first day, the last 5 years by their first day — the current one
 * included each time.
 */
public enum RevenuePeriod {
	DAY(30), WEEK(12), MONTH(12), YEAR(5);

	private final int buckets;

	RevenuePeriod(int buckets) {
		this.buckets = buckets;
	}

	public int buckets() {
		return buckets;
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The first day of the bucket that holds this day. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	/** The first day of the bucket after the one starting on this day. */
	public LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case YEAR -> start.plusYears(1);
		};
	}

	/** The first day of the bucket before the one starting on this day. */
	public LocalDate previous(LocalDate start) {
		return switch (this) {
			case DAY -> start.minusDays(1);
			case WEEK -> start.minusWeeks(1);
			case MONTH -> start.minusMonths(1);
			case YEAR -> start.minusYears(1);
		};
	}

	public static Optional<RevenuePeriod> parse(String value) {
		return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value.trim())).findFirst();
	}
}
