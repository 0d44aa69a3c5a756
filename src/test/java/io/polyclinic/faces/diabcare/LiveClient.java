package io.polyclinic.faces.diabcare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** A client of DiabCare's socket (the JDK's WebSocket): what it hears, frame by frame, as JSON. */
final class LiveClient implements AutoCloseable {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final WebSocket socket;
	private final BlockingQueue<String> frames;

	private LiveClient(WebSocket socket, BlockingQueue<String> frames) {
		this.socket = socket;
		this.frames = frames;
	}

	/** Connects with the token in the {@code Authorization} header. */
	static LiveClient withHeader(int port, String token) {
		return connect(URI.create("ws://localhost:" + port + "/diabcare/ws"), token);
	}

	/** Connects with the token in the query, as a client that cannot set headers does. */
	static LiveClient withQuery(int port, String token) {
		return connect(URI.create("ws://localhost:" + port + "/diabcare/ws?token=" + token), null);
	}

	/** The status a refused handshake answered. */
	static int refusedStatus(URI uri, @Nullable String token) {
		try {
			connect(uri, token).close();
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

	private static LiveClient connect(URI uri, @Nullable String headerToken) {
		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		if (headerToken != null) {
			builder.header("Authorization", "Bearer " + headerToken);
		}
		try {
			WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
				private final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					partial.append(data);
					if (last) {
						frames.add(partial.toString());
						partial.setLength(0);
					}
					webSocket.request(1);
					return null;
				}
			}).get(10, TimeUnit.SECONDS);
			return new LiveClient(socket, frames);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The next frame heard within the time, or null. */
	@Nullable
	JsonNode next(Duration within) throws InterruptedException {
		String frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		return frame == null ? null : Http.JSON.readTree(frame);
	}

	/** A ping answered with a pong: the server has registered the connection, so it hears what is pushed from now. */
	LiveClient ready() throws InterruptedException {
		send("{\"event\":\"ping\"}");
		JsonNode pong = next(Duration.ofSeconds(10));
		if (pong == null || !"pong".equals(pong.path("event").asString())) {
			throw new AssertionError("No pong but " + pong);
		}
		return this;
	}

	void send(String text) {
		socket.sendText(text, true).join();
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		socket.abort();
	}
}
