package io.polyclinic.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Reach;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.Booking;
import io.polyclinic.scheduling.internal.Bookings;
import io.polyclinic.scheduling.internal.SlotGrid;

/**
 * The clinic's appointment book: booking slots, moving and cancelling appointments, walking them through their
 * lifecycle, and deciding who may see which.
 */
@Service
@Transactional(readOnly = true)
public class AppointmentBook {

	private static final Set<AppointmentStatus> HIDDEN_FROM_AGENDA = EnumSet.of(AppointmentStatus.CANCELLED);
	private static final int AGENDA_SIZE = 100;
	// the id breaks ties between appointments at one instant (other clinicians'), so that pages never overlap
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "startsAt")
		.and(Sort.by(Sort.Direction.DESC, "id"));

	private final Bookings bookings;
	private final Availability availability;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final CentreRegistry centres;
	private final CareTeam careTeam;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	AppointmentBook(Bookings bookings, Availability availability, ClinicianRegistry clinicians, PatientRegistry patients,
			CentreRegistry centres, CareTeam careTeam, AccessPolicy access, AuditLog audit, Clock clock) {
		this.bookings = bookings;
		this.availability = availability;
		this.clinicians = clinicians;
		this.patients = patients;
		this.centres = centres;
		this.careTeam = careTeam;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Books a slot. Refuses past times and times off the clinician's grid (400), and slots outside their hours or
	 * already held (409 SLOT_UNAVAILABLE) — the last decided by the database's unique key, so that of many
	 * concurrent requests for one slot exactly one wins.
	 */
	@Transactional
	public Appointment book(BookingRequest request, Actor actor) {
		Reach reach = access.reachOf(actor);
		boolean patientBooking = reach.kind() == Reach.Kind.PATIENT;
		if (patientBooking ? !reach.isPatient(request.patientId()) : !reach.staff()) {
			throw denied(actor, "BOOK", null, request.patientId());
		}
		patients.requireAccess(request.patientId(), Actor.system(), "BOOK");
		Clinician clinician = clinicians.get(request.clinicianId());
		if (!clinician.bookable()) {
			throw Refusal.conflict("SLOT_UNAVAILABLE", "This clinician is not taking appointments");
		}
		if (request.centreId() != null) {
			var centre = centres.get(request.centreId());
			if (!centre.active()) {
				throw Refusal.invalidField("centreId", "This centre is not active");
			}
		}
		ZonedDateTime start = checkedSlot(clinician, request.centreId(), request.date(), request.time());
		long fee = patientBooking || request.feeMinor() == null ? clinician.feeMinor() : request.feeMinor();
		if (fee < 0) {
			throw Refusal.invalidField("fee", "Fee cannot be negative");
		}
		Long managingCentre = request.centreId() != null ? request.centreId() : clinician.primaryCentreId();
		// a centre's staff book into their own centre only
		if (reach.kind() == Reach.Kind.CENTRE && !reach.runs(managingCentre)) {
			throw denied(actor, "BOOK", null, request.patientId());
		}
		Booking booking = new Booking(request.patientId(), clinician.id(), request.centreId(), managingCentre, start,
				clinician.consultationMinutes(), request.sessionType(), fee, clinician.currency(), request.notes(),
				actor.auditUserId(), clock.instant());
		booking = hold(booking);
		booking.announceBooked();
		bookings.save(booking);
		careTeam.link(request.patientId(), clinician.id());
		careTeam.enrol(request.patientId(), managingCentre);
		audit.record(AuditRecord.success(actor, "CREATE", "APPOINTMENT", booking.getId(),
				request.patientId()));
		return booking.toAppointment();
	}

	/**
	 * Staff book for a patient known by phone (with or without the country code), registering the patient first when
	 * the number is new — in one transaction, so that a refused slot registers nobody.
	 */
	@Transactional
	public PhoneBooking bookByPhone(PhoneBookingRequest request, Actor actor) {
		if (!actor.isStaff()) {
			throw denied(actor, "BOOK", null, null);
		}
		var registration = patients.findOrRegister(request.phone(), request.fullName(), request.source(), actor);
		Appointment appointment = book(request.forPatient(registration.patient().id()), actor);
		return new PhoneBooking(appointment, registration.patient(), registration.created());
	}

	/** An appointment, if the caller may see it: staff, its patient, its clinician. Reads are audited. */
	@Transactional
	public Appointment get(long id, Actor actor) {
		Booking booking = booking(id);
		requireAccess(booking, actor, "READ");
		audit.record(AuditRecord.success(actor, "READ", "APPOINTMENT", id,
				booking.getPatientId()));
		return booking.toAppointment();
	}

	/** The staff list: every filter in SQL, a page at a time. */
	@Transactional
	public Page<Appointment> find(AppointmentFilter filter, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (!reach.staff()) {
			throw denied(actor, "LIST", null, filter.patientId());
		}
		Pageable ordered = PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST);
		Page<Appointment> found = bookings.search(filter.centreId(), reach.centreId(), filter.clinicianId(),
				filter.patientId(), filter.date(), filter.status(), ordered).map(Booking::toAppointment);
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null,
				filter.patientId(), AuditRecord.Outcome.SUCCESS, found.getNumberOfElements() + " results"));
		return found;
	}

	/** A patient's appointments, newest first: the patient themself, staff, or a clinician caring for them. */
	@Transactional
	public Page<Appointment> ofPatient(long patientId, Pageable page, Actor actor) {
		patients.requireAccess(patientId, actor, "READ");
		Pageable ordered = PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST);
		audit.record(AuditRecord.success(actor, "READ", "APPOINTMENT", null, patientId));
		return bookings.findByPatientId(patientId, ordered).map(Booking::toAppointment);
	}

	/** A patient's open appointments from now on, soonest first. */
	public List<Appointment> upcomingOfPatient(long patientId, int limit, Actor actor) {
		patients.requireAccess(patientId, actor, "READ");
		return bookings.upcomingForPatient(patientId, clock.instant(),
				EnumSet.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED), PageRequest.of(0, limit))
			.map(Booking::toAppointment).getContent();
	}

	public long countOfPatient(long patientId) {
		return bookings.countByPatientId(patientId);
	}

	/** The calling clinician's own appointments, divided by their own clock into current, upcoming and past. */
	@Transactional
	public Agenda agenda(Actor actor) {
		Clinician clinician = clinicians.forUser(actor.userId()).orElseThrow(Refusal::forbidden);
		ZoneId zone = clinician.timeZone();
		Instant now = clock.instant();
		LocalDate today = now.atZone(zone).toLocalDate();
		Instant startOfToday = today.atStartOfDay(zone).toInstant();
		Instant startOfTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
		var current = bookings.current(clinician.id(), startOfToday, startOfTomorrow, now, HIDDEN_FROM_AGENDA);
		var upcoming = bookings.upcoming(clinician.id(), startOfTomorrow, HIDDEN_FROM_AGENDA,
				PageRequest.of(0, AGENDA_SIZE));
		var past = bookings.past(clinician.id(), now, PageRequest.of(0, AGENDA_SIZE));
		audit.record(AuditRecord.success(actor, "LIST", "APPOINTMENT", null, null));
		return new Agenda(current.stream().map(Booking::toAppointment).toList(),
				upcoming.map(Booking::toAppointment).getContent(), past.map(Booking::toAppointment).getContent());
	}

	@Transactional
	public Appointment cancel(long id, @Nullable String reason, Actor actor) {
		Booking booking = booking(id);
		requireAccess(booking, actor, "CANCEL");
		if (actor.role() == Role.PATIENT && !booking.getStartsAt().isAfter(clock.instant())) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "An appointment that has started cannot be cancelled");
		}
		booking.cancel(reason == null || reason.isBlank() ? null : reason.trim(), clock.instant());
		bookings.save(booking);
		audit.record(AuditRecord.success(actor, "CANCEL", "APPOINTMENT", id,
				booking.getPatientId()));
		return booking.toAppointment();
	}

	/** Staff edits: a new slot (moved in one transaction), a status step, notes. */
	@Transactional
	public Appointment change(long id, AppointmentChanges changes, Actor actor) {
		Booking booking = booking(id);
		requireAccess(booking, actor, "UPDATE");
		if (actor.role() == Role.PATIENT) {
			throw denied(actor, "UPDATE", id, booking.getPatientId());
		}
		var now = clock.instant();
		if (changes.date() != null || changes.time() != null) {
			Appointment current = booking.toAppointment();
			Clinician clinician = clinicians.get(booking.getClinicianId());
			LocalDate date = changes.date() == null ? current.date() : changes.date();
			LocalTime time = changes.time() == null ? current.time() : changes.time();
			if (!date.equals(current.date()) || !time.equals(current.time())) {
				booking.reschedule(checkedSlot(clinician, current.centreId(), date, time),
						clinician.consultationMinutes(), now);
				booking = hold(booking);
			}
		}
		if (changes.notes() != null) {
			booking.annotate(changes.notes(), now);
		}
		if (changes.status() != null) {
			booking.moveTo(changes.status(), null, now);
		}
		bookings.save(booking);
		audit.record(AuditRecord.success(actor, "UPDATE", "APPOINTMENT", id,
				booking.getPatientId()));
		return booking.toAppointment();
	}

	/** Confirms an appointment whose payment has come in (or that staff confirm); confirming twice changes nothing. */
	@Transactional
	public Appointment confirm(long id) {
		Booking booking = booking(id);
		if (booking.getStatus() == AppointmentStatus.PENDING) {
			booking.confirm(clock.instant());
			bookings.save(booking);
		}
		return booking.toAppointment();
	}

	/**
	 * The one way to book, whichever face asks: for a known patient, the calling patient, or a patient known by
	 * phone (registered first when new); on the clinician's grid or (soon) any free interval.
	 */
	@Transactional
	public Booked book(AppointmentRequest request, Actor actor) {
		if (!(request.when() instanceof AppointmentRequest.GridSlot slot)) {
			throw Refusal.invalid("FREE_TIME_NOT_BOOKABLE", "Booking a free interval is not available yet");
		}
		Long clinicianId = request.clinician().id();
		if (clinicianId == null) {
			throw Refusal.notFound("Clinician");
		}
		if (request.patient() instanceof AppointmentRequest.ByPhone phone) {
			PhoneBooking b = bookByPhone(new PhoneBookingRequest(phone.phone(), phone.fullName(), phone.source(),
					clinicianId, request.centreId(), slot.date(), slot.time(), request.sessionType(), request.feeMinor(),
					request.notes()), actor);
			return new Booked(b.appointment(), b.patient(), b.newPatient());
		}
		if (request.patient() instanceof AppointmentRequest.KnownPatient known) {
			long patientId = known.patient().id() == null ? -1 : known.patient().id();
			Appointment a = book(new BookingRequest(patientId, clinicianId, request.centreId(), slot.date(),
					slot.time(), request.sessionType(), request.feeMinor(), request.notes()), actor);
			return new Booked(a, patients.findAll(List.of(a.patientId())).get(a.patientId()), false);
		}
		var self = patients.self(actor);
		Appointment a = book(new BookingRequest(self.id(), clinicianId, request.centreId(), slot.date(), slot.time(),
				request.sessionType(), null, request.notes()), actor);
		return new Booked(a, self, false);
	}

	/** The numeric id of an appointment named either way; 404 when there is none. */
	public long idOf(Ref appointment) {
		if (appointment.id() != null) {
			return appointment.id();
		}
		return bookings.findByPublicId(appointment.publicId()).map(Booking::getId)
			.orElseThrow(() -> Refusal.notFound("Appointment"));
	}

	/** The appointments the caller may see that match the query, a page at a time. */
	@Transactional
	public Page<Appointment> search(AppointmentQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		Long patientId = query.patientId();
		Long clinicianId = query.clinicianId();
		Long managingCentre = null;
		switch (reach.kind()) {
			case PATIENT -> patientId = reach.patientId();
			case CLINICIAN -> clinicianId = reach.clinicianId();
			case CENTRE -> managingCentre = reach.centreId();
			case CLINIC -> {
			}
			case NONE -> throw denied(actor, "LIST", null, query.patientId());
		}
		if ((query.patientId() != null && !query.patientId().equals(patientId))
				|| (query.clinicianId() != null && !query.clinicianId().equals(clinicianId))) {
			return Page.empty(page);
		}
		AppointmentStatus status = query.statuses().size() == 1 ? query.statuses().iterator().next() : null;
		Pageable ordered = PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST);
		Page<Appointment> found = bookings.search(query.centreId(), managingCentre, clinicianId, patientId,
				query.date(), status, ordered).map(Booking::toAppointment);
		audit.record(AuditRecord.of(actor, "LIST", "APPOINTMENT", null, patientId, AuditRecord.Outcome.SUCCESS,
				found.getNumberOfElements() + " results"));
		return found;
	}

	/** For other modules that have decided access themselves (payments, links of an appointment already shown). */
	public Appointment require(long id) {
		return booking(id).toAppointment();
	}

	/** Whether the caller may see this appointment: staff, its patient, its clinician. */
	public boolean mayAccess(Appointment appointment, Actor actor) {
		return !visibleTo(List.of(appointment), actor).isEmpty();
	}

	/**
	 * Which of these appointments the caller may see: staff of the clinic all, staff of a centre those their centre
	 * runs, a patient their own, a clinician their own. The caller's reach is looked up once.
	 */
	public List<Appointment> visibleTo(Collection<Appointment> appointments, Actor actor) {
		Reach reach = access.reachOf(actor);
		return appointments.stream().filter(a -> sees(reach, a)).toList();
	}

	static boolean sees(Reach reach, Appointment a) {
		return switch (reach.kind()) {
			case CLINIC -> true;
			case CENTRE -> reach.runs(a.managingCentreId());
			case PATIENT -> reach.isPatient(a.patientId());
			case CLINICIAN -> reach.isClinician(a.clinicianId());
			case NONE -> false;
		};
	}

	/** Throws FORBIDDEN (audited) unless the caller may see the appointment. */
	public Appointment requireAccess(long id, Actor actor, String action) {
		Booking booking = booking(id);
		requireAccess(booking, actor, action);
		return booking.toAppointment();
	}

	public Map<Long, Appointment> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return bookings.findAllById(ids).stream().map(Booking::toAppointment)
			.collect(Collectors.toMap(Appointment::id, Function.identity()));
	}

	private void requireAccess(Booking booking, Actor actor, String action) {
		if (!mayAccess(booking.toAppointment(), actor)) {
			throw denied(actor, action, booking.getId(), booking.getPatientId());
		}
	}

	private Refusal denied(Actor actor, String action, @Nullable Long appointmentId, @Nullable Long patientId) {
		audit.recordDenied(AuditRecord.denied(actor, action, "APPOINTMENT", appointmentId,
				patientId));
		return Refusal.forbidden();
	}

	private ZonedDateTime checkedSlot(Clinician clinician, @Nullable Long centreId, LocalDate date, LocalTime time) {
		ZoneId zone = clinician.timeZone();
		ZonedDateTime start = ZonedDateTime.of(date, time, zone);
		if (!start.toInstant().isAfter(clock.instant())) {
			throw Refusal.invalidField("startsAt", "Appointment time must be in the future");
		}
		var rules = availability.rules(clinician.id());
		List<LocalTime> grid = SlotGrid.starts(rules, date, centreId, clinician.consultationMinutes());
		if (!grid.contains(time)) {
			if (SlotGrid.withinHours(rules, date, time)) {
				throw Refusal.invalidField("startsAt",
						"Appointment time is not on the clinician's slot grid (every " + clinician.consultationMinutes()
								+ " minutes)");
			}
			throw Refusal.conflict("SLOT_UNAVAILABLE", "The clinician is not available at this time");
		}
		return start;
	}

	/** Writes the booking now, so that the database's unique slot key decides a race here and not at commit. */
	private Booking hold(Booking booking) {
		try {
			return bookings.saveAndFlush(booking);
		}
		catch (DataIntegrityViolationException e) {
			throw Refusal.conflict("SLOT_UNAVAILABLE", "Time slot not available");
		}
	}

	private Booking booking(long id) {
		return bookings.findById(id).orElseThrow(() -> Refusal.notFound("Appointment"));
	}
}
