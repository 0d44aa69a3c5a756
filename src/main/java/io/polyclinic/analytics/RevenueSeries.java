package io.polyclinic.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Revenue over a period's window, oldest bucket first, every bucket present (zero when nothing was paid). Revenue is
 * net of refunds on a cash basis: a payment counts in the bucket it was settled in, a refund (negative) in the bucket
 * it was processed in, so a bucket with more refunded than paid is negative.
 *
 * @param totalRevenueMinor everything paid in the window less everything refunded in it, in minor units (paise)
 */
public record RevenueSeries(RevenuePeriod period, long totalRevenueMinor, List<Bucket> buckets) {

	/**
	 * What was paid from {@code start} (a date on the clinic's clock) to the next bucket's start, less what was
	 * refunded in that time.
	 */
	public record Bucket(LocalDate start, long revenueMinor) {
	}
}
