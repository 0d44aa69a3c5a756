package io.polyclinic.faces.mibo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.billing.AppointmentCharges;
import io.polyclinic.billing.Charge;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.PageQuery;
import io.polyclinic.faces.mibo.MiboAppointments.AgendaView;
import io.polyclinic.faces.mibo.MiboAppointments.Cancelled;
import io.polyclinic.faces.mibo.MiboAppointments.Detail;
import io.polyclinic.faces.mibo.MiboAppointments.Row;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentChanges;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentViews;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.Slot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Appointments as staff and clinicians see them: {@code /api/appointments}. Roles follow the contract's matrix ("View
 * All" for the list); which appointments a caller may list, open or change is decided by the scheduling module.
 * Dates and times are on the clinician's clock.
 */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

	/** The "Appointments (View All)" row, and the contract's roles for creating and cancelling. */
	private static final String STAFF = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR','FRONT_DESK')";
	private static final String EDITORS = "hasAnyRole('ADMIN','MANAGER','CENTRE_MANAGER','CARE_COORDINATOR')";

	private final AppointmentBook book;
	private final AppointmentViews views;
	private final Availability availability;
	private final AppointmentCharges charges;
	private final MiboPaymentProvider provider;
	private final PatientRegistry patients;

	AppointmentController(AppointmentBook book, AppointmentViews views, Availability availability,
			AppointmentCharges charges, MiboPaymentProvider provider, PatientRegistry patients) {
		this.patients = patients;
		this.charges = charges;
		this.provider = provider;
		this.book = book;
		this.views = views;
		this.availability = availability;
	}

	/**
	 * The contract's body, or the admin panel's: {@code patient_id} (the patient's account id, which is what the panel
	 * holds as a patient's {@code userId}), {@code clinician_id}, {@code centre_id},
	 * {@code appointment_type} for the session type, and {@code scheduled_start_at} (an instant) with
	 * {@code duration_minutes} in place of the date and time; {@code patient_notes} are the notes.
	 */
	record NewAppointment(@Nullable Long patientId, @JsonProperty("patient_id") @Nullable Long patientAccountId,
			@JsonAlias("clinician_id") @NotNull(message = "Clinician is required") Long clinicianId,
			@JsonAlias("centre_id") @Nullable Long centreId, @JsonProperty("appointmentDate") @Nullable String appointmentDate,
			@JsonProperty("appointmentTime") @Nullable String appointmentTime,
			@JsonAlias("appointment_type") @NotBlank(message = "Session type is required") String sessionType,
			@Nullable @PositiveOrZero(message = "Consultation fee cannot be negative") Long consultationFee,
			@Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String notes,
			@JsonProperty("scheduled_start_at") @JsonAlias("scheduledStartAt") @Nullable String scheduled_start_at,
			@JsonProperty("duration_minutes") @JsonAlias("durationMinutes") @Nullable @Min(value = 5, message = "Duration must be between 5 and 480 minutes") @Max(value = 480, message = "Duration must be between 5 and 480 minutes") Integer duration_minutes,
			@JsonProperty("patient_notes") @Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String patient_notes) {

		/**
		 * The contract's patient, or the panel's account of one. Not {@code @JsonIgnore}d like the checks below: that
		 * would hide the {@code patientId} property itself from Jackson; a request record is only ever read.
		 */
		@AssertTrue(message = "Patient is required")
		boolean isPatientId() {
			return patientId != null || patientAccountId != null;
		}

		/** The contract's date, unless the panel's start is given (checked with the other fields, reported together). */
		@JsonIgnore
		@AssertTrue(message = "Appointment date is required")
		boolean isAppointmentDate() {
			return !blank(scheduled_start_at) || !blank(appointmentDate);
		}

		@JsonIgnore
		@AssertTrue(message = "Appointment time is required")
		boolean isAppointmentTime() {
			return !blank(scheduled_start_at) || !blank(appointmentTime);
		}

		/** The grid slot the contract names, or the panel's interval; the panel's start is refused if malformed. */
		AppointmentRequest.When when() {
			if (!blank(scheduled_start_at)) {
				if (!blank(appointmentDate) || !blank(appointmentTime)) {
					throw Refusal.invalidField("scheduled_start_at",
							"Give scheduled_start_at or appointmentDate and appointmentTime, not both");
				}
				Instant start = instant("scheduled_start_at", scheduled_start_at);
				return new AppointmentRequest.Interval(start,
						duration_minutes == null ? null : start.plus(Duration.ofMinutes(duration_minutes)), true);
			}
			if (duration_minutes != null) {
				throw Refusal.invalidField("duration_minutes", "Goes with scheduled_start_at");
			}
			return new AppointmentRequest.GridSlot(MiboAppointments.parseDate("appointmentDate", appointmentDate),
					MiboAppointments.parseTime("appointmentTime", appointmentTime));
		}

		/** An ISO-8601 instant ({@code 2030-01-07T04:30:00.000Z}) or a time with an offset. */
		private static Instant instant(String field, String value) {
			try {
				return OffsetDateTime.parse(value.trim()).toInstant();
			}
			catch (DateTimeParseException e) {
				throw Refusal.invalidField(field, "Must be an ISO-8601 date-time with an offset, such as 2030-01-07T04:30:00Z");
			}
		}

		/** The notes, and the panel's patient notes after them. */
		@Nullable
		String allNotes() {
			if (blank(patient_notes)) {
				return notes;
			}
			return blank(notes) ? patient_notes : notes + "\n" + patient_notes;
		}
	}

	/** paymentLink: the link sent to the patient over WhatsApp for the fee; null for a free appointment. */
	record Created(long id, String appointmentDate, String appointmentTime, AppointmentStatus status,
			@Nullable String paymentLink) {
	}

	record AppointmentUpdate(@Nullable String appointmentDate, @Nullable String appointmentTime,
			@Nullable String status,
			@Nullable @Size(max = 2000, message = "Notes must be at most 2000 characters") String notes) {
	}

	record Cancellation(@Nullable @Size(max = 500, message = "Reason must be at most 500 characters") String reason) {
	}

	record FreeSlots(List<String> availableSlots) {
	}

	/** Newest first, a page at a time ({@code page} from 1, {@code limit} up to 100); {@code date} is the clinician's. */
	@GetMapping
	@PreAuthorize(STAFF)
	Reply<List<Row>> list(@RequestParam(required = false) @Nullable Long centreId,
			@RequestParam(required = false) @Nullable Long clinicianId,
			@RequestParam(required = false) @Nullable Long patientId,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String status,
			PageQuery page,
			@AuthenticationPrincipal Actor actor) {
		var query = AppointmentQuery.all().atCentre(centreId).withClinician(clinicianId).ofPatient(patientId)
			.on(MiboFormats.date("date", date))
			.inStatus(MiboAppointments.statuses(MiboAppointments.status("status", status)));
		return Reply.of(views.find(query, page.pageable(), actor).map(Row::of).getContent());
	}

	@GetMapping("/my-appointments")
	@PreAuthorize("hasRole('CLINICIAN')")
	Reply<AgendaView> mine(@AuthenticationPrincipal Actor actor) {
		return Reply.of(AgendaView.of(views.agenda(actor)));
	}

	/** Only the free start times of the day, on the clinician's clock; the parameters are snake_case as documented. */
	@GetMapping("/availability")
	Reply<FreeSlots> availability(@RequestParam("clinician_id") long clinicianId,
			@RequestParam(name = "centre_id", required = false) @Nullable Long centreId, @RequestParam String date) {
		var free = availability.slots(clinicianId, centreId, MiboAppointments.parseDate("date", date)).stream()
			.filter(Slot::available).map(s -> MiboAppointments.time(s.time())).toList();
		return Reply.of(new FreeSlots(free));
	}

	@GetMapping("/{id}")
	Reply<Detail> get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return Reply.of(Detail.of(views.get(Ref.id(id), actor)));
	}

	/** A fee means a payment link sent to the patient; a link the provider cannot make does not undo the booking. */
	@SuppressWarnings("removal")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	Reply<Created> create(@Valid @RequestBody NewAppointment request, @AuthenticationPrincipal Actor actor) {
		var when = request.when();
		long patientId = request.patientId() != null ? request.patientId()
				: patients.ofAccount(request.patientAccountId(), actor).id();
		var charged = charges.bookAndCharge(new AppointmentRequest(
				new AppointmentRequest.KnownPatient(Ref.id(patientId)), Ref.id(request.clinicianId()),
				request.centreId(), when, MiboAppointments.sessionType("sessionType", request.sessionType()),
				MiboFormats.paise(request.consultationFee()), request.allNotes()), Charge.link(provider.name()), actor);
		Appointment a = charged.appointment();
		return Reply.of("Appointment created successfully", new Created(a.id(), MiboAppointments.date(a),
				MiboAppointments.time(a), MiboAppointments.shown(a.status()), charged.link() == null ? null : charged.link().link().shortUrl()));
	}

	/** Reschedules, moves the status a step, or changes the notes; answers the appointment as it now is. */
	@PutMapping("/{id}")
	@PreAuthorize(EDITORS)
	Reply<Detail> update(@PathVariable long id, @Valid @RequestBody AppointmentUpdate request,
			@AuthenticationPrincipal Actor actor) {
		var changes = new AppointmentChanges(
				blank(request.appointmentDate()) ? null
						: MiboAppointments.parseDate("appointmentDate", request.appointmentDate()),
				blank(request.appointmentTime()) ? null
						: MiboAppointments.parseTime("appointmentTime", request.appointmentTime()),
				MiboAppointments.status("status", request.status()), request.notes());
		book.change(Ref.id(id), changes, actor);
		return Reply.of("Appointment updated successfully", Detail.of(views.get(Ref.id(id), actor)));
	}

	/** The body with the reason is optional. */
	@DeleteMapping("/{id}")
	@PreAuthorize(STAFF)
	Reply<Cancelled> cancel(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Cancellation request,
			@AuthenticationPrincipal Actor actor) {
		Appointment a = book.cancel(Ref.id(id), request == null ? null : request.reason(), actor);
		return Reply.of("Appointment cancelled successfully", Cancelled.of(a));
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
