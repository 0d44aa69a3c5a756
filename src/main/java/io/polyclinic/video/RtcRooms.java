package io.polyclinic.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.video.internal.ConsultationRows;
import io.polyclinic.video.internal.JoinTokenRows;
import io.polyclinic.video.internal.PresenceRows;
import io.polyclinic.video.internal.RoomRows;

/**
 * The WebRTC rooms of online appointments, one per appointment (the room {@link VideoConsultations} shows too). Its
 * participants — the appointment's patient and clinician — open it, end it and take join tokens for it; only its
 * clinician starts it and changes its settings. Staff who reach the appointment (an administrator: every one) may
 * read it, never act in it. Every method takes the caller and decides itself; every refusal is audited.
 */
@Service
@Transactional(readOnly = true)
public class RtcRooms {

	/** How long a room stays open after its appointment ends (or after it is made, if that is later). */
	public static final Duration OPEN_AFTER = Duration.ofHours(2);
	/** The longest a join token lives. */
	public static final Duration TOKEN_LIFE = Duration.ofMinutes(30);
	public static final int DEFAULT_PARTICIPANTS = 2;
	public static final int MAX_PARTICIPANTS = 10;
	/** The longest page a caller gets, whatever they ask. */
	public static final int MAX_PAGE = 100;

	static final String RESOURCE = "RTC_ROOM";

	private final RoomRows rooms;
	private final ConsultationRows consultations;
	private final JoinTokenRows tokens;
	private final PresenceRows presence;
	private final AppointmentBook appointments;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	RtcRooms(RoomRows rooms, ConsultationRows consultations, JoinTokenRows tokens, PresenceRows presence,
			AppointmentBook appointments, AccessPolicy access, AuditLog audit, Clock clock) {
		this.rooms = rooms;
		this.consultations = consultations;
		this.tokens = tokens;
		this.presence = presence;
		this.appointments = appointments;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A room and whether this call made it. */
	public record Opened(RtcRoom room, boolean created) {
	}

	/** When a new room of the appointment closes: two hours after the appointment ends, or after now if later. */
	public static Instant defaultExpiry(Appointment appointment, Instant now) {
		return (appointment.endsAt().isAfter(now) ? appointment.endsAt() : now).plus(OPEN_AFTER);
	}

	/**
	 * A page of the rooms the caller reaches: a patient's own, a clinician's own, a centre's staff those of the
	 * appointments their centre runs, the clinic's staff all.
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who reaches no appointment
	 */
	public Page<RtcRoom> list(RtcRoomQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", RESOURCE, null, null);
		}
		return rooms.find(reach.patientId(), reach.clinicianId(),
				reach.kind() == Reach.Kind.CENTRE ? reach.centreId() : null, query, clock.instant(), capped(page));
	}

	/** @throws Refusal NOT_FOUND; FORBIDDEN (audited) unless a participant or staff who reach the appointment */
	public RtcRoom get(long id, Actor actor) {
		return readable(rooms.byId(id, clock.instant()).orElseThrow(() -> Refusal.notFound("Room")), actor, "READ");
	}

	/** The room by the name clients join it by. @throws Refusal NOT_FOUND; FORBIDDEN (audited) as {@link #get} */
	public RtcRoom find(String roomId, Actor actor) {
		return readable(byRoomId(roomId), actor, "READ");
	}

	/** The room and who is connected to it now. @throws Refusal as {@link #find} */
	public RtcRoomStatus status(String roomId, Actor actor) {
		RtcRoom room = find(roomId, actor);
		return new RtcRoomStatus(room, presence.present(room.id(), clock.instant()));
	}

	/**
	 * A new room for one of the caller's online appointments, with the settings given (the defaults: two
	 * participants, not recorded, open until two hours after the appointment ends).
	 *
	 * @throws Refusal NOT_FOUND for an unknown appointment; FORBIDDEN (audited) unless the caller is its patient or
	 *         clinician; INVALID_INPUT {@code appointmentId} when it is not held online or no longer open,
	 *         {@code maxParticipants}, {@code expiresAt}; CONFLICT ALREADY_EXISTS {@code appointmentId} when it has a
	 *         room already
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RtcRoom open(long appointmentId, RtcRoomSettings settings, Actor actor) {
		Appointment appointment = partyOf(appointmentId, actor, "CREATE");
		if (rooms.byAppointment(appointment.id(), clock.instant()).isPresent()) {
			throw Refusal.conflict("ALREADY_EXISTS", "This appointment already has a room", "appointmentId");
		}
		try {
			insert(appointment, settings);
		}
		catch (DataIntegrityViolationException raced) {
			throw Refusal.conflict("ALREADY_EXISTS", "This appointment already has a room", "appointmentId");
		}
		audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, appointment.id(), appointment.patientId()));
		return rooms.byAppointment(appointment.id(), clock.instant()).orElseThrow();
	}

	/**
	 * The appointment's room for its patient or clinician, made now with the defaults if it has none: asked by both
	 * parties, or twice, it is the same room.
	 *
	 * @throws Refusal as {@link #open}, but never ALREADY_EXISTS
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Opened forAppointment(Ref appointmentRef, Actor actor) {
		return forParty(partyOf(appointments.idOf(appointmentRef), actor, "CREATE"), actor);
	}

	/**
	 * The room of an appointment whose party the caller is (checked before), made now if it has none; outside a
	 * transaction, as {@link #forAppointment}, so that losing the race for the room leaves its winner's to read.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	Opened forParty(Appointment appointment, Actor actor) {
		var existing = rooms.byAppointment(appointment.id(), clock.instant());
		if (existing.isPresent()) {
			return new Opened(existing.get(), false);
		}
		boolean created = true;
		try {
			insert(appointment, RtcRoomSettings.DEFAULTS);
			audit.record(AuditRecord.success(actor, "CREATE", RESOURCE, appointment.id(), appointment.patientId()));
		}
		catch (DataIntegrityViolationException raced) {
			// the other party asked at the same moment: theirs is the room
			created = false;
		}
		return new Opened(rooms.byAppointment(appointment.id(), clock.instant()).orElseThrow(), created);
	}

	/**
	 * Changes the room's settings, and starts or ends it when {@code status} asks for that ({@link #start},
	 * {@link #end}).
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited) unless the caller is the room's clinician; CONFLICT ROOM_CLOSED
	 *         once it has ended or expired; INVALID_INPUT {@code maxParticipants}, {@code expiresAt}, {@code status}
	 */
	@Transactional
	public RtcRoom change(long id, RtcRoomSettings settings, Actor actor) {
		RtcRoom room = rooms.byId(id, clock.instant()).orElseThrow(() -> Refusal.notFound("Room"));
		requireClinician(room, actor, "UPDATE");
		if (settings.status() != null && settings.status() != room.status()
				&& settings.status() != RtcRoom.Status.ACTIVE && settings.status() != RtcRoom.Status.ENDED) {
			throw Refusal.invalidField("status", "A room is started (active) or ended; it cannot be set to "
					+ settings.status().name().toLowerCase(Locale.ROOT));
		}
		requireOpen(room);
		Instant now = clock.instant();
		int max = settings.maxParticipants() == null ? room.maxParticipants() : settings.maxParticipants();
		requireParticipants(max);
		Instant expires = settings.expiresAt() == null ? room.expiresAt() : settings.expiresAt();
		if (settings.expiresAt() != null && !expires.isAfter(now)) {
			throw Refusal.invalidField("expiresAt", "Must be in the future");
		}
		rooms.changeSettings(room.id(), max,
				settings.recordingEnabled() == null ? room.recordingEnabled() : settings.recordingEnabled(), expires);
		if (settings.status() == RtcRoom.Status.ACTIVE && room.status() == RtcRoom.Status.CREATED) {
			rooms.start(room.id(), now);
		}
		else if (settings.status() == RtcRoom.Status.ENDED) {
			rooms.end(room.id(), now);
		}
		audit.record(AuditRecord.success(actor, "UPDATE", RESOURCE, room.id(), room.patientId()));
		return rooms.byId(room.id(), now).orElseThrow();
	}

	/**
	 * Starts the room: its clinician only, once.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN NOT_THE_CLINICIAN (audited); CONFLICT ROOM_NOT_STARTABLE unless it is
	 *         created and not expired
	 */
	@Transactional
	public RtcRoom start(String roomId, Actor actor) {
		RtcRoom room = byRoomId(roomId);
		requireClinician(room, actor, "START");
		Instant now = clock.instant();
		if (room.status() != RtcRoom.Status.CREATED || !rooms.start(room.id(), now)) {
			throw Refusal.conflict("ROOM_NOT_STARTABLE", "Room cannot be started from status: " + lower(room.status()));
		}
		audit.record(AuditRecord.success(actor, "START", RESOURCE, room.id(), room.patientId()));
		return rooms.byId(room.id(), now).orElseThrow();
	}

	/**
	 * Ends the room: either participant, while it is open.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited); CONFLICT ROOM_NOT_ENDABLE once it has ended or expired
	 */
	@Transactional
	public RtcRoom end(String roomId, Actor actor) {
		RtcRoom room = byRoomId(roomId);
		requireParticipant(room, actor, "END");
		Instant now = clock.instant();
		if (!room.status().isOpen() || !rooms.end(room.id(), now)) {
			throw Refusal.conflict("ROOM_NOT_ENDABLE", "Room cannot be ended from status: " + lower(room.status()));
		}
		audit.record(AuditRecord.success(actor, "END", RESOURCE, room.id(), room.patientId()));
		return rooms.byId(room.id(), now).orElseThrow();
	}

	/**
	 * A join token for a participant of an active room: it lives {@link #TOKEN_LIFE}, never past the room's own end.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited); CONFLICT ROOM_NOT_ACTIVE before its clinician starts it,
	 *         ROOM_EXPIRED, ROOM_CLOSED
	 */
	@Transactional
	public RtcJoinToken join(String roomId, Actor actor) {
		RtcRoom room = byRoomId(roomId);
		requireParticipant(room, actor, "JOIN");
		if (room.status() == RtcRoom.Status.EXPIRED) {
			throw Refusal.conflict("ROOM_EXPIRED", "Room has expired");
		}
		if (room.status() != RtcRoom.Status.ACTIVE) {
			throw Refusal.conflict("ROOM_NOT_ACTIVE", "Room is not active");
		}
		return issue(room, null, actor);
	}

	/**
	 * A join token for a participant of a room that is still open (created or active), until the time asked (at most
	 * {@link #TOKEN_LIFE} from now; that long by default).
	 *
	 * @throws Refusal NOT_FOUND {@code room}; FORBIDDEN (audited); CONFLICT ROOM_CLOSED; INVALID_INPUT
	 *         {@code expiresAt}
	 */
	@Transactional
	public RtcJoinToken issueToken(long roomPk, @Nullable Instant expiresAt, Actor actor) {
		RtcRoom room = rooms.byId(roomPk, clock.instant()).orElseThrow(() -> Refusal.notFound("Room"));
		requireParticipant(room, actor, "JOIN");
		requireOpen(room);
		return issue(room, expiresAt, actor);
	}

	/**
	 * The caller's own join tokens, of one room or all, a page at a time, by creation or (with {@code byExpiry}) by
	 * expiry.
	 */
	public Page<RtcJoinToken> tokens(@Nullable Long roomPk, boolean byExpiry, boolean descending, Pageable page,
			Actor actor) {
		if (actor.isSystem()) {
			return Page.empty(page);
		}
		return tokens.ofUser(actor.userId(), roomPk, byExpiry, descending, capped(page));
	}

	private RtcJoinToken issue(RtcRoom room, @Nullable Instant asked, Actor actor) {
		Instant now = clock.instant();
		Instant longest = now.plus(TOKEN_LIFE);
		Instant expires;
		if (asked == null) {
			expires = longest.isBefore(room.expiresAt()) ? longest : room.expiresAt();
		}
		else if (!asked.isAfter(now)) {
			throw Refusal.invalidField("expiresAt", "Must be in the future");
		}
		else if (asked.isAfter(longest.plusSeconds(1))) {
			throw Refusal.invalidField("expiresAt", "Must be at most " + TOKEN_LIFE.toMinutes() + " minutes from now");
		}
		else {
			expires = asked;
		}
		RtcJoinToken token = tokens.insert(room.id(), actor, expires, now);
		audit.record(AuditRecord.success(actor, "JOIN", RESOURCE, room.id(), room.patientId()));
		return token;
	}

	private void insert(Appointment appointment, RtcRoomSettings settings) {
		if (appointment.sessionType() != SessionType.ONLINE) {
			throw Refusal.invalidField("appointmentId", "This appointment is not a video consultation");
		}
		if (!appointment.status().isOpen()) {
			throw Refusal.invalidField("appointmentId",
					"This appointment is " + appointment.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		}
		Instant now = clock.instant();
		int max = settings.maxParticipants() == null ? DEFAULT_PARTICIPANTS : settings.maxParticipants();
		requireParticipants(max);
		Instant expires = settings.expiresAt() == null ? defaultExpiry(appointment, now) : settings.expiresAt();
		if (!expires.isAfter(now)) {
			throw Refusal.invalidField("expiresAt", "Must be in the future");
		}
		consultations.insert(appointment.id(), now, expires, max,
				settings.recordingEnabled() != null && settings.recordingEnabled());
	}

	/** The appointment, if the caller is its patient or its clinician. */
	Appointment partyOf(long appointmentId, Actor actor, String action) {
		Appointment appointment = appointments.require(appointmentId);
		Reach reach = access.reachOf(actor);
		if (!reach.isPatient(appointment.patientId()) && !reach.isClinician(appointment.clinicianId())) {
			throw access.denied(actor, action, RESOURCE, appointmentId, appointment.patientId());
		}
		return appointment;
	}

	RtcRoom byRoomId(String roomId) {
		if (roomId.isEmpty() || roomId.length() > 64) {
			throw Refusal.notFound("Room");
		}
		return rooms.byRoomId(roomId, clock.instant()).orElseThrow(() -> Refusal.notFound("Room"));
	}

	/** Participants, and staff who reach the room's appointment. */
	private RtcRoom readable(RtcRoom room, Actor actor, String action) {
		if (!isParticipant(room, actor)) {
			appointments.requireAccess(room.appointmentId(), actor, action);
		}
		return room;
	}

	private boolean isParticipant(RtcRoom room, Actor actor) {
		Reach reach = access.reachOf(actor);
		return reach.isPatient(room.patientId()) || reach.isClinician(room.clinicianId());
	}

	void requireParticipant(RtcRoom room, Actor actor, String action) {
		if (!isParticipant(room, actor)) {
			throw access.denied(actor, action, RESOURCE, room.id(), room.patientId());
		}
	}

	private void requireClinician(RtcRoom room, Actor actor, String action) {
		if (!access.reachOf(actor).isClinician(room.clinicianId())) {
			access.denied(actor, action, RESOURCE, room.id(), room.patientId());
			throw Refusal.forbidden("NOT_THE_CLINICIAN",
					"Only the doctor can " + action.toLowerCase(Locale.ROOT) + " the room");
		}
	}

	private static void requireOpen(RtcRoom room) {
		if (!room.status().isOpen()) {
			throw Refusal.conflict("ROOM_CLOSED", "Room has " + lower(room.status()));
		}
	}

	private static void requireParticipants(int max) {
		if (max < DEFAULT_PARTICIPANTS || max > MAX_PARTICIPANTS) {
			throw Refusal.invalidField("maxParticipants",
					"Must be between " + DEFAULT_PARTICIPANTS + " and " + MAX_PARTICIPANTS);
		}
	}

	private static String lower(RtcRoom.Status status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	private static Pageable capped(Pageable page) {
		return page.getPageSize() > MAX_PAGE ? PageRequest.of(page.getPageNumber(), MAX_PAGE) : page;
	}
}
