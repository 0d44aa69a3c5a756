package io.polyclinic.faces.diabcare;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Mounts DiabCare's socket at {@code /diabcare/ws}. Any origin may open it: the clinic's CORS filter has already
 * refused the origins its policy does not allow, and the socket is authenticated by a bearer token, never a cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class DiabcareSocketConfiguration implements WebSocketConfigurer {

	private final DiabcareSocket socket;

	DiabcareSocketConfiguration(DiabcareSocket socket) {
		this.socket = socket;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(socket, DiabcareSocket.PATH).addInterceptors(socket).setAllowedOriginPatterns("*");
	}
}
