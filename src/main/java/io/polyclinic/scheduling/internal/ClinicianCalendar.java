package io.polyclinic.scheduling.internal;

import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AvailabilityRule;

/**
 * A clinician as booking and slot search see them: their clock, the length and fee of a consultation, their home
 * centre, whether they take appointments, and their weekly hours (in week order).
 */
public record ClinicianCalendar(long clinicianId, ZoneId zone, int consultationMinutes, long feeMinor, String currency,
		@Nullable Long homeCentreId, boolean bookable, List<AvailabilityRule> hours) {
}
