package io.polyclinic.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBooked;
import io.polyclinic.scheduling.AppointmentCancelled;
import io.polyclinic.scheduling.AppointmentCompleted;
import io.polyclinic.scheduling.AppointmentMissed;
import io.polyclinic.scheduling.AppointmentConfirmed;
import io.polyclinic.scheduling.AppointmentRescheduled;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An appointment: one patient in one clinician's slot. It guards its own lifecycle; while it is open it holds its
 * slot ({@code slotHold}), which the database keeps unique per clinician.
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
	private @Nullable Instant reminderSentAt;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected Booking() {
	}

	public Booking(long patientId, long clinicianId, @Nullable Long centreId, @Nullable Long managingCentreId,
			ZonedDateTime start, int minutes, SessionType sessionType, long feeMinor, String currency,
			@Nullable String notes, @Nullable Long bookedByUserId, Instant now) {
		this.publicId = UUID.randomUUID();
		this.patientId = patientId;
		this.clinicianId = clinicianId;
		this.centreId = centreId;
		this.managingCentreId = managingCentreId;
		place(start, minutes);
		this.sessionType = sessionType;
		this.status = AppointmentStatus.PENDING;
		this.feeMinor = feeMinor;
		this.currency = currency;
		this.notes = notes;
		this.bookedByUserId = bookedByUserId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Registers the booking's event once it has its id. */
	public void announceBooked() {
		registerEvent(new AppointmentBooked(id, patientId, clinicianId, startsAt, centreId, managingCentreId, feeMinor,
				currency));
	}

	public void confirm(Instant now) {
		if (status == AppointmentStatus.CONFIRMED) {
			return;
		}
		requireStatus(AppointmentStatus.PENDING, "confirmed");
		status = AppointmentStatus.CONFIRMED;
		updatedAt = now;
		registerEvent(new AppointmentConfirmed(id, patientId, clinicianId, startsAt));
	}

	/** Cancelling frees the slot at once. */
	public void cancel(@Nullable String reason, Instant now) {
		if (!status.isOpen()) {
			throw transition("cancelled");
		}
		status = AppointmentStatus.CANCELLED;
		slotHold = null;
		cancellationReason = reason;
		cancelledAt = now;
		updatedAt = now;
		registerEvent(new AppointmentCancelled(id, patientId, clinicianId, startsAt, reason, centreId,
				managingCentreId));
	}

	public void complete(Instant now) {
		requireStatus(AppointmentStatus.CONFIRMED, "completed");
		if (now.isBefore(startsAt)) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "An appointment cannot be completed before it starts");
		}
		status = AppointmentStatus.COMPLETED;
		updatedAt = now;
		registerEvent(new AppointmentCompleted(id, patientId, clinicianId, startsAt));
	}

	public void markNoShow(Instant now) {
		if (!status.isOpen()) {
			throw transition("marked as no-show");
		}
		if (now.isBefore(startsAt)) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "A patient cannot miss an appointment that has not started");
		}
		status = AppointmentStatus.NO_SHOW;
		updatedAt = now;
		registerEvent(new AppointmentMissed(id, patientId, clinicianId, startsAt));
	}

	/** Moves the appointment to another slot; the old slot is freed in the same write. */
	public void reschedule(ZonedDateTime start, int minutes, Instant now) {
		if (!status.isOpen()) {
			throw transition("rescheduled");
		}
		Instant previous = startsAt;
		place(start, minutes);
		updatedAt = now;
		registerEvent(new AppointmentRescheduled(id, patientId, clinicianId, previous, startsAt, centreId,
				managingCentreId));
	}

	public void reminded(Instant now) {
		this.reminderSentAt = now;
	}

	public void annotate(@Nullable String notes, Instant now) {
		this.notes = notes;
		this.updatedAt = now;
	}

	/** Moves the status where staff ask; each step is one the lifecycle allows. */
	public void moveTo(AppointmentStatus target, @Nullable String reason, Instant now) {
		switch (target) {
			case PENDING -> {
				if (status != AppointmentStatus.PENDING) {
					throw transition("set back to pending");
				}
			}
			case CONFIRMED -> confirm(now);
			case COMPLETED -> complete(now);
			case CANCELLED -> cancel(reason, now);
			case NO_SHOW -> markNoShow(now);
		}
	}

	private void place(ZonedDateTime start, int minutes) {
		this.startsAt = start.toInstant();
		this.endsAt = start.plusMinutes(minutes).toInstant();
		this.slotHold = startsAt;
		this.localDate = start.toLocalDate();
		this.localTime = start.toLocalTime();
		this.timeZone = start.getZone().getId();
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
				createdAt, managingCentreId);
	}

	public Long getId() { return id; }
	public Long getPatientId() { return patientId; }
	public Long getClinicianId() { return clinicianId; }
	public @Nullable Long getManagingCentreId() { return managingCentreId; }
	public AppointmentStatus getStatus() { return status; }
	public Instant getStartsAt() { return startsAt; }
}
