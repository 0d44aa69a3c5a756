package io.polyclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * One day's rule of a clinician's week, as a clinician keeps it one day at a time: a window of hours on their clock,
 * open or closed, with breaks inside it. It is one available (or unavailable) window of the clinician's hours, and each
 * break an unavailable window of the same day that blocks the slots it overlaps: the grid every face books is the same.
 *
 * @param id the window's id, stable while the rule lives (replacing a clinician's hours as a whole makes new rules)
 */
public record WeeklyRule(long id, DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, boolean available,
		List<Break> breaks) {

	/** A pause inside the rule's window, start before end. */
	public record Break(LocalTime start, LocalTime end) {
	}

	/** A rule to add, or what a rule becomes. */
	public record Changes(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, boolean available,
			List<Break> breaks) {
	}
}
