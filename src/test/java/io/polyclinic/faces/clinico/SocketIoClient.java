package io.polyclinic.faces.clinico;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * A Socket.IO v4 client written out in its frames (Engine.IO 4 over the JDK's WebSocket), as socket.io-client speaks
 * them with {@code transports: ['websocket']}: it answers the server's pings, keeps every packet it hears, and a test
 * takes the next one it waits for, leaving the others.
 */
final class SocketIoClient implements AutoCloseable {

	static final String NAMESPACE = "/clinico";
	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final Duration WAIT = Duration.ofSeconds(15);

	private final WebSocket socket;
	private final List<String> packets;
	/** The socket id the server gave this client's namespace socket, once connected. */
	String sid = "";

	private SocketIoClient(WebSocket socket, List<String> packets) {
		this.socket = socket;
		this.packets = packets;
	}

	static URI uri(int port, String path) {
		return URI.create("ws://localhost:" + port + path + "?EIO=4&transport=websocket");
	}

	static SocketIoClient open(URI uri) {
		List<String> packets = new ArrayList<>();
		try {
			WebSocket socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri,
					new WebSocket.Listener() {
						private final StringBuilder partial = new StringBuilder();

						@Override
						public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
							partial.append(data);
							if (last) {
								String packet = partial.toString();
								partial.setLength(0);
								if (packet.equals("2")) {
									webSocket.sendText("3", true);
								}
								else {
									synchronized (packets) {
										packets.add(packet);
										packets.notifyAll();
									}
								}
							}
							webSocket.request(1);
							return null;
						}
					}).get(10, TimeUnit.SECONDS);
			return new SocketIoClient(socket, packets);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Opens the socket and connects the namespace with the token, as {@code io(apiUrl, {auth: {token}})} does. */
	static SocketIoClient connected(int port, String token) throws InterruptedException {
		SocketIoClient client = open(uri(port, "/socket.io/"));
		client.packet("0", WAIT);
		client.send("40" + NAMESPACE + ",{\"token\":\"" + token + "\"}");
		String answer = client.packet("4" + "0" + NAMESPACE + ",", WAIT);
		if (answer == null) {
			throw new AssertionError("The namespace was not connected: " + client.heard());
		}
		client.sid = Http.JSON.readTree(answer.substring(("40" + NAMESPACE + ",").length())).path("sid").asString();
		return client;
	}

	/** The next packet that starts with the prefix, heard within the time (taken), or null. */
	@Nullable
	String packet(String prefix, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		synchronized (packets) {
			while (true) {
				for (Iterator<String> it = packets.iterator(); it.hasNext();) {
					String packet = it.next();
					if (packet.startsWith(prefix)) {
						it.remove();
						return packet;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(packets, left);
			}
		}
	}

	/** The argument of the next event of this name in the namespace, or null if none came in time. */
	@Nullable
	JsonNode event(String name, Duration within) throws InterruptedException {
		String prefix = "42" + NAMESPACE + ",[\"" + name + "\"";
		String packet = packet(prefix, within);
		return packet == null ? null : Http.JSON.readTree(packet.substring(("42" + NAMESPACE + ",").length())).get(1);
	}

	@Nullable
	JsonNode event(String name) throws InterruptedException {
		return event(name, WAIT);
	}

	void emit(String name, Object argument) {
		send("42" + NAMESPACE + "," + Http.JSON.writeValueAsString(List.of(name, argument)));
	}

	void send(String packet) {
		socket.sendText(packet, true).join();
	}

	/** Packets heard and not taken. */
	List<String> heard() {
		synchronized (packets) {
			return List.copyOf(packets);
		}
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
		socket.abort();
	}
}
