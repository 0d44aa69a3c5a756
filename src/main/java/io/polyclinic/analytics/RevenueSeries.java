package io.polyclinic.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Revenue over a period's window, oldest bucket first, every bucket present (zero when nothing was paid).
 *
 * @param totalRevenueMinor everything paid in the window, in minor units (paise)
 */
public record RevenueSeries(RevenuePeriod period, long totalRevenueMinor, List<Bucket> buckets) {

	/** What was paid from {@code start} (a date on the clinic's clock) to the next bucket's start. */
	public record Bucket(LocalDate start, long revenueMinor) {
	}
}
