package io.polyclinic.faces.hcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * A client of the signaling socket (the JDK's WebSocket), as the original web app is one: it keeps every frame it
 * hears, and a test takes the next frame of a type, leaving the others for later.
 */
final class RtcClient implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final WebSocket socket;
	private final List<JsonNode> frames;

	private RtcClient(WebSocket socket, List<JsonNode> frames) {
		this.socket = socket;
		this.frames = frames;
	}

	static URI uri(int port, String roomId, @Nullable String token) {
		return URI.create("ws://localhost:" + port + "/hcp/ws/rtc/" + roomId + "/"
				+ (token == null ? "" : "?token=" + token));
	}

	static RtcClient connect(URI uri) {
		return connect(uri, Map.of());
	}

	static RtcClient connect(URI uri, Map<String, String> headers) {
		List<JsonNode> frames = new ArrayList<>();
		var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		headers.forEach(builder::header);
		try {
			WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
				private final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					partial.append(data);
					if (last) {
						synchronized (frames) {
							frames.add(Http.JSON.readTree(partial.toString()));
							frames.notifyAll();
						}
						partial.setLength(0);
					}
					webSocket.request(1);
					return null;
				}
			}).get(10, TimeUnit.SECONDS);
			return new RtcClient(socket, frames);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The status a refused handshake answered. */
	static int refusedStatus(URI uri) {
		return refusedStatus(uri, Map.of());
	}

	static int refusedStatus(URI uri, Map<String, String> headers) {
		try {
			connect(uri, headers).close();
			throw new AssertionError("The handshake was accepted");
		}
		catch (IllegalStateException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof WebSocketHandshakeException refused) {
					return refused.getResponse().statusCode();
				}
			}
			throw e;
		}
	}

	/** The next frame of this type heard within the time (taken), or null. */
	@Nullable
	JsonNode next(String type, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		synchronized (frames) {
			while (true) {
				for (Iterator<JsonNode> it = frames.iterator(); it.hasNext();) {
					JsonNode frame = it.next();
					if (type.equals(frame.path("type").asString())) {
						it.remove();
						return frame;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(frames, left);
			}
		}
	}

	/** A ping answered: the server holds the connection and hears what is pushed to it from now. */
	RtcClient ready() throws InterruptedException {
		send("{\"type\":\"ping\"}");
		if (next("pong", Duration.ofSeconds(10)) == null) {
			throw new AssertionError("No pong");
		}
		return this;
	}

	void send(String text) {
		socket.sendText(text, true).join();
	}

	void send(Map<String, Object> frame) {
		send(Http.JSON.writeValueAsString(frame));
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
		socket.abort();
	}
}
