package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.internal.BlockedTimes;
import io.polyclinic.scheduling.internal.Calendars;
import io.polyclinic.scheduling.internal.ClinicianCalendar;
import io.polyclinic.scheduling.internal.Placement;

/**
 * Time taken out of clinicians' calendars. A block makes its time unavailable: the slot grid shows the slots it
 * overlaps as taken, and booking refuses time inside it. Blocking, unblocking and reading blocks is for the keepers of
 * the clinician — those who set the clinician's hours ({@link Availability#replaceRules}); reading every clinician's
 * blocks at once is for the clinic's administrators and managers. Appointments already booked in blocked time stay:
 * {@link #affectedPatients} lists them, for staff to call and move.
 */
@Service
@Transactional(readOnly = true)
public class TimeBlocks {

	/** One reason at most this long, as the table keeps it. */
	public static final int MAX_REASON = 500;

	/** An appointment, not cancelled, in time that is or may be blocked, with its patient to call. */
	public record AffectedPatient(long appointmentId, Instant startsAt, AppointmentStatus status, long patientId,
			String patientName, @Nullable String patientPhone, @Nullable String patientEmail, String clinicianName) {
	}

	private final BlockedTimes blocks;
	private final Calendars calendars;
	private final ClinicianRegistry clinicians;
	private final AuditLog audit;
	private final Clock clock;

	TimeBlocks(BlockedTimes blocks, Calendars calendars, ClinicianRegistry clinicians, AuditLog audit, Clock clock) {
		this.blocks = blocks;
		this.calendars = calendars;
		this.clinicians = clinicians;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Blocks [startsAt, endsAt) of the clinician's time: a day at most, not over already; keepers of the clinician.
	 *
	 * @throws Refusal NOT_FOUND for no such clinician; INVALID_INPUT for an empty, past or too long interval or a
	 *         too long reason; FORBIDDEN for anyone else than the clinician's keepers
	 */
	@Transactional
	public TimeBlock block(Ref clinician, Instant startsAt, Instant endsAt, @Nullable String reason, Actor actor) {
		ClinicianCalendar calendar = calendar(clinician);
		clinicians.requireKeeper(calendar.clinicianId(), actor, "BLOCK_TIME");
		if (!endsAt.isAfter(startsAt)) {
			throw Refusal.invalidField("endTime", "Start time must be before end time");
		}
		if (Duration.between(startsAt, endsAt).compareTo(Placement.LONGEST) > 0) {
			throw Refusal.invalidField("endTime", "A block lasts a day at most");
		}
		if (!endsAt.isAfter(clock.instant())) {
			throw Refusal.invalidField("date", "Cannot block time in the past");
		}
		String text = reason == null || reason.isBlank() ? null : reason.trim();
		if (text != null && text.length() > MAX_REASON) {
			throw Refusal.invalidField("reason", "At most " + MAX_REASON + " characters");
		}
		long id = blocks.insert(calendar.clinicianId(), startsAt, endsAt, text, actor.auditUserId(), clock.instant());
		audit.record(AuditRecord.success(actor, "BLOCK_TIME", "CLINICIAN", calendar.clinicianId(), null));
		return blocks.find(id).orElseThrow();
	}

	/**
	 * Blocks a span of a day on the clinician's clock: from {@code start} to {@code end}, the whole day when both are
	 * left out (midnight to midnight), up to the day's end when {@code end} is.
	 */
	@Transactional
	public TimeBlock block(Ref clinician, LocalDate date, @Nullable LocalTime start, @Nullable LocalTime end,
			@Nullable String reason, Actor actor) {
		ZoneId zone = calendar(clinician).zone();
		Instant from = ZonedDateTime.of(date, start == null ? LocalTime.MIDNIGHT : start, zone).toInstant();
		Instant to = end == null ? date.plusDays(1).atStartOfDay(zone).toInstant()
				: ZonedDateTime.of(date, end, zone).toInstant();
		return block(clinician, from, to, reason, actor);
	}

	/** A span of a day on a clinician's clock to block, as {@link #block(Ref, LocalDate, LocalTime, LocalTime, String, Actor)} takes it. */
	public record Span(Ref clinician, LocalDate date, @Nullable LocalTime start, @Nullable LocalTime end,
			@Nullable String reason) {
	}

	/** Blocks several spans, all or none: the first refused refuses the whole. */
	@Transactional
	public List<TimeBlock> blockAll(List<Span> spans, Actor actor) {
		return spans.stream().map(s -> block(s.clinician(), s.date(), s.start(), s.end(), s.reason(), actor)).toList();
	}

	/** Removes a block (its row stays, marked removed); keepers of its clinician. NOT_FOUND for no active block. */
	@Transactional
	public TimeBlock unblock(long id, Actor actor) {
		TimeBlock block = blocks.find(id).filter(TimeBlock::active).orElseThrow(() -> Refusal.notFound("Blocked slot"));
		clinicians.requireKeeper(block.clinicianId(), actor, "UNBLOCK_TIME");
		blocks.remove(id, clock.instant());
		audit.record(AuditRecord.success(actor, "UNBLOCK_TIME", "CLINICIAN", block.clinicianId(), null));
		return blocks.find(id).orElseThrow();
	}

	/**
	 * The blocks that reach into the days {@code from} to {@code to} (both included, each clinician's clock), in
	 * order of start: of one clinician (their keepers), or of all (administrators and managers).
	 */
	public List<TimeBlock> list(@Nullable Long clinicianId, LocalDate from, LocalDate to, boolean withRemoved,
			Actor actor) {
		if (to.isBefore(from)) {
			throw Refusal.invalidField("date_to", "Must not be before date_from");
		}
		if (from.plusDays(Availability.MAXIMUM_RANGE_DAYS).isBefore(to)) {
			throw Refusal.invalidField("date_to", "At most " + Availability.MAXIMUM_RANGE_DAYS + " days at once");
		}
		if (clinicianId != null) {
			clinicians.requireKeeper(clinicianId, actor, "READ_BLOCKS");
		}
		else if (!actor.is(Role.ADMIN, Role.MANAGER)) {
			audit.recordDenied(AuditRecord.denied(actor, "READ_BLOCKS", "CLINICIAN", null, null));
			throw Refusal.forbidden();
		}
		// the widest clocks are 14 hours either side of UTC: read a day more each way, keep the days on each clock
		Instant wideFrom = from.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		Instant wideTo = to.plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		return blocks.list(clinicianId, wideFrom, wideTo, withRemoved).stream()
			.filter(b -> b.startsAt().isBefore(to.plusDays(1).atStartOfDay(b.zone()).toInstant())
					&& b.endsAt().isAfter(from.atStartOfDay(b.zone()).toInstant()))
			.toList();
	}

	/** The clinician's appointments, not cancelled, that overlap [from, to): keepers of the clinician. */
	public List<AffectedPatient> affectedPatients(Ref clinician, Instant from, Instant to, Actor actor) {
		long clinicianId = calendar(clinician).clinicianId();
		clinicians.requireKeeper(clinicianId, actor, "READ_BLOCKS");
		if (!to.isAfter(from)) {
			throw Refusal.invalidField("endTime", "Start time must be before end time");
		}
		return blocks.affected(clinicianId, from, to);
	}

	/** As above, for a span of a day on the clinician's clock (the whole day when both times are left out). */
	public List<AffectedPatient> affectedPatients(Ref clinician, LocalDate date, @Nullable LocalTime start,
			@Nullable LocalTime end, Actor actor) {
		ZoneId zone = calendar(clinician).zone();
		Instant from = ZonedDateTime.of(date, start == null ? LocalTime.MIDNIGHT : start, zone).toInstant();
		Instant to = end == null ? date.plusDays(1).atStartOfDay(zone).toInstant()
				: ZonedDateTime.of(date, end, zone).toInstant();
		return affectedPatients(clinician, from, to, actor);
	}

	private ClinicianCalendar calendar(Ref clinician) {
		return calendars.of(clinician).orElseThrow(() -> Refusal.notFound("Clinician"));
	}
}
