package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.AvailabilityWindow;
import io.polyclinic.scheduling.internal.AvailabilityWindows;
import io.polyclinic.scheduling.internal.Bookings;
import io.polyclinic.scheduling.internal.SlotGrid;

/**
 * Clinicians' weekly hours and the slots they yield on a given day.
 */
@Service
@Transactional(readOnly = true)
public class Availability {

	private static final Comparator<AvailabilityRule> WEEK_ORDER = Comparator
		.comparing(AvailabilityRule::dayOfWeek).thenComparing(AvailabilityRule::startTime);

	private final AvailabilityWindows windows;
	private final Bookings bookings;
	private final ClinicianRegistry clinicians;
	private final AuditLog audit;
	private final Clock clock;

	Availability(AvailabilityWindows windows, Bookings bookings, ClinicianRegistry clinicians, AuditLog audit,
			Clock clock) {
		this.windows = windows;
		this.bookings = bookings;
		this.clinicians = clinicians;
		this.audit = audit;
		this.clock = clock;
	}

	public List<AvailabilityRule> rules(long clinicianId) {
		return windows.ofClinician(clinicianId).stream().map(AvailabilityWindow::toRule).sorted(WEEK_ORDER).toList();
	}

	/** A listed clinician's weekly hours, as anyone may see them. */
	public List<AvailabilityRule> weeklyHours(long clinicianId) {
		clinicians.getListed(clinicianId);
		return rules(clinicianId);
	}

	/** Replaces a clinician's weekly hours as a whole. */
	@Transactional
	public List<AvailabilityRule> replaceRules(long clinicianId, List<AvailabilityRule> rules, Actor actor) {
		clinicians.get(clinicianId);
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
		return rules(clinicianId);
	}

	/** The day's slots on the clinician's clock: each free unless it is past or an open appointment holds it. */
	public List<Slot> slots(long clinicianId, @Nullable Long centreId, LocalDate date) {
		Clinician clinician = clinicians.getListed(clinicianId);
		ZoneId zone = clinician.timeZone();
		var starts = SlotGrid.starts(rules(clinicianId), date, centreId, clinician.consultationMinutes());
		var from = date.atStartOfDay(zone).toInstant();
		var to = date.plusDays(1).atStartOfDay(zone).toInstant();
		var held = new HashSet<>(bookings.heldSlots(clinicianId, from, to));
		return SlotGrid.slots(starts, date, zone, held, clock.instant());
	}
}
