package io.polyclinic.scheduling;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.internal.AvailabilityWindow;
import io.polyclinic.scheduling.internal.AvailabilityWindows;

/**
 * A clinician keeps their own week one day at a time ({@link WeeklyRule}): at most one rule per day of the week, its
 * end after its start, its breaks inside it. These are the same hours {@link Availability} replaces as a whole for
 * the clinic's staff and other faces, and slots are cut from them alike. Only the clinician themself, resolved from
 * the caller: a rule of another clinician is not found, anyone but a clinician with a profile is refused.
 */
@Service
@Transactional(readOnly = true)
public class WeeklyRules {

	private static final Comparator<WeeklyRule> WEEK_ORDER = Comparator.comparing(WeeklyRule::dayOfWeek)
		.thenComparing(WeeklyRule::startTime).thenComparing(WeeklyRule::id);

	private final AvailabilityWindows windows;
	private final JdbcClient jdbc;
	private final ClinicianRegistry clinicians;
	private final AccessPolicy access;
	private final AuditLog audit;

	WeeklyRules(AvailabilityWindows windows, JdbcClient jdbc, ClinicianRegistry clinicians, AccessPolicy access,
			AuditLog audit) {
		this.windows = windows;
		this.jdbc = jdbc;
		this.clinicians = clinicians;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * A clinician's rules in week order, for showing beside their profile: hours are public, as
	 * {@link Availability#weeklyHours} has them (the caller decided the clinician may be seen).
	 */
	public List<WeeklyRule> of(long clinicianId) {
		return rules(clinicianId);
	}

	/** The calling clinician's rules in week order (Monday first). */
	public List<WeeklyRule> own(Actor actor) {
		return rules(self(actor, "READ").id());
	}

	/** One of the calling clinician's rules. @throws Refusal NOT_FOUND for none of theirs */
	public WeeklyRule own(long id, Actor actor) {
		Clinician clinician = self(actor, "READ");
		return rules(clinician.id()).stream().filter(r -> r.id() == id).findFirst()
			.orElseThrow(() -> notTheirs(actor, id));
	}

	/**
	 * Adds a rule for a day of the caller's week that has none.
	 *
	 * @throws Refusal INVALID_INPUT for a day with a rule already, an end not after the start, a break outside the
	 *         window or backwards
	 */
	@Transactional
	public WeeklyRule add(WeeklyRule.Changes rule, Actor actor) {
		Clinician clinician = self(actor, "CREATE");
		check(rule);
		lock(clinician.id());
		requireDayFree(clinician.id(), rule.dayOfWeek(), null);
		AvailabilityWindow window = windows.saveAndFlush(new AvailabilityWindow(clinician.id(),
				new AvailabilityRule(rule.dayOfWeek(), rule.startTime(), rule.endTime(), rule.available(), null)));
		rule.breaks().forEach(b -> windows.save(AvailabilityWindow.breakOf(window, b.start(), b.end())));
		audit.record(AuditRecord.success(actor, "CREATE", "AVAILABILITY", window.getId(), null));
		return own(window.getId(), actor);
	}

	/** Changes one of the caller's rules as a whole, breaks included; the same checks as {@link #add}. */
	@Transactional
	public WeeklyRule change(long id, WeeklyRule.Changes rule, Actor actor) {
		Clinician clinician = self(actor, "UPDATE");
		AvailabilityWindow window = window(clinician, id, actor);
		check(rule);
		lock(clinician.id());
		requireDayFree(clinician.id(), rule.dayOfWeek(), id);
		window.reshape(rule.dayOfWeek(), rule.startTime(), rule.endTime(), rule.available());
		windows.deleteBreaksOf(id);
		windows.saveAndFlush(window);
		rule.breaks().forEach(b -> windows.save(AvailabilityWindow.breakOf(window, b.start(), b.end())));
		windows.flush();
		audit.record(AuditRecord.success(actor, "UPDATE", "AVAILABILITY", id, null));
		return own(id, actor);
	}

	/** Removes one of the caller's rules with its breaks. */
	@Transactional
	public void remove(long id, Actor actor) {
		Clinician clinician = self(actor, "DELETE");
		AvailabilityWindow window = window(clinician, id, actor);
		windows.deleteBreaksOf(id);
		windows.delete(window);
		audit.record(AuditRecord.success(actor, "DELETE", "AVAILABILITY", id, null));
	}

	private List<WeeklyRule> rules(long clinicianId) {
		List<AvailabilityWindow> all = windows.ofClinician(clinicianId);
		Map<Long, List<WeeklyRule.Break>> breaks = new LinkedHashMap<>();
		all.stream().filter(w -> w.getBreakOf() != null).forEach(w -> breaks
			.computeIfAbsent(w.getBreakOf(), k -> new ArrayList<>())
			.add(new WeeklyRule.Break(w.getStartTime(), w.getEndTime())));
		return all.stream().filter(w -> w.getBreakOf() == null)
			.map(w -> new WeeklyRule(w.getId(), w.getDayOfWeek(), w.getStartTime(), w.getEndTime(), w.isAvailable(),
					breaks.getOrDefault(w.getId(), List.of())))
			.sorted(WEEK_ORDER)
			.toList();
	}

	private AvailabilityWindow window(Clinician clinician, long id, Actor actor) {
		return windows.findById(id)
			.filter(w -> w.getClinicianId() == clinician.id() && w.getBreakOf() == null)
			.orElseThrow(() -> notTheirs(actor, id));
	}

	private Refusal notTheirs(Actor actor, long id) {
		audit.recordDenied(AuditRecord.denied(actor, "READ", "AVAILABILITY", id, null));
		return Refusal.notFound("Availability");
	}

	private Clinician self(Actor actor, String action) {
		if (!actor.is(Role.CLINICIAN) || actor.is(Role.ADMIN)) {
			throw access.denied(actor, action, "AVAILABILITY", null, null);
		}
		return clinicians.forUser(actor.userId())
			.orElseThrow(() -> access.denied(actor, action, "AVAILABILITY", null, null));
	}

	/**
	 * One clinician's rules are changed one request at a time (their row in the directory's table is locked until the
	 * transaction ends), so that two concurrent additions for one day cannot both find it free: a day's rule is one
	 * of several windows of that day for other faces, so no unique key of the table can say it.
	 */
	private void lock(long clinicianId) {
		jdbc.sql("SELECT id FROM clinicians WHERE id = ? FOR UPDATE").param(clinicianId).query(Long.class).list();
	}

	private void requireDayFree(long clinicianId, DayOfWeek day, @Nullable Long except) {
		boolean taken = windows.findByClinicianIdAndDayOfWeek(clinicianId, day).stream()
			.anyMatch(w -> w.getBreakOf() == null && !w.getId().equals(except));
		if (taken) {
			throw Refusal.invalidField("dayOfWeek", "An availability rule for this day already exists.");
		}
	}

	private static void check(WeeklyRule.Changes rule) {
		if (!rule.startTime().isBefore(rule.endTime())) {
			throw Refusal.invalidField("endTime", "End time must be after start time.");
		}
		for (WeeklyRule.Break pause : rule.breaks()) {
			if (!pause.start().isBefore(pause.end())) {
				throw Refusal.invalidField("breakTimes", "A break must end after it starts.");
			}
			if (pause.start().isBefore(rule.startTime()) || pause.end().isAfter(rule.endTime())) {
				throw Refusal.invalidField("breakTimes", "A break must lie inside the rule's hours.");
			}
		}
	}
}
