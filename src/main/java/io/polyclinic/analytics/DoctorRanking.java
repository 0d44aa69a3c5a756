package io.polyclinic.analytics;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A clinician's place among the busiest.
 *
 * @param totalAppointments appointments, not cancelled
 * @param totalRevenueMinor what was paid for their appointments less what was refunded of it, in minor units (paise)
 * @param averageRating the mean of all their reviews to one decimal, half up; null without reviews
 */
public record DoctorRanking(long clinicianId, String clinicianName, long totalAppointments, long totalRevenueMinor,
		@Nullable BigDecimal averageRating) {
}
