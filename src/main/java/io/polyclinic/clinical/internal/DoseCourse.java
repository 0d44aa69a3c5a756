package io.polyclinic.clinical.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The doses of a course, as instants: a course of N days is N days' worth of doses counted from the first dose time
 * after the prescription is written (a course written at night starts next morning and loses no dose), on the
 * prescriber's calendar. A course whose length is not named runs to the end of the prescription's validity.
 *
 * @param endsAt the end of the day of the last dose (or of the validity, for a medicine taken when needed)
 */
public record DoseCourse(Instant startsAt, Instant endsAt, List<Instant> doses) {

	/** No course is reminded of beyond a year, nor of more doses than a year of six a day. */
	static final int LONGEST_DAYS = 366;

	public DoseCourse {
		doses = List.copyOf(doses);
	}

	public static DoseCourse plan(DoseSchedule schedule, OptionalInt courseDays, LocalDate validUntil, ZoneId zone,
			Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate lastValidDay = validUntil.isBefore(today) ? today : validUntil;
		if (schedule.asNeeded()) {
			LocalDate last = courseDays.isPresent() ? today.plusDays(courseDays.getAsInt() - 1L) : lastValidDay;
			return new DoseCourse(now, endOf(last, zone), List.of());
		}
		int days = Math.min(courseDays.orElse(Integer.MAX_VALUE), LONGEST_DAYS);
		long wanted = courseDays.isPresent()
				? (long) schedule.times().size() * ((days + schedule.everyDays() - 1) / schedule.everyDays())
				: Long.MAX_VALUE;
		List<Instant> doses = new ArrayList<>();
		LocalDate firstDay = null;
		for (LocalDate day = today; doses.size() < wanted && !day.isAfter(today.plusDays(LONGEST_DAYS)); day = day
			.plusDays(1)) {
			if (courseDays.isEmpty() && day.isAfter(lastValidDay)) {
				break;
			}
			if (firstDay != null && (day.toEpochDay() - firstDay.toEpochDay()) % schedule.everyDays() != 0) {
				continue;
			}
			for (LocalTime time : schedule.times()) {
				Instant at = day.atTime(time).atZone(zone).toInstant();
				if (at.isAfter(now) && doses.size() < wanted) {
					doses.add(at);
					if (firstDay == null) {
						firstDay = day;
					}
				}
			}
		}
		if (doses.isEmpty()) {
			return new DoseCourse(now, endOf(today, zone), List.of());
		}
		LocalDate lastDay = LocalDate.ofInstant(doses.get(doses.size() - 1), zone);
		return new DoseCourse(doses.get(0), endOf(lastDay, zone), doses);
	}

	private static Instant endOf(LocalDate day, ZoneId zone) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}
}
