package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.Calendars;
import io.polyclinic.scheduling.internal.ClinicianCalendar;
import io.polyclinic.scheduling.internal.OpenedSlot;
import io.polyclinic.scheduling.internal.OpenedSlots;

/**
 * Slots a clinician opens in batches, beside the grid of their weekly hours: concrete slots of their own length for
 * the next {@value #DAYS} days, which every face then offers and books as grid slots ({@link Availability},
 * {@link AppointmentBook}). Only a clinician opens them, on their own time.
 */
@Service
public class SlotBatches {

	/** How many days a batch covers: today and the 27 after it, on the clinician's clock. */
	public static final int DAYS = 28;
	/** The shortest and the longest slot, as the directory bounds a consultation. */
	public static final int SHORTEST_MINUTES = 5;
	public static final int LONGEST_MINUTES = 480;

	private final OpenedSlots slots;
	private final Calendars calendars;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	SlotBatches(OpenedSlots slots, Calendars calendars, AccessPolicy access, AuditLog audit, Clock clock) {
		this.slots = slots;
		this.calendars = calendars;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The calling clinician opens the batch's slots on the batch's days from today to today + 27 (their clock), each
	 * starting at {@code start} and every {@code slotDurationMinutes} after while it ends by {@code end}; slots already
	 * started, and slots that would overlap one opened before, are left out — so that running a batch again opens
	 * nothing. Answers how many slots were opened.
	 *
	 * @throws Refusal FORBIDDEN (audited) for anyone but a clinician; INVALID_INPUT {@code daysOfWeek} without days,
	 *         {@code startTime}/{@code endTime} off whole minutes or not in order, {@code slotDurationMinutes} out of
	 *         {@value #SHORTEST_MINUTES}..{@value #LONGEST_MINUTES} or not dividing the time from start to end
	 */
	@Transactional
	public int open(SlotBatch batch, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.CLINICIAN || reach.clinicianId() == null) {
			throw access.denied(actor, "OPEN_SLOTS", "AVAILABILITY", null, null);
		}
		requireSensible(batch);
		long clinicianId = reach.clinicianId();
		ClinicianCalendar calendar = calendars.of(Ref.id(clinicianId)).orElseThrow(() -> Refusal.notFound("Clinician"));
		ZoneId zone = calendar.zone();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<OpenedSlot> wanted = new ArrayList<>();
		for (LocalDate date = today; date.isBefore(today.plusDays(DAYS)); date = date.plusDays(1)) {
			if (!batch.days().contains(date.getDayOfWeek())) {
				continue;
			}
			for (LocalTime t = batch.start(); !t.plusMinutes(batch.slotDurationMinutes()).isAfter(batch.end())
					&& t.isBefore(batch.end()); t = t.plusMinutes(batch.slotDurationMinutes())) {
				ZonedDateTime start = ZonedDateTime.of(date, t, zone);
				// a time the clock skips (a spring hour) names no slot; a time it names twice, its first naming
				if (!start.toLocalTime().equals(t) || !start.toInstant().isAfter(now)) {
					continue;
				}
				wanted.add(new OpenedSlot(start.toInstant(), start.plusMinutes(batch.slotDurationMinutes()).toInstant()));
			}
		}
		int opened = slots.open(clinicianId, wanted, now);
		audit.record(AuditRecord.success(actor, "CREATE", "AVAILABILITY", clinicianId, null));
		return opened;
	}

	private static void requireSensible(SlotBatch batch) {
		if (batch.days().isEmpty()) {
			throw Refusal.invalidField("daysOfWeek", "Name at least one day of the week");
		}
		if (batch.start().getSecond() != 0 || batch.start().getNano() != 0) {
			throw Refusal.invalidField("startTime", "Slots start on whole minutes");
		}
		if (batch.end().getSecond() != 0 || batch.end().getNano() != 0) {
			throw Refusal.invalidField("endTime", "Slots end on whole minutes");
		}
		if (!batch.start().isBefore(batch.end())) {
			throw Refusal.invalidField("endTime", "End time must be after start time");
		}
		int minutes = batch.slotDurationMinutes();
		if (minutes < SHORTEST_MINUTES || minutes > LONGEST_MINUTES) {
			throw Refusal.invalidField("slotDurationMinutes",
					"A slot lasts " + SHORTEST_MINUTES + " to " + LONGEST_MINUTES + " minutes");
		}
		long span = java.time.Duration.between(batch.start(), batch.end()).toMinutes();
		if (span % minutes != 0) {
			throw Refusal.invalidField("slotDurationMinutes",
					"The time from start to end (" + span + " minutes) must be a whole number of slots");
		}
	}
}
