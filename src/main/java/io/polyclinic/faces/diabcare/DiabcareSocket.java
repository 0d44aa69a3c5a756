package io.polyclinic.faces.diabcare;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

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

import com.fasterxml.jackson.annotation.JsonProperty;

import io.polyclinic.faces.SocketTokens;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.realtime.LiveListeners;
import io.polyclinic.platform.realtime.LiveUpdate;
import io.polyclinic.platform.realtime.SerialExecutor;
import io.polyclinic.platform.security.BearerTokens;
import io.polyclinic.platform.web.ErrorWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DiabCare's socket, {@code /diabcare/ws}: a signed-in user's live updates as JSON text frames
 * {@code {"event": topic, "data": …}}, rendered per topic by the {@link DiabcareLiveFrames} beans. The handshake
 * carries the clinic's access token as {@code Authorization: Bearer …}, or as {@code ?token=…} for clients that cannot
 * set a header; without a good one it is refused with 401 in NestJS's error shape.
 *
 * <p>Each update is rendered (a read through the module, as the connected user) and written off the thread that
 * pushed it, one at a time per connection so that a connection's frames keep their order; a slow client holds up no
 * one else. A client may send {@code {"event":"ping"}} and hears {@code {"event":"pong"}}; anything else it sends is
 * ignored.
 */
@Component
class DiabcareSocket extends TextWebSocketHandler implements HandshakeInterceptor, DisposableBean {

	static final String PATH = "/diabcare/ws";

	private static final Logger log = LoggerFactory.getLogger(DiabcareSocket.class);
	private static final String ACTOR = DiabcareSocket.class.getName() + ".actor";
	private static final String REGISTRATION = DiabcareSocket.class.getName() + ".registration";
	private static final String OUT = DiabcareSocket.class.getName() + ".out";
	private static final int SEND_TIME_LIMIT_MS = 10_000;
	private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private final BearerTokens tokens;
	private final LiveListeners live;
	private final Map<String, DiabcareLiveFrames> frames;
	private final JsonMapper json;
	private final ErrorWriter errors;
	private final ThreadPoolExecutor renderers;

	DiabcareSocket(BearerTokens tokens, LiveListeners live, List<DiabcareLiveFrames> frames, JsonMapper json,
			ErrorWriter errors) {
		this.tokens = tokens;
		this.live = live;
		this.frames = frames.stream().collect(Collectors.toMap(DiabcareLiveFrames::topic, Function.identity()));
		this.json = json;
		this.errors = errors;
		this.renderers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("diabcare-live-"));
		this.renderers.allowCoreThreadTimeOut(true);
	}

	record Frame(@JsonProperty("event") String event, @JsonProperty("data") @Nullable Object data) {
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		String token = SocketTokens.of(request);
		if (token != null) {
			try {
				attributes.put(ACTOR, tokens.authenticate(token).getPrincipal());
				return true;
			}
			catch (BearerTokens.TokenRejected rejected) {
				// answered below, as any refused handshake
			}
		}
		if (request instanceof ServletServerHttpRequest servletRequest
				&& response instanceof ServletServerHttpResponse servletResponse) {
			errors.write(servletRequest.getServletRequest(), servletResponse.getServletResponse(),
					new ErrorReport(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized"));
		}
		else {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
		}
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		Actor caller = (Actor) session.getAttributes().get(ACTOR);
		WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
		Executor inOrder = new SerialExecutor(renderers);
		LiveListeners.Registration registration = live.listen(caller.userId(),
				update -> inOrder.execute(() -> deliver(out, caller, update)));
		session.getAttributes().put(OUT, out);
		session.getAttributes().put(REGISTRATION, registration);
	}

	private void deliver(WebSocketSession out, Actor caller, LiveUpdate update) {
		DiabcareLiveFrames renderer = frames.get(update.topic());
		if (renderer == null || !out.isOpen()) {
			return;
		}
		// a fresh caller per update: what a module remembers of a caller holds for one request, not a connection's life
		Actor actor = new Actor(caller.userId(), caller.publicId(), caller.role(), caller.sessionId());
		try {
			var data = renderer.render(update.subjectId(), actor);
			if (data.isPresent()) {
				out.sendMessage(new TextMessage(json.writeValueAsString(new Frame(update.topic(), data.get()))));
			}
		}
		catch (IOException | RuntimeException e) {
			log.debug("A {} frame to user {} was not delivered: {}", update.topic(), caller.userId(), e.toString());
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		JsonNode received;
		try {
			received = json.readTree(message.getPayload());
		}
		catch (RuntimeException notJson) {
			return;
		}
		if ("ping".equals(received.path("event").asString("")) && session.getAttributes().get(OUT) instanceof
				WebSocketSession out) {
			out.sendMessage(new TextMessage(json.writeValueAsString(new Frame("pong", null))));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Object registration = session.getAttributes().remove(REGISTRATION);
		if (registration instanceof LiveListeners.Registration r) {
			r.close();
		}
	}

	@Override
	public void destroy() {
		renderers.shutdownNow();
	}
}
