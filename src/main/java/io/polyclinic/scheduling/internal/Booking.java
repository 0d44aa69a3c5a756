package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBooked;
import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentCompleted;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.scheduling.AppointmentMissed;
import io.polyclinic.scheduling.AppointmentRescheduled;
import io.polyclinic.scheduling.AppointmentStarted;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.scheduling.VisitDetails;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An appointment: one patient in an interval [startsAt, endsAt) of one clinician's time. It changes only through its
 * intention-revealing methods, each of which checks the order of statuses — PENDING, then CONFIRMED, IN_PROGRESS, then
 * COMPLETED or NO_SHOW; CANCELLED from any open status — and registers what happened. A removed appointment is
 * cancelled and shown to nobody. Who may ask for a step is the
 * appointment book's question; whether the clock allows it is not asked, except that nobody misses a visit that has
 * not begun. The database refuses an overlap with another active appointment of the clinician.
 */
@Entity
@Table(name = "appointments")
public class Booking extends AbstractAggregateRoot<Booking> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private UUID publicId;
	private Long patientId;
	private Long clinicianId;
	private @Nullable Long centreId;
	private @Nullable Long managingCentreId;
	private Instant startsAt;
	private Instant endsAt;
	// the start while the appointment is active, NULL once cancelled (uk_appointments_clinician_slot, see V20)
	private @Nullable Instant slotHold;
	private LocalDate localDate;
	private LocalTime localTime;
	private String timeZone;
	@Enumerated(EnumType.STRING)
	private SessionType sessionType;
	@Enumerated(EnumType.STRING)
	private AppointmentStatus status;
	private long feeMinor;
	private String currency;
	private @Nullable String notes;
	private @Nullable String cancellationReason;
	private @Nullable Instant cancelledAt;
	private @Nullable Long bookedByUserId;
	private Instant createdAt;
	private Instant updatedAt;
	@Enumerated(EnumType.STRING)
	private ConsultationType consultationType;
	@Convert(converter = SymptomsColumn.class)
	private List<String> symptoms = new ArrayList<>();
	private @Nullable String visitLocation;
	private @Nullable Instant removedAt;
	private @Nullable String medicalHistory;
	private @Nullable String doctorNotes;
	private @Nullable String patientFeedback;
	private boolean requiresFollowUp;
	private @Nullable Instant followUpDate;
	private @Nullable Instant startedAt;
	private @Nullable Instant endedAt;
	@Version
	private long version;

	protected Booking() {
	}

	private Booking(long patientId, long clinicianId, @Nullable Long centreId, @Nullable Long managingCentreId,
			SessionType sessionType, ConsultationType consultationType, long feeMinor, String currency,
			@Nullable String notes, List<String> symptoms, @Nullable String visitLocation, @Nullable Long bookedByUserId,
			Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.clinicianId = clinicianId;
		this.centreId = centreId;
		this.managingCentreId = managingCentreId;
		this.sessionType = sessionType;
		this.consultationType = consultationType;
		this.symptoms = new ArrayList<>(symptoms);
		this.visitLocation = visitLocation;
		this.status = AppointmentStatus.PENDING;
		this.feeMinor = feeMinor;
		this.currency = currency;
		this.notes = notes;
		this.bookedByUserId = bookedByUserId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A new appointment, pending until it is confirmed (paid for, or confirmed by staff).
	 *
	 * @param start the start on the clinician's clock, whose zone the appointment keeps for its local date and time
	 */
	public static Booking pending(long patientId, long clinicianId, @Nullable Long centreId,
			@Nullable Long managingCentreId, ZonedDateTime start, Instant end, SessionType sessionType,
			ConsultationType consultationType, long feeMinor, String currency, @Nullable String notes,
			List<String> symptoms, @Nullable String visitLocation, @Nullable Long bookedByUserId, Instant now) {
		Booking booking = new Booking(patientId, clinicianId, centreId, managingCentreId, sessionType, consultationType,
				feeMinor, currency, notes, symptoms, visitLocation, bookedByUserId, now);
		booking.place(start, end);
		return booking;
	}

	/** Once the row is written, the appointment has the id its event names. */
	@PostPersist
	void booked() {
		registerEvent(new AppointmentBooked(id, patientId, clinicianId, startsAt, centreId, managingCentreId, feeMinor,
				currency));
	}

	/** Confirming a confirmed appointment changes nothing. */
	public void confirm(Instant now) {
		if (status == AppointmentStatus.CONFIRMED) {
			return;
		}
		requireStatus(AppointmentStatus.PENDING, "confirmed");
		status = AppointmentStatus.CONFIRMED;
		updatedAt = now;
		registerEvent(new AppointmentConfirmed(id, patientId, clinicianId, startsAt));
	}

	/** The clinician begins the visit, whatever the clock says; it still holds its time. */
	public void start(Instant now) {
		if (status == AppointmentStatus.IN_PROGRESS) {
			return;
		}
		if (!status.isAhead()) {
			throw transition("started");
		}
		status = AppointmentStatus.IN_PROGRESS;
		startedAt = now;
		updatedAt = now;
		registerEvent(new AppointmentStarted(id, patientId, clinicianId, startsAt));
	}

	/**
	 * Removes the appointment: an open one is cancelled first (its time freed, the cancellation announced), and from
	 * then on nobody is shown it.
	 */
	public void remove(Instant now) {
		if (status.isOpen()) {
			cancel(null, now);
		}
		removedAt = now;
		updatedAt = now;
	}

	public boolean isRemoved() {
		return removedAt != null;
	}

	/** Cancelling frees the clinician's time at once. */
	public void cancel(@Nullable String reason, Instant now) {
		requireOpen("cancelled");
		status = AppointmentStatus.CANCELLED;
		slotHold = null;
		cancellationReason = reason;
		cancelledAt = now;
		updatedAt = now;
		registerEvent(new AppointmentCancelled(id, patientId, clinicianId, startsAt, reason, centreId,
				managingCentreId));
	}

	/** A visit ends whenever the clinician ends it — early, late, or straight from pending. */
	public void complete(Instant now) {
		requireOpen("completed");
		status = AppointmentStatus.COMPLETED;
		endedAt = now;
		updatedAt = now;
		registerEvent(new AppointmentCompleted(id, patientId, clinicianId, startsAt));
	}

	public void markNoShow(Instant now) {
		if (!status.isAhead()) {
			throw transition("marked as no-show");
		}
		if (now.isBefore(startsAt)) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION",
					"A patient cannot miss an appointment that has not started");
		}
		status = AppointmentStatus.NO_SHOW;
		updatedAt = now;
		registerEvent(new AppointmentMissed(id, patientId, clinicianId, startsAt));
	}

	/** Moves the appointment to another interval of its clinician's time; the old one is freed in the same write. */
	public void reschedule(ZonedDateTime start, Instant end, Instant now) {
		if (!status.isAhead()) {
			throw transition("rescheduled");
		}
		Instant previous = startsAt;
		place(start, end);
		updatedAt = now;
		registerEvent(new AppointmentRescheduled(id, patientId, clinicianId, previous, startsAt, centreId,
				managingCentreId));
	}

	public void annotate(@Nullable String notes, Instant now) {
		this.notes = notes;
		this.updatedAt = now;
	}

	/** How the visit takes place and what it is about; null leaves a part as it is. */
	public void describe(@Nullable ConsultationType consultationType, @Nullable List<String> symptoms,
			@Nullable String visitLocation, boolean clearVisitLocation, Instant now) {
		if (consultationType != null) {
			this.consultationType = consultationType;
			this.sessionType = consultationType.sessionType();
		}
		if (symptoms != null) {
			this.symptoms = new ArrayList<>(symptoms);
		}
		if (visitLocation != null || clearVisitLocation) {
			this.visitLocation = visitLocation;
		}
		this.updatedAt = now;
	}

	/** What the patient tells of their history. */
	public void recordHistory(@Nullable String medicalHistory, Instant now) {
		this.medicalHistory = medicalHistory;
		this.updatedAt = now;
	}

	/** The patient's word on the visit. */
	public void giveFeedback(@Nullable String feedback, Instant now) {
		this.patientFeedback = feedback;
		this.updatedAt = now;
	}

	/** The clinician's notes on the visit, and whether (and when) they want to see the patient again. */
	public void writeUp(@Nullable String doctorNotes, @Nullable Boolean requiresFollowUp,
			@Nullable Instant followUpDate, Instant now) {
		if (doctorNotes != null) {
			this.doctorNotes = doctorNotes.isBlank() ? null : doctorNotes;
		}
		if (requiresFollowUp != null) {
			this.requiresFollowUp = requiresFollowUp;
		}
		if (followUpDate != null) {
			this.followUpDate = followUpDate;
		}
		this.updatedAt = now;
	}

	public VisitDetails toVisitDetails() {
		return new VisitDetails(medicalHistory, doctorNotes, patientFeedback, requiresFollowUp, followUpDate, startedAt,
				endedAt);
	}

	/** The step a status names, for callers that speak in statuses (an edit); the status it has changes nothing. */
	public void moveTo(AppointmentStatus target, Instant now) {
		if (target == status) {
			return;
		}
		switch (target) {
			case PENDING -> requireStatus(AppointmentStatus.PENDING, "set back to pending");
			case CONFIRMED -> confirm(now);
			case IN_PROGRESS -> start(now);
			case COMPLETED -> complete(now);
			case CANCELLED -> cancel(null, now);
			case NO_SHOW -> markNoShow(now);
		}
	}

	public boolean hasStarted(Instant now) {
		return !now.isBefore(startsAt);
	}

	private void place(ZonedDateTime start, Instant end) {
		this.startsAt = start.toInstant();
		this.endsAt = end;
		this.slotHold = startsAt;
		this.localDate = start.toLocalDate();
		this.localTime = start.toLocalTime();
		this.timeZone = start.getZone().getId();
	}

	private void requireOpen(String verb) {
		if (!status.isOpen()) {
			throw transition(verb);
		}
	}

	private void requireStatus(AppointmentStatus expected, String verb) {
		if (status != expected) {
			throw transition(verb);
		}
	}

	private Refusal transition(String verb) {
		return Refusal.conflict("INVALID_STATUS_TRANSITION",
				"A " + status.name().toLowerCase().replace('_', '-') + " appointment cannot be " + verb);
	}

	public Appointment toAppointment() {
		return new Appointment(id, publicId, patientId, clinicianId, centreId, localDate, localTime, ZoneId.of(timeZone),
				startsAt, endsAt, sessionType, status, feeMinor, currency, notes, cancellationReason, bookedByUserId,
				createdAt, managingCentreId, consultationType, symptoms == null ? List.of() : symptoms, visitLocation,
				updatedAt);
	}

	public Long getId() {
		return id;
	}

	public Long getPatientId() {
		return patientId;
	}

	public Long getClinicianId() {
		return clinicianId;
	}

	public @Nullable Long getCentreId() {
		return centreId;
	}

	/** The account that booked it; none for the clinic itself. */
	public @Nullable Long getBookedByUserId() {
		return bookedByUserId;
	}

	public AppointmentStatus getStatus() {
		return status;
	}

	public Instant getStartsAt() {
		return startsAt;
	}

	public Instant getEndsAt() {
		return endsAt;
	}

	public ZoneId getTimeZone() {
		return ZoneId.of(timeZone);
	}
}
