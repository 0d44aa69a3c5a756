package io.polyclinic.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The dashboard's trends: each figure of this calendar month so far against the same stretch of last month (from
 * its first day to as far into it as this month has gone, ending at last month's end), on the clinic's clock, for
 * the whole clinic or one centre.
 *
 * @param patients patients registered (of a centre: those of them with an appointment there), account not deleted
 * @param doctors clinicians who joined, active and not deleted now (of a centre: whose primary centre it is)
 * @param followUps follow-ups booked: appointments made in the stretch, not cancelled, with an earlier one, not
 *        cancelled, of the same patient and clinician (as {@link Overview#totalFollowUps()} counts them)
 * @param revenueMinor money taken less money refunded in the stretch, in minor units of the clinic's currency
 */
public record MonthOverMonth(Change patients, Change doctors, Change followUps, Change revenueMinor) {

	/** One figure in the two stretches. */
	public record Change(long thisMonth, long lastMonth) {

		/**
		 * The change in percent of last month's figure, to one decimal place (half up); from nothing it is 100 when
		 * there is something now and 0 when there is still nothing.
		 */
		public double percent() {
			if (lastMonth == 0) {
				return thisMonth == 0 ? 0 : 100;
			}
			return BigDecimal.valueOf(thisMonth - lastMonth).multiply(BigDecimal.valueOf(100))
				.divide(BigDecimal.valueOf(Math.abs(lastMonth)), 1, RoundingMode.HALF_UP).doubleValue();
		}
	}
}
