package io.polyclinic.video;

import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
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
		return rows.of(id).orElseGet(() -> open(id));
	}

	private VideoConsultation open(long appointmentId) {
		try {
			rows.insert(appointmentId, UUID.randomUUID(), "RM" + HexFormat.of().formatHex(uuidBytes()), clock.instant());
		}
		catch (DataIntegrityViolationException raced) {
			// another request opened it first: theirs is the room
		}
		return rows.of(appointmentId).orElseThrow(() -> Refusal.notFound("Video consultation"));
	}

	private static byte[] uuidBytes() {
		UUID random = UUID.randomUUID();
		return java.nio.ByteBuffer.allocate(16).putLong(random.getMostSignificantBits())
			.putLong(random.getLeastSignificantBits()).array();
	}
}
