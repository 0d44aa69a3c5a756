package io.polyclinic.video;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.AccessPolicy;
import io.polyclinic.directory.Reach;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.realtime.LivePush;
import io.polyclinic.video.internal.JoinTokenRows;
import io.polyclinic.video.internal.PresenceRows;
import io.polyclinic.video.internal.RoomRows;
import io.polyclinic.video.internal.SignalRows;

/**
 * WebRTC signaling in a room: a participant's signal is stored, then (after commit) pushed to the room's other
 * participants as a live update {@value #LIVE_TOPIC} naming it — never back to its sender — on whichever node their
 * socket is (through Redis when configured). A socket is admitted only for a participant of an open room, with their
 * access token or a join token; its arrival and departure are signals too ({@code join}, {@code leave}), and it
 * counts as present while it is connected.
 */
@Service
@Transactional(readOnly = true)
public class RtcSignaling {

	/** The live update's topic: its subject is the signal's public id. */
	public static final String LIVE_TOPIC = "rtc_signal";
	/** The most signals a room's list gives at once; the next are read after the last one's id. */
	public static final int ROOM_BATCH = 500;
	/** The longest name of a connection. */
	public static final int MAX_CONNECTION_ID = 64;

	private final RoomRows rooms;
	private final SignalRows signals;
	private final JoinTokenRows tokens;
	private final PresenceRows presence;
	private final RtcRooms roomRules;
	private final AccessPolicy access;
	private final LivePush live;
	private final Clock clock;

	RtcSignaling(RoomRows rooms, SignalRows signals, JoinTokenRows tokens, PresenceRows presence, RtcRooms roomRules,
			AccessPolicy access, LivePush live, Clock clock) {
		this.rooms = rooms;
		this.signals = signals;
		this.tokens = tokens;
		this.presence = presence;
		this.roomRules = roomRules;
		this.access = access;
		this.live = live;
		this.clock = clock;
	}

	/**
	 * Sends a signal in the room named by its numeric id. @throws Refusal NOT_FOUND {@code room}; as
	 * {@link #send(String, String, String, Actor)}
	 */
	@Transactional
	public RtcSignal send(long roomPk, String signalType, String payload, Actor actor) {
		RtcRoom room = rooms.byId(roomPk, clock.instant()).orElseThrow(() -> Refusal.notFound("Room"));
		return send(room, signalType, payload, actor);
	}

	/**
	 * Stores a participant's signal and relays it to the room's other participants.
	 *
	 * @param payload JSON text, not empty ({@code null}, {@code ""}, {@code {}} and {@code []} are none)
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited) unless a participant; INVALID_INPUT {@code signalType},
	 *         {@code payload}; CONFLICT ROOM_CLOSED once the room has ended or expired
	 */
	@Transactional
	public RtcSignal send(String roomId, String signalType, String payload, Actor actor) {
		return send(byRoomId(roomId), signalType, payload, actor);
	}

	/**
	 * As {@link #send(String, String, String, Actor)}, from one of the sender's socket connections and meant for one
	 * connection of the other party (or, {@code to} null, for all of theirs): a client that addresses its peer's socket
	 * is answered by that socket alone.
	 *
	 * @throws Refusal as {@link #send(String, String, String, Actor)}; INVALID_INPUT {@code to} when it is no
	 *         connection's name
	 */
	@Transactional
	public RtcSignal send(String roomId, String signalType, String payload, String from, @Nullable String to,
			Actor actor) {
		if (to != null && (to.isBlank() || to.length() > MAX_CONNECTION_ID)) {
			throw Refusal.invalidField("to", "Not a connection of this room");
		}
		return send(byRoomId(roomId), signalType, payload, connection(from), to, actor);
	}

	private RtcSignal send(RtcRoom room, String signalType, String payload, Actor actor) {
		return send(room, signalType, payload, null, null, actor);
	}

	private RtcSignal send(RtcRoom room, String signalType, String payload, @Nullable String from,
			@Nullable String to, Actor actor) {
		roomRules.requireParticipant(room, actor, "SIGNAL");
		if (!RtcSignal.TYPES.contains(signalType)) {
			throw Refusal.invalidField("signalType", "\"" + signalType + "\" is not a valid choice.");
		}
		String trimmed = payload.strip();
		if (trimmed.isEmpty() || trimmed.equals("null") || trimmed.equals("\"\"") || trimmed.replaceAll("\\s", "")
			.matches("\\{}|\\[]")) {
			throw Refusal.invalidField("payload", "This field may not be empty.");
		}
		if (trimmed.length() > RtcSignal.MAX_PAYLOAD) {
			throw Refusal.invalidField("payload", "Must be at most " + RtcSignal.MAX_PAYLOAD + " characters");
		}
		if (!room.status().isOpen()) {
			throw Refusal.conflict("ROOM_CLOSED", "Room has " + room.status().name().toLowerCase(java.util.Locale.ROOT));
		}
		return relay(room, actor, signalType, trimmed, from, to);
	}

	/**
	 * A room's signals in the order they were sent, at most {@value #ROOM_BATCH}, after the signal {@code afterId} if
	 * given.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited) unless a participant or staff who reach the appointment
	 */
	public List<RtcSignal> ofRoom(String roomId, @Nullable Long afterId, Actor actor) {
		RtcRoom room = roomRules.find(roomId, actor);
		return signals.ofRoom(room.id(), afterId, ROOM_BATCH);
	}

	/**
	 * A page of the signals of the rooms the caller reaches (as {@link RtcRooms#list}).
	 *
	 * @throws Refusal FORBIDDEN (audited) for a caller who reaches no appointment
	 */
	public Page<RtcSignal> list(RtcSignalQuery query, Pageable page, Actor actor) {
		Reach reach = access.reachOf(actor);
		if (reach.kind() == Reach.Kind.NONE) {
			throw access.denied(actor, "LIST", RtcRooms.RESOURCE, null, null);
		}
		if (query.signalType() != null && !RtcSignal.TYPES.contains(query.signalType())) {
			throw Refusal.invalidField("signalType", "\"" + query.signalType() + "\" is not a valid choice.");
		}
		Pageable capped = page.getPageSize() > RtcRooms.MAX_PAGE ? PageRequest.of(page.getPageNumber(),
				RtcRooms.MAX_PAGE) : page;
		return signals.find(reach.patientId(), reach.clinicianId(),
				reach.kind() == Reach.Kind.CENTRE ? reach.centreId() : null, query, capped);
	}

	/** One signal, for whoever may read its room. @throws Refusal NOT_FOUND; FORBIDDEN (audited) */
	public RtcSignal get(UUID publicId, Actor actor) {
		RtcSignal signal = signals.byPublicId(publicId).orElseThrow(() -> Refusal.notFound("Signal"));
		roomRules.get(signal.roomPk(), actor);
		return signal;
	}

	/**
	 * The caller a join token stands for, if it is good and for this room.
	 *
	 * @throws Refusal UNAUTHENTICATED INVALID_TOKEN when it is not one, was tampered with, has expired or its session
	 *         has ended; FORBIDDEN WRONG_ROOM when it is for another room
	 */
	public Actor redeem(String joinToken, String roomId) {
		var redeemed = good(joinToken);
		if (!redeemed.roomId().equals(roomId)) {
			throw Refusal.forbidden("WRONG_ROOM", "This join token is for another room");
		}
		return redeemed.actor();
	}

	/**
	 * The room a good join token opens, for a join link that carries the token where the room's id would go: the
	 * token names its room, so the link needs no other credential.
	 *
	 * @throws Refusal UNAUTHENTICATED INVALID_TOKEN when it is not one, was tampered with, has expired or its session
	 *         has ended
	 */
	public String roomOf(String joinToken) {
		return good(joinToken).roomId();
	}

	private JoinTokenRows.Redeemed good(String joinToken) {
		return tokens.redeem(joinToken)
			.filter(found -> found.expiresAt().isAfter(clock.instant()))
			.orElseThrow(() -> Refusal.unauthenticated("INVALID_TOKEN", "Invalid or expired join token"));
	}

	/** Whether a token is a join token (rather than an access token), by its form alone. */
	public static boolean isJoinToken(String token) {
		return token.startsWith(JoinTokenRows.PREFIX);
	}

	/**
	 * The room a participant's socket may connect to: it must be open.
	 *
	 * @throws Refusal NOT_FOUND; FORBIDDEN (audited) unless a participant; CONFLICT ROOM_CLOSED
	 */
	public RtcRoom admit(String roomId, Actor actor) {
		RtcRoom room = byRoomId(roomId);
		roomRules.requireParticipant(room, actor, "CONNECT");
		if (!room.status().isOpen()) {
			throw Refusal.conflict("ROOM_CLOSED", "Room has " + room.status().name().toLowerCase(java.util.Locale.ROOT));
		}
		return room;
	}

	/**
	 * A participant's socket connected: they are present, and the others hear that they joined (a signal from this
	 * connection).
	 */
	@Transactional
	public void connected(String connectionId, RtcRoom room, Actor actor) {
		presence.connected(connection(connectionId), room.id(), actor.userId(), clock.instant());
		relay(room, actor, RtcSignal.JOIN, "{\"user_id\":" + actor.userId() + "}", connectionId, null);
	}

	/**
	 * The connections to a room now, on every node, in order of arrival: what a participant who just connected is
	 * told of those already there.
	 *
	 * @throws Refusal FORBIDDEN (audited) unless a participant
	 */
	public List<RtcConnection> connections(RtcRoom room, Actor actor) {
		roomRules.requireParticipant(room, actor, "READ");
		return presence.connections(room.id(), clock.instant());
	}

	/**
	 * A participant's socket closed, or said it leaves: they are no longer present, and the others hear that they
	 * left (once per connection).
	 */
	@Transactional
	public void disconnected(String connectionId, RtcRoom room, Actor actor) {
		if (presence.disconnected(connectionId)) {
			relay(room, actor, RtcSignal.LEAVE, "{\"user_id\":" + actor.userId() + "}", connectionId, null);
		}
	}

	private RtcSignal relay(RtcRoom room, Actor sender, String signalType, String payload, @Nullable String from,
			@Nullable String to) {
		RtcSignal signal = signals.insert(room.id(), sender.userId(), signalType, payload, clock.instant(), from, to);
		for (long participant : room.participantUserIds()) {
			if (participant != sender.userId()) {
				live.toUser(participant, LIVE_TOPIC, signal.publicId());
			}
		}
		return signal;
	}

	private static String connection(String connectionId) {
		if (connectionId.isBlank() || connectionId.length() > MAX_CONNECTION_ID) {
			throw new IllegalArgumentException("A connection is named by 1 to " + MAX_CONNECTION_ID + " characters");
		}
		return connectionId;
	}

	private RtcRoom byRoomId(String roomId) {
		if (roomId.isEmpty() || roomId.length() > 64) {
			throw Refusal.notFound("Room");
		}
		return rooms.byRoomId(roomId, clock.instant()).orElseThrow(() -> Refusal.notFound("Room"));
	}
}
