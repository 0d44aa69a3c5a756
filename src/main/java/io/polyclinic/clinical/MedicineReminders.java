package io.polyclinic.clinical;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.clinical.internal.DoseCourse;
import io.polyclinic.clinical.internal.DoseSchedule;
import io.polyclinic.clinical.internal.MedicineReminderRows;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * Medicine reminders: a prescription, once written, reminds its patient of each medicine's doses (their times worked
 * out from its frequency and duration, see {@link io.polyclinic.clinical.internal.DoseSchedule}), until the course
 * ends or the prescription is stopped; the patient logs each dose as taken, missed or snoozed (a snoozed dose is
 * reminded again {@value #SNOOZE_MINUTES} minutes later).
 *
 * <p>Who may do what, whatever the face: a patient reads and logs their own reminders only — another patient's is
 * answered as if there were none (NOT_FOUND), and the attempt is audited as a refusal; those who may see the patient
 * (their clinicians, staff within reach, administrators) read them. The clinic's own sender alone lists the doses due
 * and marks them reminded.
 */
@Service
@Transactional(readOnly = true)
public class MedicineReminders {

	public static final int SNOOZE_MINUTES = 15;
	public static final int NOTES_LENGTH = 2000;
	/** The most reminders a list holds: those still running first, then the newest. */
	public static final int LIST_LIMIT = 200;

	static final String RESOURCE = "MEDICINE_REMINDER";
	static final String LOG_RESOURCE = "REMINDER_LOG";

	private final MedicineReminderRows rows;
	private final ChartAccess charts;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	MedicineReminders(MedicineReminderRows rows, ChartAccess charts, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.rows = rows;
		this.charts = charts;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The caller's own reminders, as a patient: those still running first, then the newest. Anyone who is not a
	 * patient has none.
	 *
	 * @throws Refusal FORBIDDEN for the clinic's own processes
	 */
	@Transactional // the read is audited
	public List<MedicineReminder> mine(Actor actor) {
		if (actor.isSystem()) {
			throw Refusal.forbidden();
		}
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || reach.patientId() == null) {
			return List.of();
		}
		return list(reach.patientId(), actor);
	}

	/** A patient's reminders, for those who may see the patient; the read is audited. */
	@Transactional
	public List<MedicineReminder> ofPatient(long patientId, Actor actor) {
		charts.requireExists(patientId);
		charts.reader(actor, patientId, "LIST", RESOURCE, null);
		return list(patientId, actor);
	}

	private List<MedicineReminder> list(long patientId, Actor actor) {
		List<MedicineReminder> found = rows.ofPatient(patientId, clock.instant(), LIST_LIMIT);
		audit.record(AuditRecord.of(actor, "LIST", RESOURCE, null, patientId, AuditRecord.Outcome.SUCCESS,
				found.size() + " results"));
		return found;
	}

	/**
	 * Logs a dose: the reminder's patient only. A snoozed dose is reminded again {@value #SNOOZE_MINUTES} minutes from
	 * now.
	 *
	 * @throws Refusal NOT_FOUND for a reminder there is none of, and for one of someone else's (that refusal audited);
	 *         INVALID naming the status when there is none, or the notes when they are too long
	 */
	@Transactional
	public DoseLog log(UUID reminder, NewDoseLog dose, Actor actor) {
		MedicineReminderRows.Owner owner = rows.owner(reminder).orElseThrow(() -> Refusal.notFound("Reminder"));
		Reach reach = access.reachOf(actor);
		if (reach.kind() != Reach.Kind.PATIENT || !reach.isPatient(owner.patientId())) {
			access.denied(actor, "CREATE", LOG_RESOURCE, owner.publicId(), owner.patientId());
			throw Refusal.notFound("Reminder");
		}
		if (dose.status() == null) {
			throw Refusal.invalidField("status", "Status must be one of: Taken, Missed, Snoozed");
		}
		String notes = dose.notes() == null ? "" : dose.notes().strip();
		if (notes.length() > NOTES_LENGTH) {
			throw Refusal.invalidField("notes", "Ensure this field has no more than " + NOTES_LENGTH + " characters.");
		}
		Instant now = now();
		Instant takenAt = dose.takenAt() == null ? null : dose.takenAt().truncatedTo(ChronoUnit.MICROS);
		DoseLog logged = rows.insertLog(owner.id(), owner.publicId(), dose.status(), takenAt, notes, now);
		if (dose.status() == DoseStatus.SNOOZED) {
			rows.addDose(owner.id(), now.plus(Duration.ofMinutes(SNOOZE_MINUTES)).truncatedTo(ChronoUnit.SECONDS));
		}
		audit.record(AuditRecord.success(actor, "CREATE", LOG_RESOURCE, logged.id(), owner.patientId()));
		return logged;
	}

	/**
	 * The doses due now that nobody was reminded of: due no later than {@code now} and less than {@code lateness}
	 * ago (a dose long past is not worth a message), of reminders still running, soonest first.
	 *
	 * @throws Refusal FORBIDDEN for anyone but the clinic itself
	 */
	public List<DueDose> due(Instant now, Duration lateness, int limit, Actor actor) {
		requireClinic(actor);
		return rows.due(now.minus(lateness), now, limit);
	}

	/**
	 * Marks a dose reminded, once: true for the caller who marked it, false when it had been marked already (by
	 * another node, or another round).
	 *
	 * @throws Refusal FORBIDDEN for anyone but the clinic itself
	 */
	@Transactional
	public boolean reminded(long doseId, Actor actor) {
		requireClinic(actor);
		return rows.markReminded(doseId, now());
	}

	/** A prescription's medicines get their reminders: called as it is written, in its transaction. */
	void start(Prescription prescription, ZoneId zone) {
		Instant now = now();
		List<Medication> medications = prescription.medications();
		for (int line = 0; line < medications.size(); line++) {
			Medication m = medications.get(line);
			DoseSchedule schedule = DoseSchedule.of(m.frequency(), m.instructions());
			DoseCourse course = DoseCourse.plan(schedule, DoseSchedule.courseDays(m.duration()),
					prescription.validUntil(), zone, now);
			rows.insert(new MedicineReminderRows.NewReminder(prescription.id(), line, prescription.patientId(),
					text(m.name()), text(m.dosage()), text(m.frequency()), text(m.duration()), text(m.instructions()),
					schedule, zone, course.startsAt(), course.endsAt(), course.doses()), now);
		}
	}

	/** A prescription stopped (or its medicines replaced): its running reminders stop. */
	void stop(long prescriptionId) {
		rows.stopAll(prescriptionId, now());
	}

	private void requireClinic(Actor actor) {
		if (!actor.isSystem()) {
			throw access.denied(actor, "LIST", "MEDICINE_DOSE", null, null);
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
