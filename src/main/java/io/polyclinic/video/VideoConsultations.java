package io.polyclinic.video;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.video.internal.ConsultationRows;

/**
 * Every online appointment has a video consultation: its room is made the first time anyone asks for it, so
 * appointments booked through any face, before or after this existed, have one.
 */
@Service
public class VideoConsultations {

	private final ConsultationRows rows;
	private final AppointmentBook appointments;
	private final Clock clock;

	VideoConsultations(ConsultationRows rows, AppointmentBook appointments, Clock clock) {
		this.rows = rows;
		this.appointments = appointments;
		this.clock = clock;
	}

	/**
	 * The consultation of an online appointment, for its patient, its clinician and staff who reach it.
	 *
	 * @throws Refusal NOT_FOUND when there is no such appointment or it is not held online; FORBIDDEN (audited)
	 */
	public VideoConsultation of(Ref appointment, Actor actor) {
		long id = appointments.idOf(appointment);
		var found = appointments.requireAccess(id, actor, "READ");
		if (found.sessionType() != SessionType.ONLINE) {
			throw Refusal.notFound("Video consultation");
		}
		return rows.of(id).orElseGet(() -> open(found));
	}

	private VideoConsultation open(Appointment appointment) {
		long appointmentId = appointment.id();
		Instant now = clock.instant();
		try {
			rows.insert(appointmentId, now, RtcRooms.defaultExpiry(appointment, now), RtcRooms.DEFAULT_PARTICIPANTS,
					false);
		}
		catch (DataIntegrityViolationException raced) {
			// another request opened it first: theirs is the room
		}
		return rows.of(appointmentId).orElseThrow(() -> Refusal.notFound("Video consultation"));
	}
}
