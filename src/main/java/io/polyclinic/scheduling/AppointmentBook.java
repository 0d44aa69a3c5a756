package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentRequest.ByPhone;
import io.polyclinic.scheduling.AppointmentRequest.GridSlot;
import io.polyclinic.scheduling.AppointmentRequest.KnownPatient;
import io.polyclinic.scheduling.AppointmentRequest.PatientAccount;
import io.polyclinic.scheduling.internal.BlockedTimes;
import io.polyclinic.scheduling.internal.Booking;
import io.polyclinic.scheduling.internal.BookingContext;
import io.polyclinic.scheduling.internal.Bookings;
import io.polyclinic.scheduling.internal.Calendars;
import io.polyclinic.scheduling.internal.ClinicianCalendar;
import io.polyclinic.scheduling.internal.OpenedSlots;
import io.polyclinic.scheduling.internal.OpenedTimes;
import io.polyclinic.scheduling.internal.Placement;
import io.polyclinic.scheduling.internal.ReminderRecords;

/**
 * The clinic's appointment book: booking a clinician's time, and walking appointments through their lifecycle. Each
 * method decides who may ask, through the access policy's reach of the caller: a patient books and cancels (before
 * it starts) only their own; a clinician books their own time for a patient of theirs; staff of the clinic any, staff
 * of a centre only appointments their centre runs; the clinician starts and completes their own visits or marks them
 * missed; confirming is for staff, and for the clinic itself once a payment comes in — or, where the two parties
 * arrange their appointments themselves ({@link #arrange}, {@link #confirmByPatient}), for the party who did not
 * book. The appointment checks the order of its statuses; the database refuses overlapping ones. A removed
 * appointment is cancelled and then found by nobody (404), whichever face asks; only the clinic's own processes (a
 * payment's confirmation, its refund) still read it.
 *
 * <p>Whenever a person (not the clinic itself) changes an appointment, {@link AppointmentActedOn} names who did and
 * what, so that the other party can be told.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentBook {

	private final Bookings bookings;
	private final BlockedTimes blocked;
	private final Calendars calendars;
	private final PatientRegistry patients;
	private final CareTeam careTeam;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final PolyclinicProperties properties;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final ReminderRecords reminders;
	private final OpenedSlots openedSlots;

	AppointmentBook(Bookings bookings, BlockedTimes blocked, Calendars calendars, PatientRegistry patients, CareTeam careTeam,
			AccessPolicy access, AuditLog audit, PolyclinicProperties properties, Clock clock,
			ApplicationEventPublisher events, ReminderRecords reminders, OpenedSlots openedSlots) {
		this.reminders = reminders;
		this.openedSlots = openedSlots;
		this.bookings = bookings;
		this.blocked = blocked;
		this.calendars = calendars;
		this.patients = patients;
		this.careTeam = careTeam;
		this.access = access;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The one way to book, whichever face asks: for a known patient or one named by account (a patient only for
	 * themself, a clinician only with themself for a patient of theirs), the calling patient, or a patient known by
	 * phone (staff; registered in this transaction when the number is new, so that a refused booking registers
	 * nobody); on the clinician's grid or any free interval. Refuses past times, times off the grid and intervals that
	 * do not fit (400), times outside the clinician's hours and time already held (409 SLOT_UNAVAILABLE) — the last
	 * decided by the database, so that of concurrent requests for overlapping time exactly one wins.
	 */
	@Transactional
	public Booked book(AppointmentRequest request, Actor actor) {
		Reach reach = access.reachOf(actor);
		AppointmentRequest.Attendee attendee = request.patient();
		requireMayBook(attendee, reach, actor);
		BookingContext context = calendars.forBooking(request.clinician(), request.centreId(),
				attendee instanceof AppointmentRequest.Caller ? Ref.id(reach.patientId())
						: attendee instanceof KnownPatient known ? known.patient() : null,
				attendee instanceof ByPhone byPhone
						? PhoneNumbers.normalize(byPhone.phone(), properties.defaultCountryCode()) : null,
				attendee instanceof PatientAccount named ? named.account() : null,
				near(request.when()), near(request.when()).plus(Placement.LONGEST.multipliedBy(3)))
			.orElseThrow(() -> Refusal.notFound("Clinician"));
		if (reach.kind() == Reach.Kind.CLINICIAN) {
			requireOwnTimeForTheirPatient(context, reach, actor);
		}
		Attendance attendance = attendance(attendee, context, actor);
		AppointmentView.Person patient = attendance.patient();
		if (reach.kind() == Reach.Kind.PATIENT && !reach.isPatient(patient.id())) {
			throw access.denied(actor, "BOOK", "APPOINTMENT", null, patient.id());
		}
		ClinicianCalendar calendar = context.calendar();
		if (!calendar.bookable()) {
			throw Refusal.conflict("SLOT_UNAVAILABLE", "This clinician is not taking appointments");
		}
		switch (context.centre()) {
			case MISSING -> throw Refusal.notFound("Centre");
			case INACTIVE -> throw Refusal.invalidField("centreId", "This centre is not active");
			default -> {
			}
		}
		Long managingCentre = request.centreId() != null ? request.centreId() : calendar.homeCentreId();
		if (reach.kind() == Reach.Kind.CENTRE && !reach.runs(managingCentre)) {
			throw access.denied(actor, "BOOK", "APPOINTMENT", null, patient.id());
		}
		Placement placement = Placement.of(calendar, request.centreId(), request.when(), clock.instant(),
				context.slotsNear() ? openedSlots.of(calendar.clinicianId()) : OpenedTimes.NONE);
		if (context.blocksNear()) {
			requireUnblocked(calendar.clinicianId(), placement);
		}
		requireDescription(request.symptoms(), request.visitLocation());
		long fee = reach.kind() == Reach.Kind.PATIENT || request.feeMinor() == null ? calendar.feeMinor()
				: request.feeMinor();
		if (fee < 0) {
			throw Refusal.invalidField("fee", "Fee cannot be negative");
		}
		ConsultationType kind = request.consultationType() != null ? request.consultationType()
				: ConsultationType.of(request.sessionType());
		Booking booking = hold(Booking.pending(patient.id(), calendar.clinicianId(), request.centreId(), managingCentre,
				placement.start(), placement.end(), request.sessionType(), kind, fee, calendar.currency(),
				request.notes(), request.symptoms(), request.visitLocation(), actor.auditUserId(), clock.instant()));
		if (!context.linked()) {
			careTeam.link(patient.id(), calendar.clinicianId());
		}
		if (!context.enrolled()) {
			careTeam.enrol(patient.id(), managingCentre);
		}
		audit.record(AuditRecord.success(actor, "CREATE", "APPOINTMENT", booking.getId(), patient.id()));
		Appointment booked = booking.toAppointment();
		actedOn(booked, actor, "BOOKED");
		return new Booked(booked, patient, attendance.registered());
	}

	/**
	 * The calling patient books a grid slot named by its {@link SlotId} (hcp's {@code slot_id}), at the clinician's
	 * fee, as {@link #book} books a grid slot; a booking confirmation is recorded among its reminders at once. A slot
	 * id no slot of a clinician taking appointments has — an unknown clinician, a time off their grid, a past one — is
	 * INVALID_INPUT {@code slotId}; a slot that is taken (by any face: the database decides a race) CONFLICT
	 * SLOT_UNAVAILABLE on {@code slotId}; anyone but a patient FORBIDDEN.
	 */
	@Transactional
	public Booked bookSlot(SlotId slot, SlotBooking details, Actor actor) {
		requireLength("notes", details.notes(), 2000);
		requireLength("medicalHistory", details.medicalHistory(), 5000);
		Booked booked;
		try {
			booked = book(new AppointmentRequest(new AppointmentRequest.Caller(), Ref.id(slot.clinicianId()), null,
					new AppointmentRequest.GridStart(slot.startsAt()), details.consultationType().sessionType(), null,
					blankToNull(details.notes()), details.consultationType(), details.symptoms(), null), actor);
		}
		catch (Refusal e) {
			throw slotRefusal(e);
		}
		Appointment appointment = booked.appointment();
		Instant now = clock.instant();
		if (details.medicalHistory() != null && !details.medicalHistory().isBlank()) {
			// the booking just written is in this transaction's persistence context: no statement to find it
			bookings.findById(appointment.id()).orElseThrow().recordHistory(details.medicalHistory().trim(), now);
		}
		reminders.add(appointment.id(), Reminder.BOOKING_CONFIRMATION, "email",
				"Your appointment on " + appointment.date() + " at " + appointment.time() + " ("
						+ appointment.timeZone().getId() + ") is booked.",
				now, now);
		return booked;
	}

	/**
	 * Moves an appointment to another free grid slot of its own clinician, named by its {@link SlotId}: its patient
	 * (until it starts), its clinician, or staff who reach it; the old time is freed in the same write, and the
	 * database decides a race for the new one. INVALID_INPUT {@code slotId} for a slot of another clinician or none
	 * of their grid, CONFLICT SLOT_UNAVAILABLE for a taken one, INVALID_STATUS_TRANSITION once it has started or
	 * ended.
	 */
	@Transactional
	public Appointment rescheduleToSlot(Ref appointment, SlotId slot, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "RESCHEDULE");
		Instant now = clock.instant();
		if (!booking.getStatus().isAhead()) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "A " + booking.getStatus().name().toLowerCase()
				.replace('_', '-') + " appointment cannot be rescheduled");
		}
		requireNotStartedForPatient(booking, reach, now);
		if (slot.clinicianId() != booking.getClinicianId()) {
			throw SlotId.unavailable();
		}
		try {
			move(booking, new AppointmentRequest.GridStart(slot.startsAt()), now);
		}
		catch (Refusal e) {
			throw slotRefusal(e);
		}
		return saved(booking, before, actor, "RESCHEDULE", "RESCHEDULED");
	}

	/** A refusal of the time asked for, told of the slot id the client sent. */
	private static Refusal slotRefusal(Refusal e) {
		if (e.kind() == Refusal.Kind.NOT_FOUND && "Clinician not found".equals(e.getMessage())
				|| e.kind() == Refusal.Kind.INVALID && e.fields().containsKey("startsAt")) {
			return SlotId.unavailable();
		}
		if (e.is(Refusal.Kind.CONFLICT, "SLOT_UNAVAILABLE")) {
			return Refusal.conflict("SLOT_UNAVAILABLE", "Selected slot is not available", "slotId");
		}
		return e;
	}

	/**
	 * What the parties write on an appointment: its patient the patient's parts ({@link VisitChanges#patientParts}),
	 * its clinician theirs, staff who reach it both; anyone else, or a party writing the other's part, FORBIDDEN
	 * (audited). How the visit takes place changes only while it is ahead (INVALID_STATUS_TRANSITION).
	 */
	@Transactional
	public Appointment amend(Ref appointment, VisitChanges changes, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "UPDATE");
		boolean staff = reach.staff();
		if (changes.patientParts() && !(staff || reach.kind() == Reach.Kind.PATIENT)
				|| changes.clinicianParts() && !(staff || reach.kind() == Reach.Kind.CLINICIAN)) {
			throw access.denied(actor, "UPDATE", "APPOINTMENT", booking.getId(), booking.getPatientId());
		}
		requireLength("notes", changes.notes(), 2000);
		requireLength("medicalHistory", changes.medicalHistory(), 5000);
		requireLength("patientFeedback", changes.patientFeedback(), 5000);
		requireLength("doctorNotes", changes.doctorNotes(), 5000);
		if (changes.symptoms() != null) {
			requireDescription(changes.symptoms(), null);
		}
		if (changes.consultationType() != null && changes.consultationType() != before.consultationType()
				&& !booking.getStatus().isAhead()) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION",
					"How a visit takes place cannot change once it has started or ended");
		}
		Instant now = clock.instant();
		if (changes.notes() != null) {
			booking.annotate(blankToNull(changes.notes()), now);
		}
		if (changes.consultationType() != null || changes.symptoms() != null) {
			booking.describe(changes.consultationType(), changes.symptoms(), null, false, now);
		}
		if (changes.medicalHistory() != null) {
			booking.recordHistory(blankToNull(changes.medicalHistory()), now);
		}
		if (changes.patientFeedback() != null) {
			booking.giveFeedback(blankToNull(changes.patientFeedback()), now);
		}
		if (changes.clinicianParts()) {
			booking.writeUp(changes.doctorNotes(), changes.requiresFollowUp(), changes.followUpDate(), now);
		}
		return saved(booking, before, actor, "UPDATE", "CHANGED");
	}

	/** An appointment's reminders, due first: for whoever may see it (its parties, staff who reach it). */
	public List<Reminder> reminders(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		requireSight(booking, actor, "READ");
		return reminders.of(booking.getId());
	}

	/**
	 * Where a reminder's delivery stands, as the clinic's own sender reports it: sent (with when and the channel's
	 * delivery id) or failed. Only the clinic itself reports; a reminder already reported keeps its first report.
	 *
	 * @throws Refusal FORBIDDEN for any caller but the clinic's own processes
	 */
	@Transactional
	public void reminderDelivered(long reminderId, boolean sent, @Nullable String deliveryId, Actor actor) {
		if (!actor.isSystem()) {
			throw Refusal.forbidden();
		}
		reminders.delivered(reminderId, sent ? "sent" : "failed", deliveryId, clock.instant());
	}

	private static void requireLength(String field, @Nullable String text, int max) {
		if (text != null && text.length() > max) {
			throw Refusal.invalidField(field, "At most " + max + " characters");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/**
	 * A patient books for themself (as the caller, or naming themself); a clinician for a patient (which patient, and
	 * with whom, is checked once the booking's facts are read); staff for anyone, by phone too.
	 */
	private void requireMayBook(AppointmentRequest.Attendee attendee, Reach reach, Actor actor) {
		boolean patient = reach.kind() == Reach.Kind.PATIENT && reach.patientId() != null;
		boolean clinician = reach.kind() == Reach.Kind.CLINICIAN && reach.clinicianId() != null;
		boolean allowed;
		if (attendee instanceof AppointmentRequest.Caller) {
			allowed = patient;
		}
		else if (attendee instanceof KnownPatient) {
			allowed = patient || clinician || reach.staff();
		}
		else if (attendee instanceof PatientAccount named) {
			allowed = patient && named.account().equals(actor.publicId()) || clinician || reach.staff();
		}
		else {
			allowed = reach.staff();
		}
		if (!allowed) {
			throw access.denied(actor, "BOOK", "APPOINTMENT", null,
					attendee instanceof KnownPatient known ? known.patient().id() : null);
		}
	}

	/**
	 * A clinician books only their own time, and only for a patient of theirs: another clinician's time, someone
	 * else's patient, or a patient there is none of are all FORBIDDEN (audited), so that a clinician cannot probe who
	 * is a patient of the clinic.
	 */
	private void requireOwnTimeForTheirPatient(BookingContext context, Reach reach, Actor actor) {
		AppointmentView.Person patient = context.patient();
		if (!reach.isClinician(context.calendar().clinicianId()) || patient == null
				|| !isTheirPatient(context.calendar().clinicianId(), patient.id())) {
			throw access.denied(actor, "BOOK", "APPOINTMENT", null, patient == null ? null : patient.id());
		}
	}

	/**
	 * Whether the patient is the clinician's, so that the clinician may book for them: a patient whose request to be
	 * followed the clinician accepted. An appointment alone does not make a patient theirs (DiabCare's rule, the
	 * only product in which clinicians book for their patients).
	 */
	private boolean isTheirPatient(long clinicianId, long patientId) {
		return careTeam.follows(clinicianId, patientId);
	}

	private record Attendance(AppointmentView.Person patient, boolean registered) {
	}

	/** The patient the booking is for: read with the booking's facts, or found or registered by the directory. */
	private Attendance attendance(AppointmentRequest.Attendee attendee, BookingContext context, Actor actor) {
		if (context.patient() != null) {
			return new Attendance(context.patient(), false);
		}
		if (attendee instanceof ByPhone byPhone) {
			// a number the clinic does not know yet, or an account without a patient record: the directory decides
			var registration = patients.findOrRegister(byPhone.phone(), byPhone.fullName(), byPhone.email(),
					byPhone.source(), actor);
			return new Attendance(person(registration.patient()), registration.created());
		}
		throw Refusal.notFound("Patient");
	}

	/**
	 * Cancels an open appointment and frees its time: staff who reach it, its clinician, and its patient until it
	 * starts.
	 */
	@Transactional
	public Appointment cancel(Ref appointment, @Nullable String reason, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "CANCEL");
		Instant now = clock.instant();
		requireNotStartedForPatient(booking, reach, now);
		booking.cancel(reason == null || reason.isBlank() ? null : reason.trim(), now);
		return saved(booking, before, actor, "CANCEL", "CANCELLED");
	}

	/**
	 * Removes an appointment: an open one is cancelled (its time freed), and from then on no face shows it (404).
	 * Staff who reach it; its two parties, the patient and the clinician, until it starts — a visit that took place
	 * stays on the patient's record unless staff remove it (409 INVALID_STATUS_TRANSITION).
	 */
	@Transactional
	public void remove(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "DELETE");
		Instant now = clock.instant();
		if (!reach.staff()) {
			requireNotStarted(booking, now, "removed");
		}
		booking.remove(now);
		saved(booking, before, actor, "DELETE", "REMOVED");
	}

	/** The visit begins: its clinician, or staff who reach it; never a patient. It keeps holding its time. */
	@Transactional
	public Appointment start(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		requireCarer(booking, actor, "START");
		booking.start(clock.instant());
		return saved(booking, before, actor, "START", "CHANGED");
	}

	private void requireNotStartedForPatient(Booking booking, Reach reach, Instant now) {
		if (reach.kind() == Reach.Kind.PATIENT) {
			requireNotStarted(booking, now, "cancelled");
		}
	}

	/** Ahead (or already cancelled): its start not reached, not begun, not ended. */
	private static void requireNotStarted(Booking booking, Instant now, String verb) {
		if (booking.hasStarted(now)
				|| !booking.getStatus().isAhead() && booking.getStatus() != AppointmentStatus.CANCELLED) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "An appointment that has started cannot be " + verb);
		}
	}

	@Transactional
	public Appointment cancel(long id, @Nullable String reason, Actor actor) {
		return cancel(Ref.id(id), reason, actor);
	}

	/**
	 * An edit: a new slot on the clinician's grid or a new free interval (the old time freed in the same write; the
	 * new one checked against the hours, blocks and other appointments), how the visit takes place and what it is
	 * about, notes, a status step. Staff who reach the appointment may change all of it, to any status its order
	 * allows (confirming before payment included); an edit that only steps the status is also open to whoever may take
	 * that step alone: cancelling as {@link #cancel}, starting, completing or marking missed as {@link #start}.
	 */
	@Transactional
	public Appointment change(Ref appointment, AppointmentChanges changes, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "UPDATE");
		Instant now = clock.instant();
		if (!reach.staff()) {
			AppointmentStatus step = changes.status();
			boolean statusOnly = step != null && !changes.movesTime() && !changes.changesDetails();
			boolean carerStep = step == AppointmentStatus.IN_PROGRESS || step == AppointmentStatus.COMPLETED
					|| step == AppointmentStatus.NO_SHOW;
			boolean allowed = statusOnly && (step == AppointmentStatus.CANCELLED
					|| carerStep && reach.kind() != Reach.Kind.PATIENT);
			if (!allowed) {
				throw access.denied(actor, "UPDATE", "APPOINTMENT", booking.getId(), booking.getPatientId());
			}
			if (step == AppointmentStatus.CANCELLED && booking.getStatus() != AppointmentStatus.CANCELLED) {
				requireNotStartedForPatient(booking, reach, now);
			}
		}
		return apply(booking, before, changes, actor, now);
	}

	/**
	 * An edit by the appointment's own parties, where patient and clinician arrange their appointments themselves
	 * (DiabCare, whose visits no staff run and no payment confirms). Its clinician may take every step — confirm it
	 * (accepting the time), start it, complete it (whenever the visit ends, straight from pending too), mark it
	 * missed, cancel it — move it to another free time of theirs, change how it takes place, and write its notes; its
	 * patient may cancel it (until it starts) and write its notes, nothing else (403): the clinician's time is the
	 * clinician's to move. Staff who reach it edit it as {@link #change} allows. Setting it back to pending is refused
	 * (409 INVALID_STATUS_TRANSITION; a pending one stays as it is), as is any step its order does not allow.
	 */
	@Transactional
	public Appointment arrange(Ref appointment, AppointmentChanges changes, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "UPDATE");
		Instant now = clock.instant();
		if (reach.kind() == Reach.Kind.PATIENT) {
			AppointmentStatus step = changes.status();
			boolean allowed = !changes.movesTime() && changes.consultationType() == null && changes.symptoms() == null
					&& changes.visitLocation() == null && !changes.clearVisitLocation()
					&& (step == null || step == AppointmentStatus.CANCELLED);
			if (!allowed) {
				throw access.denied(actor, "UPDATE", "APPOINTMENT", booking.getId(), booking.getPatientId());
			}
			if (step == AppointmentStatus.CANCELLED && booking.getStatus() != AppointmentStatus.CANCELLED) {
				requireNotStartedForPatient(booking, reach, now);
			}
		}
		return apply(booking, before, changes, actor, now);
	}

	/**
	 * The patient agrees to a time their clinician booked for them (DiabCare's patient confirmation): pending becomes
	 * confirmed; a confirmed one stays as it is. Its patient only (403 for anyone else, staff included: it is the
	 * patient's word); 400 NOT_BOOKED_BY_CLINICIAN for an appointment the patient booked themself, or that staff
	 * booked — nobody waits for the patient's word on it; 409 INVALID_STATUS_TRANSITION once it is cancelled or has
	 * taken place.
	 */
	@Transactional
	public Appointment confirmByPatient(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		Reach reach = requireSight(booking, actor, "CONFIRM");
		if (reach.kind() != Reach.Kind.PATIENT) {
			throw access.denied(actor, "CONFIRM", "APPOINTMENT", booking.getId(), booking.getPatientId());
		}
		if (booking.getStatus() == AppointmentStatus.CONFIRMED) {
			return before;
		}
		Long bookedBy = booking.getBookedByUserId();
		if (bookedBy == null || !bookedBy.equals(calendars.accountOf(booking.getClinicianId()).orElse(null))) {
			throw Refusal.invalid("NOT_BOOKED_BY_CLINICIAN",
					"Only an appointment the doctor booked waits for the patient's confirmation");
		}
		booking.confirm(clock.instant());
		return saved(booking, before, actor, "CONFIRM", "CONFIRMED");
	}

	/** An edit whose caller is let through: the time first (the old one freed), then details, then a status step. */
	private Appointment apply(Booking booking, Appointment before, AppointmentChanges changes, Actor actor,
			Instant now) {
		requireDescription(changes.symptoms() == null ? List.of() : changes.symptoms(), changes.visitLocation());
		if (changes.interval() != null) {
			Appointment current = booking.toAppointment();
			// an interval without an end (one consultation) at the same start leaves the appointment where it is
			if (!changes.interval().startsAt().equals(current.startsAt()) || changes.interval().endsAt() != null
					&& !changes.interval().endsAt().equals(current.endsAt())) {
				move(booking, changes.interval(), now);
			}
		}
		else if (changes.date() != null || changes.time() != null) {
			Appointment current = booking.toAppointment();
			var slot = new GridSlot(changes.date() == null ? current.date() : changes.date(),
					changes.time() == null ? current.time() : changes.time());
			if (!slot.date().equals(current.date()) || !slot.time().equals(current.time())) {
				move(booking, slot, now);
			}
		}
		if (changes.notes() != null) {
			booking.annotate(changes.notes().isBlank() ? null : changes.notes(), now);
		}
		if (changes.consultationType() != null || changes.symptoms() != null || changes.visitLocation() != null
				|| changes.clearVisitLocation()) {
			booking.describe(changes.consultationType(), changes.symptoms(), changes.visitLocation(),
					changes.clearVisitLocation(), now);
		}
		if (changes.status() != null) {
			booking.moveTo(changes.status(), now);
		}
		Appointment after = booking.toAppointment();
		String acted = after.status() != before.status() ? switch (after.status()) {
			case CONFIRMED -> "CONFIRMED";
			case COMPLETED -> "COMPLETED";
			case CANCELLED -> "CANCELLED";
			default -> "CHANGED";
		} : !after.startsAt().equals(before.startsAt()) || !after.endsAt().equals(before.endsAt()) ? "RESCHEDULED"
				: "CHANGED";
		return saved(booking, before, actor, "UPDATE", acted);
	}

	@Transactional
	public Appointment change(long id, AppointmentChanges changes, Actor actor) {
		return change(Ref.id(id), changes, actor);
	}

	/** Moves an open appointment to another grid slot or free interval (staff who reach it). */
	@Transactional
	public Appointment reschedule(Ref appointment, AppointmentRequest.When when, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		requireStaff(booking, actor, "RESCHEDULE");
		move(booking, when, clock.instant());
		return saved(booking, before, actor, "RESCHEDULE", "RESCHEDULED");
	}

	/**
	 * Confirms a pending appointment: staff who reach it, or the clinic itself ({@link Actor#system()}) once its
	 * payment has come in. Confirming twice changes nothing.
	 */
	@Transactional
	public Appointment confirm(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		requireStaff(booking, actor, "CONFIRM");
		booking.confirm(clock.instant());
		return saved(booking, before, actor, "CONFIRM", "CONFIRMED");
	}

	/**
	 * The clinic confirms an appointment whose payment has come in; one that is no longer pending (confirmed,
	 * cancelled since) is left as it is — what to do with the money is billing's question.
	 */
	@Transactional
	public Appointment confirm(long id) {
		Booking booking = anyBooking(Ref.id(id));
		if (booking.getStatus() != AppointmentStatus.PENDING) {
			return booking.toAppointment();
		}
		Appointment before = booking.toAppointment();
		booking.confirm(clock.instant());
		return saved(booking, before, Actor.system(), "CONFIRM", "CONFIRMED");
	}

	/** Ends a visit, whatever the clock says: its clinician, or staff who reach it; never a patient. */
	@Transactional
	public Appointment complete(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		requireCarer(booking, actor, "COMPLETE");
		booking.complete(clock.instant());
		return saved(booking, before, actor, "COMPLETE", "COMPLETED");
	}

	/** The patient did not come: its clinician, or staff who reach it, once it has started. */
	@Transactional
	public Appointment markNoShow(Ref appointment, Actor actor) {
		Booking booking = booking(appointment);
		Appointment before = booking.toAppointment();
		requireCarer(booking, actor, "NO_SHOW");
		booking.markNoShow(clock.instant());
		return saved(booking, before, actor, "NO_SHOW", "CHANGED");
	}

	/** The numeric id of an appointment named either way; 404 when there is none. */
	public long idOf(Ref appointment) {
		return appointment.numeric() ? appointment.id() : booking(appointment).getId();
	}

	/**
	 * For other modules that have decided access themselves (payments, links of an appointment already shown): a
	 * removed appointment too, whose payment may still be refunded.
	 */
	public Appointment require(long id) {
		return anyBooking(Ref.id(id)).toAppointment();
	}

	/** Throws FORBIDDEN (audited) unless the caller may see the appointment; 404 when there is none. */
	public Appointment requireAccess(Ref appointment, Actor actor, String action) {
		Booking booking = booking(appointment);
		requireSight(booking, actor, action);
		return booking.toAppointment();
	}

	public Appointment requireAccess(long id, Actor actor, String action) {
		return requireAccess(Ref.id(id), actor, action);
	}

	/** Whether the caller may see this appointment: staff who reach it, its patient, its clinician. */
	public boolean mayAccess(Appointment appointment, Actor actor) {
		return AppointmentAccess.sees(access.reachOf(actor), appointment);
	}

	/** Which of these appointments the caller may see; the caller's reach is looked up once. */
	public List<Appointment> visibleTo(Collection<Appointment> appointments, Actor actor) {
		Reach reach = access.reachOf(actor);
		return appointments.stream().filter(a -> AppointmentAccess.sees(reach, a)).toList();
	}

	/** Appointments by id, for other modules that have decided access themselves. */
	public Map<Long, Appointment> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return bookings.findAllById(ids).stream().map(Booking::toAppointment)
			.collect(Collectors.toMap(Appointment::id, Function.identity()));
	}

	private void move(Booking booking, AppointmentRequest.When when, Instant now) {
		ClinicianCalendar calendar = calendars.of(Ref.id(booking.getClinicianId()))
			.orElseThrow(() -> Refusal.notFound("Clinician"));
		Placement placement = Placement.of(calendar, booking.getCentreId(), when, now,
				openedSlots.of(calendar.clinicianId()));
		requireUnblocked(calendar.clinicianId(), placement);
		booking.reschedule(placement.start(), placement.end(), now);
		hold(booking);
	}

	/**
	 * The start of a window of three days around the time asked for, whatever the clinician's clock: the booking's
	 * facts say whether a block lies in it, and only then is the placement checked against blocks exactly.
	 */
	private static Instant near(AppointmentRequest.When when) {
		if (when instanceof GridSlot slot) {
			return slot.date().minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}
		return when instanceof AppointmentRequest.GridStart start ? start.startsAt().minus(Placement.LONGEST)
				: ((AppointmentRequest.Interval) when).startsAt().minus(Placement.LONGEST);
	}

	/**
	 * Refuses time a block of the clinician's time overlaps (409 SLOT_UNAVAILABLE): an indexed look-up before the
	 * insert. Unlike overlapping appointments, no database constraint spans the two tables, so a block and a booking
	 * written concurrently may both pass; the block's affected patients show such an appointment.
	 */
	private void requireUnblocked(long clinicianId, Placement placement) {
		if (blocked.overlaps(clinicianId, placement.start().toInstant(), placement.end())) {
			throw Refusal.conflict("SLOT_UNAVAILABLE", "The clinician is not available at this time");
		}
	}

	/** Writes the appointment now, so that the database's overlap rule decides a race here and not at commit. */
	private Booking hold(Booking booking) {
		try {
			return bookings.saveAndFlush(booking);
		}
		catch (DataIntegrityViolationException e) {
			throw Refusal.conflict("SLOT_UNAVAILABLE", "Time slot not available");
		}
	}

	/**
	 * Saves a change, audits it, and names who made it ({@code acted}, in {@link AppointmentActedOn}'s words) when
	 * it changed anything — a removal always does.
	 */
	private Appointment saved(Booking booking, Appointment before, Actor actor, String action, String acted) {
		bookings.save(booking);
		audit.record(AuditRecord.success(actor, action, "APPOINTMENT", booking.getId(), booking.getPatientId()));
		Appointment after = booking.toAppointment();
		if (acted.equals("REMOVED") || !after.equals(before)) {
			actedOn(after, actor, acted);
		}
		return after;
	}

	/**
	 * Who acted, for the other party to be told: only a person — what the clinic does by itself (a payment's
	 * confirmation) its lifecycle events say.
	 */
	private void actedOn(Appointment after, Actor actor, String action) {
		if (actor.isSystem()) {
			return;
		}
		events.publishEvent(new AppointmentActedOn(after.id(), after.publicId(), after.patientId(), after.clinicianId(),
				actor.userId(), action, after.startsAt()));
	}

	/** The caller's reach, if it takes in the appointment; FORBIDDEN (audited) otherwise. */
	private Reach requireSight(Booking booking, Actor actor, String action) {
		Reach reach = access.reachOf(actor);
		if (!AppointmentAccess.sees(reach, booking.toAppointment())) {
			throw access.denied(actor, action, "APPOINTMENT", booking.getId(), booking.getPatientId());
		}
		return reach;
	}

	/** Staff who reach the appointment (the clinic's own processes count as staff of the clinic). */
	private void requireStaff(Booking booking, Actor actor, String action) {
		Reach reach = requireSight(booking, actor, action);
		if (!reach.staff()) {
			throw access.denied(actor, action, "APPOINTMENT", booking.getId(), booking.getPatientId());
		}
	}

	/** The appointment's clinician, or staff who reach it. */
	private void requireCarer(Booking booking, Actor actor, String action) {
		Reach reach = requireSight(booking, actor, action);
		if (reach.kind() == Reach.Kind.PATIENT) {
			throw access.denied(actor, action, "APPOINTMENT", booking.getId(), booking.getPatientId());
		}
	}

	/** An appointment someone may be shown: a removed one is not found. */
	private Booking booking(Ref appointment) {
		Booking booking = anyBooking(appointment);
		if (booking.isRemoved()) {
			throw Refusal.notFound("Appointment");
		}
		return booking;
	}

	private Booking anyBooking(Ref appointment) {
		return (appointment.numeric() ? bookings.findById(appointment.id()) : bookings.findByPublicId(appointment.publicId()))
			.orElseThrow(() -> Refusal.notFound("Appointment"));
	}

	/** Symptoms are short phrases, a visit location a short JSON text: both kept within their columns. */
	private static void requireDescription(List<String> symptoms, @Nullable String visitLocation) {
		if (symptoms.size() > 40 || symptoms.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 200)) {
			throw Refusal.invalidField("symptoms", "At most 40 symptoms, each 1 to 200 characters");
		}
		if (visitLocation != null && visitLocation.length() > 5000) {
			throw Refusal.invalidField("visitLocation", "A visit location is at most 5000 characters");
		}
	}

	private static AppointmentView.Person person(Patient patient) {
		return new AppointmentView.Person(patient.id(), patient.fullName(), patient.phone(), patient.email());
	}
}
