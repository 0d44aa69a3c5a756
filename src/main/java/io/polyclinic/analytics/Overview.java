package io.polyclinic.analytics;

/**
 * The dashboard's headline figures, for the whole clinic or one centre.
 *
 * @param totalPatients patients (of the centre: with an appointment there)
 * @param totalDoctors active clinicians, not deleted (of the centre: whose primary centre it is)
 * @param totalFollowUps appointments, not cancelled, that come after an earlier one, not cancelled, of the same patient
 *        with the same clinician
 * @param totalRevenueMinor everything paid less everything refunded, in minor units (paise) of the clinic's currency
 * @param appointmentsToday appointments, not cancelled, starting today on the clinic's clock; likewise this ISO week
 *        (Monday to Sunday) and this calendar month, future ones of the period included
 */
public record Overview(long totalPatients, long totalDoctors, long totalFollowUps, long totalRevenueMinor,
		long appointmentsToday, long appointmentsThisWeek, long appointmentsThisMonth) {
}
