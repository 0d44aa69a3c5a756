package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.Slot;

/**
 * A clinician's slots for one day: each available window cut into consultations of the clinician's length, minus
 * what blocking windows cover, on the clinician's clock. Whether a slot is still free is for the caller to say.
 */
public final class SlotGrid {

	private SlotGrid() {
	}

	/** The start times of the day's grid, in order, for the given centre (rules of any centre count too). */
	public static List<LocalTime> starts(Collection<AvailabilityRule> rules, LocalDate date, @Nullable Long centreId,
			int minutes) {
		Set<LocalTime> starts = new TreeSet<>();
		List<AvailabilityRule> blocks = rules.stream()
			.filter(r -> !r.available() && r.dayOfWeek() == date.getDayOfWeek())
			.toList();
		for (AvailabilityRule rule : rules) {
			if (!rule.available() || rule.dayOfWeek() != date.getDayOfWeek()
					|| (centreId != null && rule.centreId() != null && !rule.centreId().equals(centreId))) {
				continue;
			}
			for (LocalTime t = rule.startTime(); !t.plusMinutes(minutes).isAfter(rule.endTime())
					&& !t.plusMinutes(minutes).isBefore(t); t = t.plusMinutes(minutes)) {
				LocalTime start = t;
				boolean blocked = blocks.stream()
					.anyMatch(b -> start.isBefore(b.endTime()) && start.plusMinutes(minutes).isAfter(b.startTime()));
				if (!blocked) {
					starts.add(start);
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

	public static List<Slot> slots(List<LocalTime> starts, LocalDate date, ZoneId zone, Collection<Instant> held,
			Instant now) {
		List<Slot> slots = new ArrayList<>();
		for (LocalTime time : starts) {
			Instant at = ZonedDateTime.of(date, time, zone).toInstant();
			slots.add(new Slot(time, at, at.isAfter(now) && !held.contains(at)));
		}
		return slots;
	}
}
