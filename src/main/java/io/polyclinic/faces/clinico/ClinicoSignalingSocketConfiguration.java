package io.polyclinic.faces.clinico;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Mounts the Socket.IO signaling at {@code /socket.io/} (where the original client's {@code io(apiUrl)} connects:
 * a URL's path is a namespace, never the socket's path) and at {@code /clinico/socket.io/}, each with or without the
 * trailing slash. Origins follow the clinic's one CORS policy, as for the other faces' sockets; the socket is
 * authenticated by a token, never a cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ClinicoSignalingSocketConfiguration implements WebSocketConfigurer {

	private final ClinicoSignalingSocket socket;

	ClinicoSignalingSocketConfiguration(ClinicoSignalingSocket socket) {
		this.socket = socket;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(socket, ClinicoSignalingSocket.PATH, "/socket.io", ClinicoSignalingSocket.FACE_PATH,
				"/clinico/socket.io").addInterceptors(socket).setAllowedOriginPatterns("*");
	}
}
