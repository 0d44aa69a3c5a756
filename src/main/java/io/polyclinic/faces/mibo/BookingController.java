package io.polyclinic.faces.mibo;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.billing.AppointmentCharges;
import io.polyclinic.billing.Charge;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.mibo.MiboAppointments.Cancelled;
import io.polyclinic.faces.mibo.MiboAppointments.Detail;
import io.polyclinic.faces.mibo.MiboAppointments.Visit;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.Availability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The patient's booking flow, and the front desk's: {@code /api/booking}. A patient books, lists, opens and cancels
 * only their own appointments (the scheduling module decides, and finds the patient from the caller); the day's
 * slots are public.
 */
@RestController
@RequestMapping("/api/booking")
class BookingController {

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final Availability availability;
	private final AppointmentCharges charges;
	private final MiboPaymentProvider provider;

	BookingController(AppointmentBook book, AppointmentViews views, Availability availability,
			AppointmentCharges charges, MiboPaymentProvider provider) {
		this.charges = charges;
		this.provider = provider;
		this.book = book;
		this.views = views;
		this.availability = availability;
	}

	/**
	 * {@code consultationFee} is accepted as the contract shows it and ignored: a patient pays the clinician's fee,
	 * which the scheduling module charges whatever the request says.
	 */
	/**
	 * The patient website's spellings are accepted too: {@code appointmentType} for {@code sessionType},
	 * {@code patientNotes} (the patient's note to the clinic, kept as the appointment's notes) and
	 * {@code appointmentDateUTC}, the instant its browser computed: checked to be an instant, not used, since the
	 * date and time on the clinician's clock decide (a browser's zone may not be the clinic's).
	 */
	record PatientBooking(@NotNull(message = "Clinician is required") Long clinicianId, @Nullable Long centreId,
			@NotBlank(message = "Appointment date is required") String appointmentDate,
			@NotBlank(message = "Appointment time is required") String appointmentTime,
			@JsonAlias("appointmentType") @NotBlank(message = "Session type is required") String sessionType,
			@Nullable Long consultationFee,
			@JsonProperty("appointmentDateUTC") @JsonAlias("appointmentDateUtc") @Nullable String appointmentDateUtc,
			@Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String patientNotes) {
	}

	/**
	 * The provider's order for the fee the module charged (rupees), to open the checkout with; {@code appointment}
	 * only for the patient website's request (the one with {@code appointmentDateUTC}), which reads the id there.
	 */
	record Booked(long appointmentId, @Nullable String paymentOrderId, long amount,
			@JsonInclude(JsonInclude.Include.NON_NULL) PatientSite.@Nullable BookedAppointment appointment) {
	}

	record SiteSlot(String startTime, String endTime, boolean available) {
	}

	record FreeDate(String date, int slotCount, String firstSlot) {
	}

	record Cancellation(@Nullable @Size(max = 500, message = "Reason must be at most 500 characters") String reason) {
	}

	record SlotView(String time, boolean available) {
	}

	/** {@code slots} is the patient website's list of the same slots, with their end ({@code HH:mm}). */
	record DaySlots(String date, List<SlotView> availableSlots, List<SiteSlot> slots) {
	}

	/** {@code notes} is an additive, optional field; a new phone number needs {@code patientName}. */
	record FrontDeskBooking(
			@NotBlank(message = "Patient phone is required")
			@Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "Invalid phone number") String patientPhone,
			@Nullable @Size(max = 200, message = "Patient name must be at most 200 characters") String patientName,
			@NotNull(message = "Clinician is required") Long clinicianId, @Nullable Long centreId,
			@NotBlank(message = "Appointment date is required") String appointmentDate,
			@NotBlank(message = "Appointment time is required") String appointmentTime,
			@JsonAlias("appointmentType") @NotBlank(message = "Session type is required") String sessionType,
			@Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") Long consultationFee,
			@Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String notes,
			@Nullable @Email(message = "Invalid email address") @Size(max = 200, message = "Email must be at most 200 characters")
			String patientEmail) {
	}

	/**
	 * The contract shows no answer for a front-desk booking; this one says which patient was booked and whether the
	 * booking registered them (fields may be added, never taken away).
	 */
	record FrontDeskBooked(long appointmentId, long patientId, @JsonProperty("isNewPatient") boolean isNewPatient,
			String appointmentDate, String appointmentTime, AppointmentStatus status,
			PatientSite.BookedAppointment appointment, BookedPatient patient) {
	}

	/** The booked patient as the admin panel's wizard reads it. */
	record BookedPatient(long id, String name, @Nullable String phone, @Nullable String email) {
	}

	@SuppressWarnings("removal")
	@PostMapping("/create")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PATIENT')")
	Reply<Booked> create(@Valid @RequestBody PatientBooking request, @AuthenticationPrincipal Actor actor) {
		boolean site = request.appointmentDateUtc() != null;
		if (site) {
			PatientSite.instant("appointmentDateUTC", request.appointmentDateUtc());
		}
		String notes = request.patientNotes() == null || request.patientNotes().isBlank() ? null
				: request.patientNotes().trim();
		var charged = charges.bookAndCharge(new AppointmentRequest(new AppointmentRequest.Caller(),
				Ref.id(request.clinicianId()), request.centreId(), new AppointmentRequest.GridSlot(
						MiboAppointments.parseDate("appointmentDate", request.appointmentDate()),
						MiboAppointments.parseTime("appointmentTime", request.appointmentTime())),
				MiboAppointments.sessionType("sessionType", request.sessionType()), null, notes),
				Charge.order(provider.name()), actor);
		var order = charged.order();
		Appointment a = charged.appointment();
		return Reply.of("Appointment created successfully", new Booked(a.id(),
				order == null ? null : order.orderId(),
				MiboFormats.rupees(order == null ? a.feeMinor() : order.amountMinor()),
				site ? PatientSite.BookedAppointment.of(a) : null));
	}

	/** The caller's own appointments, newest first, a page at a time. */
	@GetMapping("/my-appointments")
	@PreAuthorize("hasRole('PATIENT')")
	Reply<List<Visit>> mine(
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		return Reply.of(views.find(AppointmentQuery.all(), page.pageable(), actor).map(Visit::of)
			.getContent());
	}

	/** Every start time of the clinician's day, each with whether it can still be booked. */
	@PublicEndpoint
	@GetMapping("/available-slots")
	Reply<DaySlots> availableSlots(@RequestParam long clinicianId, @RequestParam(required = false) @Nullable Long centreId,
			@RequestParam String date) {
		LocalDate day = MiboAppointments.parseDate("date", date);
		var found = availability.slots(clinicianId, centreId, day);
		return Reply.of(new DaySlots(day.toString(),
				found.stream().map(s -> new SlotView(MiboAppointments.time(s.time()), s.available())).toList(),
				found.stream()
					.map(s -> new SiteSlot(PatientSite.time(s.time()), PatientSite.time(s.endTime()), s.available()))
					.toList()));
	}

	/**
	 * The patient website's calendar: the days from {@code startDate} to {@code endDate} (both included, at most
	 * {@value Availability#MAX_DAYS} days) on which the clinician has a free slot, with how many and the first.
	 */
	@PublicEndpoint
	@GetMapping("/dates-with-slots")
	Reply<List<FreeDate>> datesWithSlots(@RequestParam long clinicianId,
			@RequestParam(required = false) @Nullable Long centreId, @RequestParam String startDate,
			@RequestParam String endDate) {
		LocalDate from = MiboAppointments.parseDate("startDate", startDate);
		LocalDate to = MiboAppointments.parseDate("endDate", endDate);
		return Reply.of(availability.daysWithFreeSlots(clinicianId, centreId, from, to).stream()
			.map(d -> new FreeDate(d.date().toString(), d.freeSlots(), PatientSite.time(d.firstFree())))
			.toList());
	}

	/** Finds the patient by phone (with or without the country code) or registers a walk-in, then books. */
	@PostMapping("/front-desk")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('FRONT_DESK','ADMIN','MANAGER')")
	Reply<FrontDeskBooked> frontDesk(@Valid @RequestBody FrontDeskBooking request,
			@AuthenticationPrincipal Actor actor) {
		var booked = book.book(new AppointmentRequest(
				new AppointmentRequest.ByPhone(request.patientPhone(), request.patientName(), LeadSource.WALK_IN,
						request.patientEmail()),
				Ref.id(request.clinicianId()), request.centreId(),
				new AppointmentRequest.GridSlot(MiboAppointments.parseDate("appointmentDate", request.appointmentDate()),
						MiboAppointments.parseTime("appointmentTime", request.appointmentTime())),
				MiboAppointments.sessionType("sessionType", request.sessionType()),
				MiboFormats.paise(request.consultationFee()), request.notes()), actor);
		Appointment a = booked.appointment();
		var patient = booked.patient();
		return Reply.of("Appointment created successfully", new FrontDeskBooked(a.id(), patient.id(),
				booked.newPatient(), MiboAppointments.date(a), MiboAppointments.time(a), MiboAppointments.shown(a.status()),
				PatientSite.BookedAppointment.of(a), new BookedPatient(patient.id(), patient.fullName(), patient.phone(),
						patient.email())));
	}

	/** The caller's own appointment (staff and its clinician may open it too; anyone else is refused). */
	@GetMapping("/{id}")
	Reply<Detail> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of(Detail.of(views.get(Ref.id(id), actor)));
	}

	/**
	 * A patient cancels their own appointment before it starts; staff cancel through
	 * {@code DELETE /api/appointments/{id}}.
	 */
	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasRole('PATIENT')")
	Reply<Cancelled> cancel(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Cancellation request,
			@AuthenticationPrincipal Actor actor) {
		Appointment a = book.cancel(Ref.id(id), request == null ? null : request.reason(), actor);
		return Reply.of("Appointment cancelled successfully", Cancelled.of(a));
	}
}
