package io.polyclinic.notify.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

import io.polyclinic.clinical.GlucoseReadingLogged;
import io.polyclinic.directory.CareTeam;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientRequestCreated;
import io.polyclinic.messaging.MessageSent;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.scheduling.AppointmentActedOn;

/**
 * What the clinic tells people inside the app, from the other modules' events: a clinician of a new patient request;
 * the receiver of a message; the other party of an appointment someone acted on (both parties when staff acted); and
 * every clinician who follows a patient of that patient's critical reading — nobody else. Each runs after the event's
 * transaction commits, in one of its own, and again after a crash (the event publication registry keeps the event
 * until it has run); what it tells of is told once per person.
 */
@Component
class InAppFeeds {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
			Locale.ENGLISH);
	private static final int PREVIEW = 140;

	private final InAppNotices notices;
	private final CareTeam careTeam;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final BookingConfirmations confirmations;

	InAppFeeds(InAppNotices notices, CareTeam careTeam, PatientRegistry patients, ClinicianRegistry clinicians,
			BookingConfirmations confirmations) {
		this.confirmations = confirmations;
		this.notices = notices;
		this.careTeam = careTeam;
		this.patients = patients;
		this.clinicians = clinicians;
	}

	@ApplicationModuleListener
	void on(PatientRequestCreated event) {
		notices.tell(event.clinicianUserId(), Type.NEW_REQUEST, "New patient request",
				event.patientName() + " asked you to follow them" + (event.urgent() ? ", with an urgent note." : "."),
				event.requestId(), event.urgent() ? Severity.WARNING : Severity.INFO, "request:" + event.requestId());
	}

	@ApplicationModuleListener
	void on(MessageSent event) {
		notices.tell(event.receiverUserId(), Type.MESSAGE, "New message from " + event.senderName(),
				preview(event.content()), event.conversationId(), Severity.INFO, "message:" + event.messageId());
	}

	/**
	 * The other party is told; when neither party acted (staff, the clinic itself), both are. Unlike the other
	 * listeners this one holds no transaction of its own: each notice commits by itself, and the booking confirmation
	 * it sends then opens its own — nested in a held one, every listener thread would hold a connection while waiting
	 * for a second, and a burst of bookings as large as the pool would wait on itself.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AppointmentActedOn event) {
		Patient patient = patients.findAll(Set.of(event.patientId())).get(event.patientId());
		Clinician clinician = clinicians.findAll(Set.of(event.clinicianId())).get(event.clinicianId());
		if (patient == null || clinician == null) {
			return;
		}
		String who = event.byUserId() == patient.userId() ? patient.fullName()
				: event.byUserId() == clinician.userId() ? clinician.fullName() : "The clinic";
		Set<Long> told = new LinkedHashSet<>();
		if (event.byUserId() != patient.userId()) {
			told.add(patient.userId());
		}
		if (event.byUserId() != clinician.userId()) {
			told.add(clinician.userId());
		}
		String verb = verb(event.action());
		String message = who + " " + verb + " the appointment of " + when(event.startsAt(), clinician.timeZone())
				+ ".";
		Severity severity = "CANCELLED".equals(event.action()) || "REMOVED".equals(event.action()) ? Severity.WARNING
				: Severity.INFO;
		// each step of an appointment happens once (a new time is a new step); a change of its notes may recur
		String source = "CHANGED".equals(event.action()) ? null
				: "appointment:" + event.appointmentPublicId() + ":" + event.action() + ":" + event.startsAt();
		for (long userId : told) {
			notices.tell(userId, Type.APPOINTMENT, topic(event.action()), "Appointment " + verb, message,
					event.appointmentPublicId(), severity, source);
		}
		if ("BOOKED".equals(event.action())) {
			confirmations.send(event.appointmentId());
		}
	}

	/** A critical reading is told to every clinician who follows the patient, with the value; nobody else hears. */
	@ApplicationModuleListener
	void on(GlucoseReadingLogged event) {
		if (!event.critical()) {
			return;
		}
		var followers = careTeam.followersOf(event.patientId());
		if (followers.isEmpty()) {
			return;
		}
		Patient patient = patients.findAll(Set.of(event.patientId())).get(event.patientId());
		if (patient == null) {
			return;
		}
		String message = "Patient " + patient.fullName() + " has critical glucose level: " + value(event);
		for (long clinicianUserId : followers) {
			notices.tell(clinicianUserId, Type.PATIENT_ALERT, "Critical Glucose Alert", message, patient.accountId(),
					Severity.CRITICAL, "glucose:" + event.readingId());
		}
	}

	/** The reading in mg/dL, and as logged when that was mmol/L. */
	static String value(GlucoseReadingLogged event) {
		String mg = event.mgPerDl().setScale(0, RoundingMode.HALF_UP).toPlainString() + " mg/dL";
		return "mg/dL".equalsIgnoreCase(event.unit()) ? mg
				: plain(event.value()) + " " + event.unit() + " (" + mg + ")";
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String verb(String action) {
		return switch (action) {
			case "BOOKED" -> "booked";
			case "CONFIRMED" -> "confirmed";
			case "COMPLETED" -> "completed";
			case "CANCELLED" -> "cancelled";
			case "RESCHEDULED" -> "rescheduled";
			case "REMOVED" -> "removed";
			default -> "updated";
		};
	}

	/** What the step tells of: a booking (or its confirmation) confirms the appointment to the other party. */
	private static String topic(String action) {
		return switch (action) {
			case "BOOKED", "CONFIRMED" -> "appointment_confirmation";
			case "CANCELLED", "REMOVED" -> "appointment_cancelled";
			case "RESCHEDULED" -> "appointment_rescheduled";
			case "COMPLETED" -> "appointment_completed";
			default -> "appointment_updated";
		};
	}

	private static String when(Instant startsAt, ZoneId zone) {
		return WHEN.format(startsAt.atZone(zone)) + " (" + zone.getId() + ")";
	}

	private static String preview(@Nullable String content) {
		String text = content == null ? "" : content.strip().replaceAll("\\s+", " ");
		return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
	}
}
