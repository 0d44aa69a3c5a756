package io.polyclinic.faces.hcp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.polyclinic.faces.SocketTokens;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.platform.realtime.SerialExecutor;
import io.polyclinic.platform.security.BearerTokens;
import io.polyclinic.platform.web.ErrorWriter;
import io.polyclinic.video.RtcRoom;
import io.polyclinic.video.RtcSignal;
import io.polyclinic.video.RtcSignaling;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original's RTC consumer, {@code /hcp/ws/rtc/{room_id}/}, with the authentication it lacked: the handshake carries
 * the caller's access token or a join token of this room as {@code ?token=} (or {@code Authorization: Bearer}), and is
 * refused before the upgrade — 401 without a good token, 403 for anyone but the room's patient and doctor, 404 for no
 * such room, 400 once the room has ended or expired — in hcp's error shape. A join token may also stand where the
 * room's id goes ({@code /hcp/ws/rtc/<join token>/}, a join link), since the original web app opens the socket from its
 * {@code /call/<id>} page and cannot add a token.
 *
 * <p>Frames, as the original's web app speaks them: {@code {"type":"rtc_signal","signal_type","payload"}} from a
 * participant is stored (the video module's signaling) and reaches the other participant's sockets as
 * {@code {"type":"rtc_signal","signal_type","payload","sender_id"}}, never its own sender's; the other participant
 * hears {@code {"type":"user_joined"|"user_left","user_id","message"}} when one connects or leaves (on closing, or on
 * {@code {"type":"leave_room"}}). {@code join_room} is answered by the connection itself; {@code {"type":"ping"}} by
 * {@code {"type":"pong"}}; a frame that is not JSON, a signal without its type or payload, or one the room refuses by
 * {@code {"type":"error","message"}} to its sender alone. Deliveries are read through the module as the connected
 * user, written one at a time per connection, in order, off the thread that pushed them.
 */
@Component
class HcpRtcSocket extends TextWebSocketHandler implements HandshakeInterceptor, DisposableBean {

	static final String PATH = "/hcp/ws/rtc/";

	private static final Logger log = LoggerFactory.getLogger(HcpRtcSocket.class);
	private static final String ACTOR = HcpRtcSocket.class.getName() + ".actor";
	private static final String ROOM = HcpRtcSocket.class.getName() + ".room";
	private static final String CONNECTION = HcpRtcSocket.class.getName() + ".connection";
	private static final String REGISTRATION = HcpRtcSocket.class.getName() + ".registration";
	private static final String OUT = HcpRtcSocket.class.getName() + ".out";
	private static final int SEND_TIME_LIMIT_MS = 10_000;
	private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private final BearerTokens tokens;
	private final RtcSignaling signaling;
	private final LiveListeners live;
	private final JsonMapper json;
	private final ErrorWriter errors;
	private final ThreadPoolExecutor deliveries;

	HcpRtcSocket(BearerTokens tokens, RtcSignaling signaling, LiveListeners live, JsonMapper json,
			ErrorWriter errors) {
		this.tokens = tokens;
		this.signaling = signaling;
		this.live = live;
		this.json = json;
		this.errors = errors;
		this.deliveries = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("hcp-rtc-"));
		this.deliveries.allowCoreThreadTimeOut(true);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		String segment = roomId(request);
		String given = SocketTokens.of(request);
		try {
			// a join link: the original app opens /ws/rtc/<what its /call/ page was given>/ and can add no token
			boolean joinLink = given == null && RtcSignaling.isJoinToken(segment);
			String token = joinLink ? segment : given;
			String roomId = joinLink ? signaling.roomOf(segment) : segment;
			if (token == null) {
				throw Refusal.unauthenticated("UNAUTHORIZED", "Authentication credentials were not provided.");
			}
			Actor actor;
			if (RtcSignaling.isJoinToken(token)) {
				actor = signaling.redeem(token, roomId);
			}
			else {
				try {
					actor = (Actor) tokens.authenticate(token).getPrincipal();
				}
				catch (BearerTokens.TokenRejected rejected) {
					throw Refusal.unauthenticated(rejected.code(), "Given token not valid for any token type");
				}
			}
			RtcRoom room = openRoom(() -> signaling.admit(roomId, actor));
			attributes.put(ACTOR, actor);
			attributes.put(ROOM, room);
			return true;
		}
		catch (Refusal refused) {
			refuse(request, response, refused);
			return false;
		}
	}

	private void refuse(ServerHttpRequest request, ServerHttpResponse response, Refusal refused) throws IOException {
		if (request instanceof ServletServerHttpRequest servletRequest
				&& response instanceof ServletServerHttpResponse servletResponse) {
			HttpServletRequest raw = servletRequest.getServletRequest();
			errors.write(raw, servletResponse.getServletResponse(), errors.report(raw, refused));
		}
		else {
			response.setStatusCode(ErrorReport.statusOf(refused.kind()));
		}
	}

	/** The path's segment after {@code /hcp/ws/rtc/}, a trailing slash or not. */
	private static String roomId(ServerHttpRequest request) {
		String path = request.getURI().getRawPath();
		int at = path.indexOf(PATH);
		String rest = at < 0 ? "" : path.substring(at + PATH.length());
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return rest;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Actor caller = (Actor) session.getAttributes().get(ACTOR);
		RtcRoom room = (RtcRoom) session.getAttributes().get(ROOM);
		WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
		Executor inOrder = new SerialExecutor(deliveries);
		String connection = UUID.randomUUID().toString();
		session.getAttributes().put(OUT, out);
		session.getAttributes().put(CONNECTION, connection);
		session.getAttributes().put(REGISTRATION, live.listen(caller.userId(), update -> {
			if (RtcSignaling.LIVE_TOPIC.equals(update.topic())) {
				inOrder.execute(() -> deliver(out, caller, room, connection, update));
			}
		}));
		signaling.connected(connection, room, fresh(caller));
	}

	private void deliver(WebSocketSession out, Actor caller, RtcRoom room, String connection, LiveUpdate update) {
		if (!out.isOpen()) {
			return;
		}
		try {
			RtcSignal signal = signaling.get(update.subjectId(), fresh(caller));
			// a Socket.IO client of another face addresses its answer to this connection alone
			if (signal.roomPk() != room.id() || !signal.isFor(connection)) {
				return;
			}
			send(out, frame(signal));
		}
		catch (Refusal notTheirs) {
			// gone, or no longer theirs to read: nothing to tell
		}
		catch (RuntimeException e) {
			log.debug("A signal to user {} was not delivered: {}", caller.userId(), e.toString());
		}
	}

	private Map<String, Object> frame(RtcSignal signal) {
		Map<String, Object> frame = new LinkedHashMap<>();
		switch (signal.signalType()) {
			case RtcSignal.JOIN, RtcSignal.LEAVE -> {
				boolean joined = signal.signalType().equals(RtcSignal.JOIN);
				frame.put("type", joined ? "user_joined" : "user_left");
				frame.put("user_id", signal.senderUserId());
				frame.put("message", "User " + signal.senderUserId() + (joined ? " joined" : " left") + " the room");
			}
			default -> {
				frame.put("type", "rtc_signal");
				frame.put("signal_type", signal.signalType());
				frame.put("payload", json.readTree(signal.payload()));
				frame.put("sender_id", signal.senderUserId());
			}
		}
		return frame;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Actor caller = (Actor) session.getAttributes().get(ACTOR);
		RtcRoom room = (RtcRoom) session.getAttributes().get(ROOM);
		if (!(session.getAttributes().get(OUT) instanceof WebSocketSession out)) {
			return;
		}
		JsonNode received;
		try {
			received = json.readTree(message.getPayload());
		}
		catch (RuntimeException notJson) {
			error(out, "Invalid JSON");
			return;
		}
		switch (received.path("type").asString("")) {
			case "rtc_signal" -> {
				String type = received.path("signal_type").asString("");
				JsonNode payload = received.path("payload");
				if (type.isBlank() || payload.isMissingNode() || payload.isNull()) {
					error(out, "Missing signal_type or payload");
					return;
				}
				try {
					// from this connection, as its join was: a peer on clinico's Socket.IO answers to it
					signaling.send(room.roomId(), type.trim(), json.writeValueAsString(payload),
							(String) session.getAttributes().get(CONNECTION), null, fresh(caller));
				}
				catch (Refusal refused) {
					error(out, refused.getMessage());
				}
			}
			case "leave_room" -> signaling.disconnected((String) session.getAttributes().get(CONNECTION), room,
					fresh(caller));
			case "ping" -> send(out, Map.of("type", "pong"));
			default -> {
				// join_room: the connection announced itself already; other types are not the consumer's
			}
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		if (session.getAttributes().remove(REGISTRATION) instanceof LiveListeners.Registration registration) {
			registration.close();
		}
		Actor caller = (Actor) session.getAttributes().get(ACTOR);
		RtcRoom room = (RtcRoom) session.getAttributes().get(ROOM);
		Object connection = session.getAttributes().get(CONNECTION);
		if (caller != null && room != null && connection instanceof String id) {
			try {
				signaling.disconnected(id, room, fresh(caller));
			}
			catch (RuntimeException e) {
				log.warn("Could not record that user {} left room {}: {}", caller.userId(), room.id(), e.toString());
			}
		}
	}

	private void error(WebSocketSession out, String message) {
		send(out, Map.of("type", "error", "message", message));
	}

	private void send(WebSocketSession out, Map<String, Object> frame) {
		try {
			out.sendMessage(new TextMessage(json.writeValueAsString(frame)));
		}
		catch (IOException | RuntimeException e) {
			log.debug("A frame was not sent: {}", e.toString());
		}
	}

	/** A fresh caller per call: what a module remembers of a caller holds for one request, not a connection's life. */
	private static Actor fresh(Actor caller) {
		return new Actor(caller.userId(), caller.publicId(), caller.role(), caller.sessionId());
	}

	/** A closed room at the handshake is a 400, as the REST endpoints answer it. */
	private static RtcRoom openRoom(java.util.function.Supplier<RtcRoom> admit) {
		try {
			return admit.get();
		}
		catch (Refusal refusal) {
			if (refusal.kind() == Refusal.Kind.CONFLICT) {
				throw new Refusal(Refusal.Kind.INVALID, refusal.code(), refusal.getMessage(), refusal.fields());
			}
			throw refusal;
		}
	}

	@Override
	public void destroy() {
		deliveries.shutdownNow();
	}
}
