package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.Slot;

/**
 * A clinician's hours on one day, on the clinician's clock: the grid of slots (each available window cut into
 * consultations of the clinician's length, minus what blocking windows cover, with the slots they opened), and whether a free interval lies
 * inside the hours. Whether time is still free is for the caller to say.
 */
public final class SlotGrid {

	public static final Comparator<AvailabilityRule> WEEK_ORDER = Comparator.comparing(AvailabilityRule::dayOfWeek)
		.thenComparing(AvailabilityRule::startTime);

	private SlotGrid() {
	}

	/** The start times of the day's grid, in order, for the given centre (rules of any centre count too). */
	public static List<LocalTime> starts(Collection<AvailabilityRule> rules, LocalDate date, @Nullable Long centreId,
			int minutes) {
		Set<LocalTime> starts = new TreeSet<>();
		for (AvailabilityRule rule : rules) {
			if (!opens(rule, date, centreId)) {
				continue;
			}
			for (LocalTime t = rule.startTime(); !t.plusMinutes(minutes).isAfter(rule.endTime())
					&& !t.plusMinutes(minutes).isBefore(t); t = t.plusMinutes(minutes)) {
				if (!blocked(rules, date, t, t.plusMinutes(minutes))) {
					starts.add(t);
				}
				if (t.plusMinutes(minutes).equals(LocalTime.MIDNIGHT)) {
					break;
				}
			}
		}
		return List.copyOf(starts);
	}

	/** Whether any available window of the day covers the given time at all. */
	public static boolean withinHours(Collection<AvailabilityRule> rules, LocalDate date, LocalTime time) {
		return rules.stream()
			.anyMatch(r -> r.available() && r.dayOfWeek() == date.getDayOfWeek() && !time.isBefore(r.startTime())
					&& time.isBefore(r.endTime()));
	}

	/**
	 * Whether [start, end) lies inside one available window of its day (for the given centre) and clear of every
	 * blocking window: an interval that crosses midnight lies inside no day's hours.
	 */
	public static boolean covers(Collection<AvailabilityRule> rules, ZonedDateTime start, ZonedDateTime end,
			@Nullable Long centreId) {
		LocalDate date = start.toLocalDate();
		LocalTime from = start.toLocalTime();
		LocalTime to;
		if (end.toLocalDate().equals(date)) {
			to = end.toLocalTime();
		}
		else if (end.toLocalDate().equals(date.plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			to = LocalTime.MAX;
		}
		else {
			return false;
		}
		return rules.stream()
			.anyMatch(r -> opens(r, date, centreId) && !from.isBefore(r.startTime()) && !to.isAfter(r.endTime()))
				&& !blocked(rules, date, from, to);
	}

	/**
	 * The day's grid as slots, in order of start: the weekly hours' starts (each one consultation long) and the slots
	 * the clinician opened that start on the day (each as long as opened; an opened slot stands for a grid start at
	 * the same instant) — each free when still ahead and clear of every busy interval.
	 */
	public static List<Slot> slots(List<LocalTime> starts, Collection<OpenedSlot> opened, LocalDate date, ZoneId zone,
			int minutes, Collection<Busy> busy, Instant now) {
		Map<Instant, Slot> slots = new TreeMap<>();
		for (LocalTime time : starts) {
			ZonedDateTime start = ZonedDateTime.of(date, time, zone);
			Instant at = start.toInstant();
			Instant end = start.plusMinutes(minutes).toInstant();
			slots.put(at, new Slot(time, at, free(at, end, busy, now), time.plusMinutes(minutes), end));
		}
		for (OpenedSlot slot : opened) {
			ZonedDateTime start = slot.startsAt().atZone(zone);
			if (start.toLocalDate().equals(date)) {
				slots.put(slot.startsAt(), new Slot(start.toLocalTime(), slot.startsAt(),
						free(slot.startsAt(), slot.endsAt(), busy, now), slot.endsAt().atZone(zone).toLocalTime(),
						slot.endsAt()));
			}
		}
		return List.copyOf(slots.values());
	}

	private static boolean free(Instant at, Instant end, Collection<Busy> busy, Instant now) {
		return at.isAfter(now) && busy.stream().noneMatch(b -> b.overlaps(at, end));
	}

	private static boolean opens(AvailabilityRule rule, LocalDate date, @Nullable Long centreId) {
		return rule.available() && rule.dayOfWeek() == date.getDayOfWeek()
				&& (centreId == null || rule.centreId() == null || rule.centreId().equals(centreId));
	}

	private static boolean blocked(Collection<AvailabilityRule> rules, LocalDate date, LocalTime from, LocalTime to) {
		return rules.stream()
			.anyMatch(b -> !b.available() && b.dayOfWeek() == date.getDayOfWeek() && from.isBefore(b.endTime())
					&& to.isAfter(b.startTime()));
	}
}
