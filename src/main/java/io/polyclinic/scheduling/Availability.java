package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.AvailabilityWindow;
import io.polyclinic.scheduling.internal.AvailabilityWindows;
import io.polyclinic.scheduling.internal.BlockedTimes;
import io.polyclinic.scheduling.internal.Calendars;
import io.polyclinic.scheduling.internal.ClinicianCalendar;
import io.polyclinic.scheduling.internal.Placement;
import io.polyclinic.scheduling.internal.SlotGrid;

/**
 * Clinicians' weekly hours and the slots they yield on a given day. Anyone may read a listed clinician's hours and
 * slots (patients choose whom to see); only the keepers of a clinician set their hours — administrators, managers,
 * and the centre manager of the clinician's home centre (the directory's answer).
 */
@Service
@Transactional(readOnly = true)
public class Availability {

	private final AvailabilityWindows windows;
	private final Calendars calendars;
	private final BlockedTimes blocked;
	private final ClinicianRegistry clinicians;
	private final AuditLog audit;
	private final Clock clock;

	Availability(AvailabilityWindows windows, Calendars calendars, BlockedTimes blocked, ClinicianRegistry clinicians,
			AuditLog audit, Clock clock) {
		this.windows = windows;
		this.calendars = calendars;
		this.blocked = blocked;
		this.clinicians = clinicians;
		this.audit = audit;
		this.clock = clock;
	}

	/** A listed clinician's weekly hours, in week order; 404 for anyone not taking appointments. */
	public List<AvailabilityRule> weeklyHours(Ref clinician) {
		return listed(clinician).hours();
	}

	public List<AvailabilityRule> weeklyHours(long clinicianId) {
		return weeklyHours(Ref.id(clinicianId));
	}

	/** Replaces a clinician's weekly hours as a whole: keepers of the clinician, or the clinician themself. */
	@Transactional
	public List<AvailabilityRule> replaceRules(Ref clinician, List<AvailabilityRule> rules, Actor actor) {
		long id = clinician.numeric() ? clinician.id()
				: calendars.of(clinician).orElseThrow(() -> Refusal.notFound("Clinician")).clinicianId();
		return replaceRules(id, rules, actor);
	}

	@Transactional
	public List<AvailabilityRule> replaceRules(long clinicianId, List<AvailabilityRule> rules, Actor actor) {
		clinicians.requireKeeperOrSelf(clinicianId, actor, "UPDATE_HOURS");
		for (int i = 0; i < rules.size(); i++) {
			AvailabilityRule rule = rules.get(i);
			if (!rule.startTime().isBefore(rule.endTime())) {
				throw Refusal.invalidField("hours[" + i + "]", "startTime must be before endTime");
			}
		}
		windows.deleteOfClinician(clinicianId);
		windows.flush();
		rules.forEach(r -> windows.save(new AvailabilityWindow(clinicianId, r)));
		audit.record(AuditRecord.success(actor, "UPDATE", "AVAILABILITY", clinicianId, null));
		return rules.stream().sorted(SlotGrid.WEEK_ORDER).toList();
	}

	/** The weekly hours of several clinicians, listed or not, in one query: for lists of clinicians. */
	public Map<Long, List<AvailabilityRule>> weeklyHoursOf(Collection<Long> clinicianIds) {
		if (clinicianIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<AvailabilityRule>> hours = new LinkedHashMap<>();
		windows.ofClinicians(Set.copyOf(clinicianIds))
			.forEach(w -> hours.computeIfAbsent(w.getClinicianId(), k -> new ArrayList<>()).add(w.toRule()));
		hours.values().forEach(rules -> rules.sort(SlotGrid.WEEK_ORDER));
		return hours;
	}

	/**
	 * Removes a clinician's weekly rules of one day of the week: those kept at the given centre and those kept at
	 * none (online), or every rule of the day when no centre is given. Keepers of the clinician only, as for
	 * {@link #replaceRules(long, List, Actor)}; answers the hours left.
	 */
	@Transactional
	public List<AvailabilityRule> removeDay(long clinicianId, DayOfWeek day, @Nullable Long centreId, Actor actor) {
		clinicians.requireKeeper(clinicianId, actor, "UPDATE_HOURS");
		List<AvailabilityRule> left = weeklyHours(clinicianId).stream()
			.filter(r -> r.dayOfWeek() != day || (centreId != null && r.centreId() != null
					&& !centreId.equals(r.centreId())))
			.toList();
		return replaceRules(clinicianId, left, actor);
	}

	/**
	 * The day's grid on the clinician's clock — the weekly hours' slots and those the clinician opened
	 * ({@link SlotBatches}), each with its own length — each slot free unless it is past, or an active appointment or
	 * a block of the clinician's time ({@link TimeBlocks}) overlaps it, whichever face booked that appointment, on the
	 * grid or not. Appointments, blocks and opened slots are read in one statement.
	 */
	public List<Slot> slots(Ref clinician, @Nullable Long centreId, LocalDate date) {
		ClinicianCalendar calendar = listed(clinician);
		ZoneId zone = calendar.zone();
		int minutes = calendar.consultationMinutes();
		var starts = SlotGrid.starts(calendar.hours(), date, centreId, minutes);
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		var time = blocked.timeBook(calendar.clinicianId(), from, to, from.minus(Placement.LONGEST));
		return SlotGrid.slots(starts, time.opened(), date, zone, minutes, time.busy(), clock.instant());
	}

	public List<Slot> slots(long clinicianId, @Nullable Long centreId, LocalDate date) {
		return slots(Ref.id(clinicianId), centreId, date);
	}

	/** The longest range of days {@link #slots(Ref, Long, LocalDate, LocalDate)} answers at once. */
	public static final int MAXIMUM_RANGE_DAYS = 93;

	/**
	 * The grids of a range of days, first to last inclusive ({@value #MAXIMUM_RANGE_DAYS} days at most), as
	 * {@link #slots(Ref, Long, LocalDate)} has each day's, with the clinician's bookings read once for the range.
	 * Days without hours or opened slots are left out.
	 */
	public Map<LocalDate, List<Slot>> slots(Ref clinician, @Nullable Long centreId, LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			throw Refusal.invalidField("endDate", "Must not be before startDate");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAXIMUM_RANGE_DAYS) {
			throw Refusal.invalidField("endDate", "At most " + MAXIMUM_RANGE_DAYS + " days at once");
		}
		ClinicianCalendar calendar = listed(clinician);
		ZoneId zone = calendar.zone();
		int minutes = calendar.consultationMinutes();
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
		var time = blocked.timeBook(calendar.clinicianId(), from, to, from.minus(Placement.LONGEST));
		Instant now = clock.instant();
		Map<LocalDate, List<Slot>> days = new LinkedHashMap<>();
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			var starts = SlotGrid.starts(calendar.hours(), date, centreId, minutes);
			var day = SlotGrid.slots(starts, time.opened(), date, zone, minutes, time.busy(), now);
			if (!day.isEmpty()) {
				days.put(date, day);
			}
		}
		return days;
	}

	/** The longest range of days {@link #daysWithFreeSlots} answers in one call. */
	public static final int MAX_DAYS = 92;

	/** A day with free slots: how many, and the first of them, on the clinician's clock. */
	public record FreeDay(LocalDate date, int freeSlots, LocalTime firstFree) {
	}

	/**
	 * The days from {@code from} to {@code to} (both included) on which a listed clinician has at least one free slot,
	 * in order, from the range's grids ({@link #slots(Ref, Long, LocalDate, LocalDate)}: one read of the busy time).
	 * Public, like the slots themselves.
	 *
	 * @throws Refusal NOT_FOUND for a clinician not taking appointments; INVALID_INPUT when {@code to} is before
	 *         {@code from} or the range is longer than {@value #MAX_DAYS} days
	 */
	public List<FreeDay> daysWithFreeSlots(long clinicianId, @Nullable Long centreId, LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw Refusal.invalidField("endDate", "End date must not be before start date");
		}
		if (from.plusDays(MAX_DAYS - 1L).isBefore(to)) {
			throw Refusal.invalidField("endDate", "At most " + MAX_DAYS + " days at a time");
		}
		List<FreeDay> days = new ArrayList<>();
		slots(Ref.id(clinicianId), centreId, from, to).forEach((day, slots) -> {
			List<Slot> free = slots.stream().filter(Slot::available).toList();
			if (!free.isEmpty()) {
				days.add(new FreeDay(day, free.size(), free.get(0).time()));
			}
		});
		return days;
	}

	/** The longest range of days {@link #openSlots} answers at once. */
	public static final int MAX_OPEN_SLOT_DAYS = 31;

	/**
	 * The free slots of a listed clinician from {@code first} to {@code last} (both included, days of the clinician's
	 * clock, at most {@value #MAX_OPEN_SLOT_DAYS}), soonest first, each with its {@link SlotId}: the grid of
	 * {@link #slots(Ref, Long, LocalDate, LocalDate)} without what is past or taken — by an appointment of any face or
	 * a block. Public, like the slots themselves.
	 *
	 * @throws Refusal NOT_FOUND for a clinician not taking appointments; INVALID_INPUT {@code dateTo} for a range that
	 *         ends before it starts or is too long
	 */
	public List<OpenSlot> openSlots(long clinicianId, LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			throw Refusal.invalidField("dateTo", "Must not be before the first date");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_OPEN_SLOT_DAYS) {
			throw Refusal.invalidField("dateTo", "At most " + MAX_OPEN_SLOT_DAYS + " days at once");
		}
		ClinicianCalendar calendar = listed(Ref.id(clinicianId));
		ZoneId zone = calendar.zone();
		List<OpenSlot> open = new ArrayList<>();
		slots(Ref.id(clinicianId), null, first, last).forEach((date, slots) -> slots.stream()
			.filter(Slot::available)
			.forEach(s -> open.add(new OpenSlot(new SlotId(calendar.clinicianId(), s.startsAt()), date, s.time(),
					s.endTime(), s.startsAt(), s.endsAt(), zone))));
		return open;
	}

	/** Today on a listed clinician's clock: where "from today" starts for them. */
	public LocalDate today(long clinicianId) {
		return LocalDate.now(clock.withZone(listed(Ref.id(clinicianId)).zone()));
	}

	private ClinicianCalendar listed(Ref clinician) {
		return calendars.of(clinician).filter(ClinicianCalendar::bookable)
			.orElseThrow(() -> Refusal.notFound("Clinician"));
	}
}
