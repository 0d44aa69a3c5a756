package io.polyclinic.notify;

import org.springframework.stereotype.Service;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.internal.PatientMessages;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AppointmentViews;

/**
 * Telling a patient about their appointment on demand: its confirmation and its reminder, with the clinician, the
 * date and time on the clinician's clock and, for an online visit, the link to join (made now if it has none).
 * Staff send them for the appointments they reach (a centre's staff, those their centre runs); the clinic's own
 * processes send them as {@link Actor#system()}. Every refusal is audited.
 */
@Service
public class AppointmentMessages {

	private final AppointmentViews appointments;
	private final AccessPolicy access;
	private final PatientMessages messages;

	AppointmentMessages(AppointmentViews appointments, AccessPolicy access, PatientMessages messages) {
		this.appointments = appointments;
		this.access = access;
		this.messages = messages;
	}

	/**
	 * @throws Refusal FORBIDDEN unless the caller is staff who reach the appointment; NOT_FOUND; CONFLICT when it is
	 *         cancelled or the patient cannot be reached
	 */
	public DeliveryReceipt sendConfirmation(Ref appointment, Actor actor) {
		return messages.confirmation(open(appointment, actor), actor);
	}

	/** As {@link #sendConfirmation}, saying that the appointment is coming up. */
	public DeliveryReceipt sendReminder(Ref appointment, Actor actor) {
		return messages.reminder(open(appointment, actor), actor);
	}

	private AppointmentView open(Ref appointment, Actor actor) {
		access.requireRole(actor, StaffRegistry.STAFF_ROLES, "NOTIFY", "APPOINTMENT", appointment);
		// the appointment views refuse (audited) an appointment the caller's centre does not run
		AppointmentView view = appointments.get(appointment, actor);
		if (view.appointment().status() == AppointmentStatus.CANCELLED) {
			throw Refusal.conflict("INVALID_STATUS_TRANSITION", "The appointment is cancelled");
		}
		return view;
	}
}
