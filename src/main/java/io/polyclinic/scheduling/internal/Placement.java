package io.polyclinic.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentRequest.GridSlot;
import io.polyclinic.scheduling.AppointmentRequest.Interval;
import io.polyclinic.scheduling.AppointmentRequest;

/**
 * Where on a clinician's time a request lands: a grid slot lasts one consultation, or as long as the slot the
 * clinician opened at that start; an interval lasts as asked (one consultation without an end), at most a day,
 * inside the clinician's hours (or one slot they opened) when it says so. Whether the time is
 * still free is the database's to decide, when the appointment is written.
 */
public record Placement(ZonedDateTime start, Instant end) {

	/** No appointment lasts longer (ck_appointments_interval). */
	public static final Duration LONGEST = Duration.ofDays(1);

	/**
	 * @throws Refusal INVALID_INPUT {@code startsAt} for a past time or one off the grid, {@code endsAt} for an
	 *         interval that ends before it starts or lasts over a day; CONFLICT SLOT_UNAVAILABLE outside the hours
	 */
	public static Placement of(ClinicianCalendar calendar, @Nullable Long centreId, AppointmentRequest.When when,
			Instant now, OpenedTimes opened) {
		int minutes = calendar.consultationMinutes();
		// a slot the clinician opened at that start is the grid slot there, as long as it was opened
		Instant gridStart = when instanceof AppointmentRequest.GridStart named ? named.startsAt()
				: when instanceof GridSlot slot ? ZonedDateTime.of(slot.date(), slot.time(), calendar.zone()).toInstant()
				: null;
		if (gridStart != null) {
			var end = opened.endOfSlotAt(gridStart);
			if (end.isPresent()) {
				requireFuture(gridStart, now);
				return new Placement(gridStart.atZone(calendar.zone()), end.get());
			}
		}
		if (when instanceof AppointmentRequest.GridStart named) {
			ZonedDateTime local = named.startsAt().atZone(calendar.zone());
			// a start the clinician's clock names twice (an autumn hour) is the grid slot of its first naming only
			if (!local.toLocalDateTime().atZone(calendar.zone()).toInstant().equals(named.startsAt())) {
				throw Refusal.invalidField("startsAt", "Appointment time is not on the clinician's slot grid");
			}
			// a slot named by id is on the grid or is none: outside the hours too, it names nothing (not a taken time)
			if (!SlotGrid.starts(calendar.hours(), local.toLocalDate(), centreId, minutes).contains(local.toLocalTime())) {
				throw Refusal.invalidField("startsAt", "Appointment time is not on the clinician's slot grid");
			}
			when = new GridSlot(local.toLocalDate(), local.toLocalTime());
		}
		if (when instanceof GridSlot slot) {
			ZonedDateTime start = ZonedDateTime.of(slot.date(), slot.time(), calendar.zone());
			requireFuture(start.toInstant(), now);
			if (!SlotGrid.starts(calendar.hours(), slot.date(), centreId, minutes).contains(slot.time())) {
				if (SlotGrid.withinHours(calendar.hours(), slot.date(), slot.time())) {
					throw Refusal.invalidField("startsAt",
							"Appointment time is not on the clinician's slot grid (every " + minutes + " minutes)");
				}
				throw unavailable();
			}
			return new Placement(start, start.plusMinutes(minutes).toInstant());
		}
		Interval interval = (Interval) when;
		ZonedDateTime start = interval.startsAt().atZone(calendar.zone());
		Instant end = interval.endsAt() != null ? interval.endsAt() : interval.startsAt().plus(Duration.ofMinutes(minutes));
		if (!end.isAfter(interval.startsAt())) {
			throw Refusal.invalidField("endsAt", "An appointment must end after it starts");
		}
		if (Duration.between(interval.startsAt(), end).compareTo(LONGEST) > 0) {
			throw Refusal.invalidField("endsAt", "An appointment lasts a day at most");
		}
		requireFuture(interval.startsAt(), now);
		if (interval.withinHours() && !SlotGrid.covers(calendar.hours(), start, end.atZone(calendar.zone()), centreId)
				&& !opened.holds(interval.startsAt(), end)) {
			throw unavailable();
		}
		return new Placement(start, end);
	}

	private static void requireFuture(Instant start, Instant now) {
		if (!start.isAfter(now)) {
			throw Refusal.invalidField("startsAt", "Appointment time must be in the future");
		}
	}

	private static Refusal unavailable() {
		return Refusal.conflict("SLOT_UNAVAILABLE", "The clinician is not available at this time");
	}
}
