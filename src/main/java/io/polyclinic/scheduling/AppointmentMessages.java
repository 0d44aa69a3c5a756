package io.polyclinic.scheduling;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.DeliveryReceipt;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.internal.Bookings;
import io.polyclinic.video.MeetingLink;
import io.polyclinic.video.MeetingLinks;
import io.polyclinic.video.MeetingRequest;

/**
 * What the patient is told about an appointment, over WhatsApp: the clinician, the date and time on the
 * clinician's clock, and for an online session the link to join.
 */
@Service
public class AppointmentMessages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private final Bookings bookings;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final MeetingLinks meetings;
	private final Messenger messenger;

	AppointmentMessages(Bookings bookings, ClinicianRegistry clinicians, PatientRegistry patients,
			MeetingLinks meetings, Messenger messenger) {
		this.bookings = bookings;
		this.clinicians = clinicians;
		this.patients = patients;
		this.meetings = meetings;
		this.messenger = messenger;
	}

	@Transactional
	public DeliveryReceipt sendConfirmation(long appointmentId) {
		return send(appointmentId, MessageKind.APPOINTMENT_CONFIRMATION, "is confirmed");
	}

	@Transactional
	public DeliveryReceipt sendReminder(long appointmentId) {
		return send(appointmentId, MessageKind.APPOINTMENT_REMINDER, "is coming up");
	}

	private DeliveryReceipt send(long appointmentId, MessageKind kind, String state) {
		Appointment appointment = bookings.findById(appointmentId)
			.orElseThrow(() -> Refusal.notFound("Appointment")).toAppointment();
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "The appointment is cancelled");
		}
		Clinician clinician = clinicians.get(appointment.clinicianId());
		Patient patient = patients.findAll(java.util.List.of(appointment.patientId())).get(appointment.patientId());
		if (patient == null || patient.phone() == null) {
			throw Refusal.conflict("NO_CONTACT", "The patient has no phone number to message");
		}
		String link = appointment.sessionType() == SessionType.ONLINE ? link(appointment, clinician).url() : null;
		String body = text(patient, clinician, appointment, state, link);
		return messenger.send(new Message(Channel.WHATSAPP, patient.phone(), "Your appointment", body, kind, patient.id(),
				appointment.id(), false));
	}

	private MeetingLink link(Appointment appointment, Clinician clinician) {
		return meetings.ensure(new MeetingRequest(appointment.id(), "Consultation with " + clinician.fullName(),
				appointment.startsAt(), appointment.endsAt()));
	}

	static String text(Patient patient, Clinician clinician, Appointment a, String state, @Nullable String link) {
		StringBuilder text = new StringBuilder().append("Hello ").append(patient.fullName()).append(", your ")
			.append(a.sessionType() == SessionType.ONLINE ? "online" : "in-person").append(" appointment with ")
			.append(clinician.fullName()).append(" on ").append(DATE.format(a.date())).append(" at ")
			.append(TIME.format(a.time())).append(" (").append(a.timeZone().getId()).append(") ").append(state)
			.append('.');
		if (link != null) {
			text.append(" Join here: ").append(link);
		}
		return text.toString();
	}
}
