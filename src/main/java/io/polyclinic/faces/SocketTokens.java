package io.polyclinic.faces;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * The access token of a WebSocket handshake, as every face's socket takes it: a Bearer header, or {@code ?token=}
 * for browsers, whose WebSocket API cannot set headers.
 */
public final class SocketTokens {

	private SocketTokens() {
	}

	public static @Nullable String of(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		if (request instanceof ServletServerHttpRequest servletRequest) {
			String token = servletRequest.getServletRequest().getParameter("token");
			return token == null || token.isBlank() ? null : token.trim();
		}
		return null;
	}
}
