package io.polyclinic.faces.hcp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.DrfPage;
import io.polyclinic.faces.LocalFormats;
import io.polyclinic.faces.Ordering;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.OpenSlot;
import io.polyclinic.scheduling.SlotBooking;
import io.polyclinic.scheduling.SlotId;
import io.polyclinic.scheduling.VisitChanges;

/**
 * Appointments: hcp.md's nine paths and the open slots. A patient books a slot by its {@code slot_id} (slots are the
 * doctor's grid, computed from their weekly hours; the id names the doctor and the start); each list shows what the
 * caller reaches — a patient their own, a doctor theirs, an administrator all — and the appointment book decides
 * every step: who may cancel, move, start and end, and in which order.
 */
@RestController
@RequestMapping("/api/appointments")
class HcpAppointmentController {

	private static final Map<String, AppointmentOrder> ORDERS = Map.of("scheduled_at", AppointmentOrder.SCHEDULED,
			"created_at", AppointmentOrder.CREATED);
	/** How many days of open slots a list shows when no date is asked for. */
	private static final int DEFAULT_SLOT_DAYS = 7;

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final Availability availability;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final HcpAppointments hcp;
	private final Clock clock;

	HcpAppointmentController(AppointmentBook book, AppointmentViews views, Availability availability,
			PatientRegistry patients, ClinicianRegistry clinicians, HcpAppointments hcp, Clock clock) {
		this.book = book;
		this.views = views;
		this.availability = availability;
		this.patients = patients;
		this.clinicians = clinicians;
		this.hcp = hcp;
		this.clock = clock;
	}

	enum AppointmentOrder {
		SCHEDULED, CREATED
	}

	/** The original's create serializer; {@code slot_id} read as DRF's IntegerField reads it. */
	record NewAppointment(@Nullable Object slotId, @Nullable String appointmentType, @Nullable String reason,
			@Nullable String symptoms, @Nullable String medicalHistory) {
	}

	/** The original's writable fields of an appointment; {@code status} steps through the lifecycle. */
	record AppointmentUpdate(@Nullable String appointmentType, @Nullable String status, @Nullable String reason,
			@Nullable String symptoms, @Nullable String medicalHistory, @Nullable String doctorNotes,
			@Nullable String patientFeedback, @Nullable Boolean requiresFollowUp, @Nullable String followUpDate) {
	}

	record Cancellation(@Nullable String reason) {
	}

	record Rescheduling(@Nullable Object newSlotId, @Nullable String reason) {
	}

	@GetMapping
	HcpReply<DrfPage<Map<String, Object>>> list(PageQuery page, @RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "appointment_type", required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable Long doctor, @RequestParam(required = false) @Nullable Long patient,
			@RequestParam(required = false) @Nullable String date,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo,
			@RequestParam(required = false) @Nullable String ordering, @AuthenticationPrincipal Actor actor) {
		var order = Ordering.parse("ordering", ordering, ORDERS,
				new Ordering<>(AppointmentOrder.SCHEDULED, true));
		var query = AppointmentQuery.all()
			.inStatus(statuses(status))
			.ofKind(kinds(type))
			.withClinician(doctor)
			.on(LocalFormats.optionalDate("date", date))
			.onDays(LocalFormats.optionalDate("date_from", dateFrom), LocalFormats.optionalDate("date_to", dateTo))
			.ordered(order(order));
		if (patient != null) {
			// hcp names a patient by their user id; a user who is no patient has no appointments
			var found = patients.forUser(patient);
			query = query.ofPatient(found.isPresent() ? found.get().id() : -1L);
		}
		return HcpReply.ok(page(views.find(query, page.pageable(), actor), page), "Appointments retrieved successfully");
	}

	/** The calling patient books a slot: 201 with the appointment as its detail shows it. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	HcpReply<Map<String, Object>> create(@RequestBody NewAppointment body, @AuthenticationPrincipal Actor actor) {
		if (body.reason() == null) {
			throw HcpAppointments.invalid("reason", HcpAppointments.REQUIRED);
		}
		if (body.reason().isBlank()) {
			throw HcpAppointments.invalid("reason", "This field may not be blank.");
		}
		SlotId slot = slot("slot_id", body.slotId());
		ConsultationType type = body.appointmentType() == null ? ConsultationType.VIDEO
				: HcpAppointments.type("appointment_type", body.appointmentType());
		var booked = book.bookSlot(slot, new SlotBooking(type, body.reason(), HcpAppointments.symptoms(body.symptoms()),
				body.medicalHistory()), actor);
		return HcpReply.ok(detail(booked.appointment().id(), actor), "Appointment booked successfully");
	}

	/** The caller's appointments still ahead (pending or confirmed), soonest first. */
	@GetMapping("/upcoming")
	HcpReply<DrfPage<Map<String, Object>>> upcoming(PageQuery page, @AuthenticationPrincipal Actor actor) {
		var query = AppointmentQuery.all()
			.inStatus(EnumSet.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED))
			.between(clock.instant(), null)
			.ordered(AppointmentQuery.Order.SOONEST_FIRST);
		return HcpReply.ok(page(views.find(query, page.pageable(), actor), page),
				"Upcoming appointments retrieved successfully");
	}

	@GetMapping("/{id}")
	HcpReply<Map<String, Object>> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return HcpReply.ok(detail(id, actor), "Appointment retrieved successfully");
	}

	/**
	 * What the parties write (each their own part: the appointment book decides), then a status step by the
	 * lifecycle's own method — cancelled, in_progress, completed, no_show by a party as the book allows; confirmed by
	 * the clinic's staff.
	 */
	@PutMapping("/{id}")
	HcpReply<Map<String, Object>> update(@PathVariable long id, @RequestBody AppointmentUpdate body,
			@AuthenticationPrincipal Actor actor) {
		AppointmentStatus step = body.status() == null ? null : HcpAppointments.status("status", body.status());
		ConsultationType type = body.appointmentType() == null ? null
				: HcpAppointments.type("appointment_type", body.appointmentType());
		var changes = new VisitChanges(body.reason(),
				body.symptoms() == null ? null : HcpAppointments.symptoms(body.symptoms()), body.medicalHistory(), type,
				body.patientFeedback(), body.doctorNotes(), body.requiresFollowUp(),
				LocalFormats.optionalInstant("follow_up_date", body.followUpDate()));
		if (changes.patientParts() || changes.clinicianParts()) {
			book.amend(Ref.id(id), changes, actor);
		}
		if (step != null) {
			step(id, step, actor);
		}
		return HcpReply.ok(detail(id, actor), "Appointment updated successfully");
	}

	@PatchMapping("/{id}")
	HcpReply<Map<String, Object>> patch(@PathVariable long id, @RequestBody AppointmentUpdate body,
			@AuthenticationPrincipal Actor actor) {
		return update(id, body, actor);
	}

	/** Either party (the patient until it starts), or staff who reach it; the other party is told. */
	@PostMapping("/{id}/cancel")
	HcpReply<Map<String, Object>> cancel(@PathVariable long id, @RequestBody(required = false) @Nullable Cancellation body,
			@AuthenticationPrincipal Actor actor) {
		book.cancel(Ref.id(id), body == null ? null : body.reason(), actor);
		return HcpReply.ok(detail(id, actor), "Appointment cancelled successfully");
	}

	/** Either party (the patient until it starts): another free slot of the same doctor; the old one is freed. */
	@PostMapping("/{id}/reschedule")
	HcpReply<Map<String, Object>> reschedule(@PathVariable long id, @RequestBody Rescheduling body,
			@AuthenticationPrincipal Actor actor) {
		try {
			book.rescheduleToSlot(Ref.id(id), slot("new_slot_id", body.newSlotId()), actor);
		}
		catch (Refusal e) {
			// the book names the slot a request sends; here it is the new one
			if (!e.fields().containsKey("slotId")) {
				throw e;
			}
			throw new Refusal(e.kind(), e.code(), e.getMessage(), Map.of("new_slot_id", e.fields().get("slotId")));
		}
		return HcpReply.ok(detail(id, actor), "Appointment rescheduled successfully");
	}

	/** The appointment's doctor, whenever they begin. */
	@PostMapping("/{id}/start")
	@PreAuthorize("hasRole('CLINICIAN')")
	HcpReply<Map<String, Object>> start(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		book.start(Ref.id(id), actor);
		return HcpReply.ok(detail(id, actor), "Appointment started successfully");
	}

	/** The appointment's doctor, whenever the visit ends (straight from pending or confirmed too). */
	@PostMapping("/{id}/end")
	@PreAuthorize("hasRole('CLINICIAN')")
	HcpReply<Map<String, Object>> end(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		book.complete(Ref.id(id), actor);
		return HcpReply.ok(detail(id, actor), "Appointment completed successfully");
	}

	@GetMapping("/{id}/reminders")
	HcpReply<DrfPage<Map<String, Object>>> reminders(@PathVariable long id, PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var all = book.reminders(Ref.id(id), actor);
		int from = (int) Math.min(page.offset(), all.size());
		int to = Math.min(from + page.size(), all.size());
		Page<Map<String, Object>> found = new PageImpl<>(
				all.subList(from, to).stream().map(HcpAppointments::reminder).toList(), page.pageable(), all.size());
		return HcpReply.ok(DrfPage.of(found, page, "page", r -> r), "Reminders retrieved successfully");
	}

	/**
	 * A doctor's open slots, soonest first: one day ({@code date}), or {@code date_from} to {@code date_to} (days on
	 * the doctor's clock, at most 31; from today for a week unless asked). The doctor is required ({@code doctor}, or
	 * the original's {@code doctor_id}): slots are computed from one doctor's hours.
	 */
	@PublicEndpoint
	@GetMapping("/slots")
	HcpReply<DrfPage<Map<String, Object>>> slots(PageQuery page, @RequestParam(required = false) @Nullable Long doctor,
			@RequestParam(name = "doctor_id", required = false) @Nullable Long doctorId,
			@RequestParam(required = false) @Nullable String date,
			@RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
			@RequestParam(name = "date_to", required = false) @Nullable String dateTo) {
		Long id = doctor != null ? doctor : doctorId;
		if (id == null) {
			throw HcpAppointments.invalid("doctor", HcpAppointments.REQUIRED);
		}
		LocalDate day = LocalFormats.optionalDate("date", date);
		LocalDate first = day != null ? day : LocalFormats.optionalDate("date_from", dateFrom);
		LocalDate last = day != null ? day : LocalFormats.optionalDate("date_to", dateTo);
		if (first == null) {
			first = availability.today(id);
		}
		if (last == null) {
			last = first.plusDays(DEFAULT_SLOT_DAYS - 1);
		}
		List<OpenSlot> open;
		try {
			open = availability.openSlots(id, first, last);
		}
		catch (Refusal e) {
			throw e.fields().containsKey("dateTo") ? HcpAppointments.invalid("date_to", e.getMessage()) : e;
		}
		String name = doctorName(id);
		int from = (int) Math.min(page.offset(), open.size());
		int to = Math.min(from + page.size(), open.size());
		Page<Map<String, Object>> found = new PageImpl<>(
				open.subList(from, to).stream().map(s -> HcpAppointments.slot(s, name)).toList(), page.pageable(),
				open.size());
		return HcpReply.ok(DrfPage.of(found, page, "page", s -> s), "Slots retrieved successfully");
	}

	private String doctorName(long id) {
		Clinician doctor = clinicians.findAll(Set.of(id)).get(id);
		return doctor == null ? "" : doctor.fullName();
	}

	private void step(long id, AppointmentStatus step, Actor actor) {
		Ref ref = Ref.id(id);
		switch (step) {
			case CANCELLED -> book.cancel(ref, null, actor);
			case IN_PROGRESS -> book.start(ref, actor);
			case COMPLETED -> book.complete(ref, actor);
			case NO_SHOW -> book.markNoShow(ref, actor);
			case CONFIRMED -> book.confirm(ref, actor);
			case PENDING -> {
				if (book.requireAccess(ref, actor, "UPDATE").status() != AppointmentStatus.PENDING) {
					throw Refusal.conflict("INVALID_STATUS_TRANSITION", "An appointment cannot go back to pending");
				}
			}
		}
	}

	private Map<String, Object> detail(long id, Actor actor) {
		return hcp.detail(views.detail(Ref.id(id), actor));
	}

	private DrfPage<Map<String, Object>> page(Page<io.polyclinic.scheduling.AppointmentView> found, PageQuery page) {
		var parties = hcp.parties(found.getContent(), false);
		return DrfPage.of(found, page, "page", v -> hcp.item(v, parties));
	}

	private static SlotId slot(String field, @Nullable Object value) {
		long id = HcpAppointments.integer(field, value);
		try {
			return SlotId.of(id);
		}
		catch (Refusal e) {
			throw HcpAppointments.invalid(field, e.getMessage());
		}
	}

	private static Set<AppointmentStatus> statuses(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
		for (String s : value.split(",")) {
			statuses.add(HcpAppointments.status("status", s));
		}
		return statuses;
	}

	private static Set<ConsultationType> kinds(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return switch (HcpAppointments.type("appointment_type", value)) {
			case VIDEO -> EnumSet.of(ConsultationType.VIDEO, ConsultationType.ONLINE, ConsultationType.CHAT);
			default -> EnumSet.of(ConsultationType.IN_PERSON, ConsultationType.HOME);
		};
	}

	private static AppointmentQuery.Order order(Ordering<AppointmentOrder> ordering) {
		return switch (ordering.key()) {
			case SCHEDULED -> ordering.descending() ? AppointmentQuery.Order.NEWEST_FIRST
					: AppointmentQuery.Order.SOONEST_FIRST;
			case CREATED -> ordering.descending() ? AppointmentQuery.Order.BOOKED_LAST
					: AppointmentQuery.Order.BOOKED_FIRST;
		};
	}
}
