package io.polyclinic.faces.clinico;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import io.polyclinic.directory.People;
import io.polyclinic.faces.SocketTokens;
import io.polyclinic.identity.Account;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.platform.realtime.SerialExecutor;
import io.polyclinic.platform.security.BearerTokens;
import io.polyclinic.video.RtcConnection;
import io.polyclinic.video.RtcRoom;
import io.polyclinic.video.RtcSignal;
import io.polyclinic.video.RtcSignaling;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original client's signaling server, spoken as Socket.IO v4 (Engine.IO 4 over WebSocket; no long-polling) at
 * {@code /socket.io/} — where {@code io("http://host/clinico")} connects, to the namespace {@code /clinico} — and at
 * {@code /clinico/socket.io/}; the namespace {@code /} serves a client of the face mounted at the root.
 *
 * <p>The namespace's CONNECT carries any face's access token ({@code auth: {token}}; or {@code ?token=} / a Bearer
 * header on the handshake): a bad one is answered by CONNECT_ERROR. Then, as the original: {@code join-room
 * {roomId, userData}} admits the appointment's patient and doctor to the video module's room (anyone else, an unknown
 * or closed room: an {@code error} event {@code {error, message}} and the namespace disconnected); the others in the
 * room hear {@code user-joined {userId, userData}} and the newcomer {@code user-already-in-room {userId, userData}} for
 * each one there; {@code signal {signal, to}} (a simple-peer offer, answer or candidate) is stored by the video module
 * and reaches the socket {@code to} names as {@code signal {signal, from}}; {@code leave-room} or a disconnect is
 * {@code user-left <userId>}. A {@code userId} is the peer's socket id; {@code userData} is {@code {role, name}} as
 * the clinic knows them ("Doctor"/"Patient"), not as the peer's client claimed. Deliveries reach this node through
 * the live updates (Redis across nodes), are read through the module as the connected user, and are written in order,
 * one connection's events off the thread that pushed them.
 */
@Component
class ClinicoSignalingSocket extends TextWebSocketHandler implements HandshakeInterceptor, DisposableBean {

	static final String PATH = "/socket.io/";
	static final String FACE_PATH = "/clinico/socket.io/";
	static final Set<String> NAMESPACES = Set.of("/clinico", "/");
	static final long PING_INTERVAL_MS = 25_000;
	static final long PING_TIMEOUT_MS = 20_000;
	/** The longest packet a client may send: a simple-peer offer with its candidates is a few kilobytes. */
	static final int MAX_PAYLOAD = 1_000_000;

	private static final Logger log = LoggerFactory.getLogger(ClinicoSignalingSocket.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String CONNECTION = ClinicoSignalingSocket.class.getName() + ".connection";
	private static final String HANDSHAKE_TOKEN = ClinicoSignalingSocket.class.getName() + ".token";
	private static final int SEND_TIME_LIMIT_MS = 10_000;
	private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private final BearerTokens tokens;
	private final RtcSignaling signaling;
	private final LiveListeners live;
	private final People people;
	private final JsonMapper json;
	private final ThreadPoolExecutor work;
	private final ScheduledExecutorService heartbeats;

	ClinicoSignalingSocket(BearerTokens tokens, RtcSignaling signaling, LiveListeners live, People people,
			JsonMapper json) {
		this.tokens = tokens;
		this.signaling = signaling;
		this.live = live;
		this.people = people;
		this.json = json;
		this.work = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("clinico-rtc-"));
		this.work.allowCoreThreadTimeOut(true);
		this.heartbeats = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("clinico-ping-"));
	}

	/** One Engine.IO connection and the Socket.IO socket it carries, once its namespace is connected. */
	private static final class Connection {

		final WebSocketSession out;
		final Executor inOrder;
		final StringBuilder partial = new StringBuilder();
		/** The peers this socket was told of (joined or already there), so that none is announced twice. */
		final Set<String> announced = ConcurrentHashMap.newKeySet();
		volatile @Nullable ScheduledFuture<?> pings;
		volatile long pingedAt;
		volatile long pongAt;
		volatile @Nullable String namespace;
		volatile @Nullable String socketId;
		volatile @Nullable Actor actor;
		volatile @Nullable RtcRoom room;
		volatile LiveListeners.@Nullable Registration registration;

		Connection(WebSocketSession out, Executor inOrder) {
			this.out = out;
			this.inOrder = inOrder;
		}
	}

	// --- Engine.IO: the handshake, the open packet, heartbeats ---

	/** Engine.IO 4 over WebSocket only; anything else is answered as the Engine.IO server answers it. */
	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
		if (!"4".equals(query.getFirst("EIO"))) {
			return refuse(response, 5, "Unsupported protocol version");
		}
		if (!"websocket".equals(query.getFirst("transport"))) {
			return refuse(response, 0, "Transport unknown");
		}
		String token = SocketTokens.of(request);
		if (token != null) {
			attributes.put(HANDSHAKE_TOKEN, token);
		}
		return true;
	}

	private boolean refuse(ServerHttpResponse response, int code, String message) throws IOException {
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getBody().write(json.writeValueAsBytes(Map.of("code", code, "message", message)));
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Connection c = new Connection(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS,
				BUFFER_LIMIT_BYTES), new SerialExecutor(work));
		session.getAttributes().put(CONNECTION, c);
		Map<String, Object> open = new LinkedHashMap<>();
		open.put("sid", newId());
		open.put("upgrades", List.of());
		open.put("pingInterval", PING_INTERVAL_MS);
		open.put("pingTimeout", PING_TIMEOUT_MS);
		open.put("maxPayload", MAX_PAYLOAD);
		send(c, "0" + json.writeValueAsString(open));
		c.pongAt = System.currentTimeMillis();
		c.pings = heartbeats.scheduleAtFixedRate(() -> heartbeat(c), PING_INTERVAL_MS, PING_INTERVAL_MS,
				TimeUnit.MILLISECONDS);
	}

	/** The server pings (Engine.IO 4); a client that did not answer the last ping in time is gone. */
	private void heartbeat(Connection c) {
		if (c.pingedAt > c.pongAt && System.currentTimeMillis() - c.pingedAt > PING_TIMEOUT_MS) {
			close(c, CloseStatus.GOING_AWAY);
			return;
		}
		c.pingedAt = System.currentTimeMillis();
		send(c, "2");
	}

	/** Packets arrive whole or (longer than the container's buffer) in parts, put together here. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		if (!(session.getAttributes().get(CONNECTION) instanceof Connection c)) {
			return;
		}
		String packet;
		synchronized (c.partial) {
			c.partial.append(message.getPayload());
			if (c.partial.length() > MAX_PAYLOAD) {
				close(c, CloseStatus.TOO_BIG_TO_PROCESS);
				return;
			}
			if (!message.isLast()) {
				return;
			}
			packet = c.partial.toString();
			c.partial.setLength(0);
		}
		if (packet.isEmpty()) {
			return;
		}
		switch (packet.charAt(0)) {
			case '1' -> close(c, CloseStatus.NORMAL);
			case '2' -> send(c, "3" + packet.substring(1));
			case '3' -> c.pongAt = System.currentTimeMillis();
			case '4' -> c.inOrder.execute(() -> socketIo(c, packet.substring(1)));
			default -> {
				// upgrade and noop belong to long-polling, which is not served
			}
		}
	}

	// --- Socket.IO: namespaces and events ---

	/** A Socket.IO packet: its type, namespace, ack id (ignored: the client asks for none) and JSON data. */
	private void socketIo(Connection c, String packet) {
		if (packet.isEmpty()) {
			return;
		}
		char type = packet.charAt(0);
		int at = 1;
		String namespace = "/";
		if (at < packet.length() && packet.charAt(at) == '/') {
			int comma = packet.indexOf(',', at);
			namespace = comma < 0 ? packet.substring(at) : packet.substring(at, comma);
			at = comma < 0 ? packet.length() : comma + 1;
		}
		while (at < packet.length() && Character.isDigit(packet.charAt(at))) {
			at++;
		}
		JsonNode data;
		try {
			data = at < packet.length() ? json.readTree(packet.substring(at)) : null;
		}
		catch (RuntimeException notJson) {
			close(c, CloseStatus.BAD_DATA);
			return;
		}
		try {
			switch (type) {
				case '0' -> connectNamespace(c, namespace, data);
				case '1' -> {
					if (namespace.equals(c.namespace)) {
						leaveNamespace(c);
					}
				}
				case '2' -> {
					if (namespace.equals(c.namespace) && data != null && data.isArray() && data.size() > 0) {
						event(c, data.get(0).asString(""), data.size() > 1 ? data.get(1) : null);
					}
				}
				default -> {
					// acks and binary packets: the client sends none
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("A signaling packet failed: {}", e.toString());
			emitError(c, "INTERNAL_ERROR", "The packet could not be handled");
		}
	}

	private void connectNamespace(Connection c, String namespace, @Nullable JsonNode auth) {
		if (!NAMESPACES.contains(namespace)) {
			send(c, packet("44", namespace, Map.of("message", "Invalid namespace")));
			return;
		}
		if (c.namespace != null) {
			return;
		}
		String token = auth != null && auth.path("token").isString() ? auth.path("token").asString()
				: (String) c.out.getAttributes().get(HANDSHAKE_TOKEN);
		if (token == null || token.isBlank()) {
			send(c, packet("44", namespace, Map.of("message", "Authentication error: No token provided.", "data",
					Map.of("error", "UNAUTHORIZED"))));
			return;
		}
		Actor actor;
		try {
			actor = (Actor) tokens.authenticate(token.strip()).getPrincipal();
		}
		catch (BearerTokens.TokenRejected rejected) {
			send(c, packet("44", namespace, Map.of("message", "Authentication error: Invalid token.", "data",
					Map.of("error", rejected.code()))));
			return;
		}
		String socketId = newId();
		c.actor = actor;
		c.socketId = socketId;
		c.namespace = namespace;
		c.registration = live.listen(actor.userId(), update -> {
			if (RtcSignaling.LIVE_TOPIC.equals(update.topic())) {
				c.inOrder.execute(() -> deliver(c, update));
			}
		});
		send(c, packet("40", namespace, Map.of("sid", socketId)));
	}

	private void event(Connection c, String name, @Nullable JsonNode argument) {
		switch (name) {
			case "join-room" -> join(c, argument == null ? "" : argument.path("roomId").asString(""));
			case "signal" -> signal(c, argument);
			case "leave-room" -> leaveRoom(c);
			default -> {
				// not the signaling server's
			}
		}
	}

	private void join(Connection c, String roomId) {
		Actor actor = actorOf(c);
		RtcRoom current = c.room;
		if (current != null) {
			if (current.roomId().equals(roomId)) {
				return;
			}
			leaveRoom(c);
		}
		RtcRoom room;
		try {
			room = signaling.admit(roomId.strip(), actor);
		}
		catch (Refusal refused) {
			// not theirs, no such room, or over: told why, then let go
			emitError(c, refused.code(), refused.getMessage());
			send(c, packet("41", c.namespace, null));
			leaveNamespace(c);
			return;
		}
		c.room = room;
		String self = socketIdOf(c);
		signaling.connected(self, room, fresh(actor));
		List<RtcConnection> there = new ArrayList<>();
		for (RtcConnection other : signaling.connections(room, fresh(actor))) {
			if (!other.connectionId().equals(self) && other.userId() != actor.userId()) {
				there.add(other);
			}
		}
		Map<Long, Account> names = there.isEmpty() ? Map.of()
				: people.byIds(there.stream().map(RtcConnection::userId).distinct().toList());
		for (RtcConnection other : there) {
			if (c.announced.add(other.connectionId())) {
				Account account = names.get(other.userId());
				emit(c, "user-already-in-room", peer(other.connectionId(), room, other.userId(),
						account == null ? "" : account.fullName()));
			}
		}
	}

	/** simple-peer's signals: an offer, an answer, or an ICE candidate (its {@code type} "candidate"). */
	private void signal(Connection c, @Nullable JsonNode argument) {
		RtcRoom room = c.room;
		if (room == null) {
			emitError(c, "NOT_IN_ROOM", "Join a room before signaling");
			return;
		}
		JsonNode signal = argument == null ? null : argument.get("signal");
		if (signal == null || !signal.isObject()) {
			emitError(c, "VALIDATION_ERROR", "A signal is an object");
			return;
		}
		String kind = signal.path("type").asString("");
		String type = switch (kind) {
			case "offer", "answer" -> kind;
			case "candidate" -> "ice_candidate";
			default -> signal.has("candidate") ? "ice_candidate" : null;
		};
		if (type == null) {
			emitError(c, "VALIDATION_ERROR", "Only offers, answers and ICE candidates are relayed");
			return;
		}
		JsonNode to = argument.get("to");
		try {
			signaling.send(room.roomId(), type, json.writeValueAsString(signal), socketIdOf(c),
					to != null && to.isString() && !to.asString().isBlank() ? to.asString() : null,
					fresh(actorOf(c)));
		}
		catch (Refusal refused) {
			emitError(c, refused.code(), refused.getMessage());
		}
	}

	private void leaveRoom(Connection c) {
		RtcRoom room = c.room;
		c.room = null;
		c.announced.clear();
		if (room != null && c.socketId != null && c.actor != null) {
			signaling.disconnected(c.socketId, room, fresh(c.actor));
		}
	}

	private void leaveNamespace(Connection c) {
		leaveRoom(c);
		LiveListeners.Registration registration = c.registration;
		c.registration = null;
		if (registration != null) {
			registration.close();
		}
		c.namespace = null;
		c.socketId = null;
		c.actor = null;
	}

	/** A signal of the room pushed to this user: read as them, and told to this socket if it is meant for it. */
	private void deliver(Connection c, LiveUpdate update) {
		RtcRoom room = c.room;
		String self = c.socketId;
		Actor actor = c.actor;
		if (room == null || self == null || actor == null || !c.out.isOpen()) {
			return;
		}
		try {
			RtcSignal signal = signaling.get(update.subjectId(), fresh(actor));
			if (signal.roomPk() != room.id() || !signal.isFor(self)) {
				return;
			}
			// a signal sent without a socket (hcp's REST endpoint) comes from the person
			String from = signal.senderConnection() != null ? signal.senderConnection()
					: "user-" + signal.senderUserId();
			switch (signal.signalType()) {
				case RtcSignal.JOIN -> {
					if (c.announced.add(from)) {
						emit(c, "user-joined", peer(from, room, signal.senderUserId(), signal.senderName()));
					}
				}
				case RtcSignal.LEAVE -> {
					c.announced.remove(from);
					emit(c, "user-left", from);
				}
				default -> {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("signal", json.readTree(signal.payload()));
					data.put("from", from);
					emit(c, "signal", data);
				}
			}
		}
		catch (Refusal notTheirs) {
			// gone, or no longer theirs to read: nothing to tell
		}
		catch (RuntimeException e) {
			log.debug("A signal to user {} was not delivered: {}", actor.userId(), e.toString());
		}
	}

	private static Map<String, Object> peer(String socketId, RtcRoom room, long userId, String name) {
		Map<String, Object> userData = new LinkedHashMap<>();
		userData.put("role", userId == room.clinicianUserId() ? "Doctor" : "Patient");
		userData.put("name", name);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", socketId);
		data.put("userData", userData);
		return data;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		if (!(session.getAttributes().remove(CONNECTION) instanceof Connection c)) {
			return;
		}
		ScheduledFuture<?> pings = c.pings;
		if (pings != null) {
			pings.cancel(false);
		}
		// after whatever this connection was still doing, so that its leaving is the last the room hears of it
		c.inOrder.execute(() -> {
			try {
				leaveNamespace(c);
			}
			catch (RuntimeException e) {
				log.warn("Could not record that a signaling socket left its room: {}", e.toString());
			}
		});
	}

	// --- writing ---

	private void emit(Connection c, String event, Object data) {
		send(c, packet("42", c.namespace, List.of(event, data)));
	}

	private void emitError(Connection c, String code, @Nullable String message) {
		emit(c, "error", Map.of("error", code, "message", message == null ? "" : message));
	}

	/** Engine.IO message + Socket.IO packet: its type, the namespace unless the root one, and its data. */
	private String packet(String types, @Nullable String namespace, @Nullable Object data) {
		String nsp = namespace == null || namespace.equals("/") ? "" : namespace + ",";
		return types + nsp + (data == null ? "" : json.writeValueAsString(data));
	}

	private void send(Connection c, String text) {
		try {
			if (c.out.isOpen()) {
				c.out.sendMessage(new TextMessage(text));
			}
		}
		catch (IOException | RuntimeException e) {
			log.debug("A signaling packet was not sent: {}", e.toString());
		}
	}

	private static void close(Connection c, CloseStatus status) {
		try {
			c.out.close(status);
		}
		catch (IOException e) {
			log.debug("A signaling socket did not close cleanly: {}", e.toString());
		}
	}

	private static Actor actorOf(Connection c) {
		Actor actor = c.actor;
		if (actor == null) {
			throw new IllegalStateException("The namespace is not connected");
		}
		return fresh(actor);
	}

	private static String socketIdOf(Connection c) {
		String id = c.socketId;
		if (id == null) {
			throw new IllegalStateException("The namespace is not connected");
		}
		return id;
	}

	/** A fresh caller per call: what a module remembers of a caller holds for one request, not a connection's life. */
	private static Actor fresh(Actor caller) {
		return new Actor(caller.userId(), caller.publicId(), caller.role(), caller.sessionId());
	}

	/** 120 random bits, URL-safe: an Engine.IO session's or a socket's id. */
	private static String newId() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public void destroy() {
		heartbeats.shutdownNow();
		work.shutdownNow();
	}
}
