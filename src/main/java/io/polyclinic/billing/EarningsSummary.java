package io.polyclinic.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A clinician's money at a glance, in minor units of {@code currency}: what their appointments brought in and what went
 * back, their share of it after the platform's commission — of all time and of this month (in their zone) — and how
 * much of it payouts have paid, are paying, or have still to pay.
 *
 * @param paidMinor every payment settled for their appointments
 * @param refundedMinor every refund processed of those payments
 * @param totalEarningsMinor their share of all time: (paid − refunded) less the commission
 * @param thisMonthEarningsMinor their share of the payments and refunds of this calendar month
 * @param pendingPayoutsMinor what payouts that are pending or processing will pay
 * @param paidOutMinor what completed payouts paid
 * @param unpaidEarningsMinor their share not yet in any payout (failed payouts count as not paid)
 * @param completedAppointments their completed appointments that were paid for
 * @param recentPayouts their five newest payouts
 */
public record EarningsSummary(long clinicianId, String currency, BigDecimal commissionRate, long paidMinor,
		long refundedMinor, long totalEarningsMinor, long thisMonthEarningsMinor, long pendingPayoutsMinor,
		long paidOutMinor, long unpaidEarningsMinor, long completedAppointments, List<Payout> recentPayouts) {
}
