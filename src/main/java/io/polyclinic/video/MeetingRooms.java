package io.polyclinic.video;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.People;
import io.polyclinic.directory.Reach;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;

/**
 * Where an appointment's two parties meet: its room (the one {@link RtcRooms} keeps, the same for both and however
 * often they ask), reached by a link that names the room and becomes the appointment's meeting link, so that every face
 * showing one shows this. Only the appointment's patient and clinician open it or learn who they are in it; every
 * refusal is audited.
 */
@Service
public class MeetingRooms {

	private final RtcRooms rooms;
	private final MeetingLinks links;
	private final AppointmentBook appointments;
	private final AccessPolicy access;
	private final People people;
	private final String linkBase;

	/**
	 * @param linkBase where a room's link points, the room's id appended ({@code POLYCLINIC_VIDEO_ROOM_LINK_BASE}: the
	 *        page of a frontend that opens a room, as the original client's {@code /room/:roomId}); by default the
	 *        clinico face's {@code /clinico/room/} under the public base URL
	 */
	MeetingRooms(RtcRooms rooms, MeetingLinks links, AppointmentBook appointments, AccessPolicy access, People people,
			PolyclinicProperties properties, @Value("${polyclinic.video.room-link-base:}") String linkBase) {
		this.rooms = rooms;
		this.links = links;
		this.appointments = appointments;
		this.access = access;
		this.people = people;
		String base = linkBase.isBlank() ? properties.publicBaseUrl().replaceAll("/+$", "") + "/clinico/room/"
				: linkBase.strip();
		this.linkBase = base.endsWith("/") ? base : base + "/";
	}

	/** The room of an appointment with its link; {@code created} when this call made it. */
	public record Invitation(RtcRoom room, String link, boolean created) {
	}

	/** Who the caller is in a room, and whether they may join it now (it is open and its appointment not called off). */
	public record Attendance(RtcRoom room, Side side, String name, boolean mayJoin) {

		public enum Side {
			PATIENT, CLINICIAN
		}
	}

	/**
	 * The appointment's room for its patient or clinician, made now if it has none, and its link, which is the
	 * appointment's meeting link from now on (whatever link it had before).
	 *
	 * @throws Refusal NOT_FOUND for an unknown appointment; FORBIDDEN (audited) unless the caller is its patient or
	 *         clinician; CONFLICT APPOINTMENT_CANCELLED once it is cancelled (or the patient did not come),
	 *         APPOINTMENT_COMPLETED once it is over; INVALID_INPUT {@code appointmentId} when it is not held online
	 */
	public Invitation open(Ref appointment, Actor actor) {
		Appointment a = rooms.partyOf(appointments.idOf(appointment), actor, "CREATE");
		if (a.status() == AppointmentStatus.CANCELLED || a.status() == AppointmentStatus.NO_SHOW) {
			throw Refusal.conflict("APPOINTMENT_CANCELLED", "This appointment is "
					+ a.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": it has no room");
		}
		if (a.status() == AppointmentStatus.COMPLETED) {
			throw Refusal.conflict("APPOINTMENT_COMPLETED", "This appointment is over: it has no room");
		}
		RtcRooms.Opened opened = rooms.forParty(a, actor);
		String link = linkOf(opened.room());
		try {
			links.meetInRoom(a, opened.room(), link, actor);
		}
		catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
			// the other party (or a booking confirmation) wrote the appointment's link at the same moment: once more
			links.meetInRoom(a, opened.room(), link, actor);
		}
		return new Invitation(opened.room(), link, opened.created());
	}

	/**
	 * Who the caller is in the room: its patient or its clinician, by the name their account goes by.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited) for anyone else, staff included (they do not join a consultation)
	 */
	public Attendance attendance(String roomId, Actor actor) {
		RtcRoom room = rooms.byRoomId(roomId);
		Reach reach = access.reachOf(actor);
		Attendance.Side side;
		if (reach.isClinician(room.clinicianId())) {
			side = Attendance.Side.CLINICIAN;
		}
		else if (reach.isPatient(room.patientId())) {
			side = Attendance.Side.PATIENT;
		}
		else {
			throw access.denied(actor, "READ", RtcRooms.RESOURCE, room.id(), room.patientId());
		}
		long userId = side == Attendance.Side.CLINICIAN ? room.clinicianUserId() : room.patientUserId();
		Account account = people.byIds(Set.of(userId)).get(userId);
		boolean calledOff = room.appointmentStatus() == AppointmentStatus.CANCELLED
				|| room.appointmentStatus() == AppointmentStatus.NO_SHOW;
		return new Attendance(room, side, account == null ? "" : account.fullName(),
				room.status().isOpen() && !calledOff);
	}

	/** The link of a room: the configured base and the room's id. */
	public String linkOf(RtcRoom room) {
		return linkBase + room.roomId();
	}
}
