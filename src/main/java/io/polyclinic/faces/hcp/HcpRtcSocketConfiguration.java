package io.polyclinic.faces.hcp;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Mounts the signaling socket at {@code /hcp/ws/rtc/{room_id}/}, with or without the trailing slash. Origins follow the
 * clinic's one CORS policy ({@code POLYCLINIC_CORS_ORIGINS}; any origin in demo mode): its filter refuses a handshake
 * from an origin it does not allow before the socket sees it, so the socket itself adds no list of its own. The socket
 * is authenticated by a token, never a cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class HcpRtcSocketConfiguration implements WebSocketConfigurer {

	private final HcpRtcSocket socket;

	HcpRtcSocketConfiguration(HcpRtcSocket socket) {
		this.socket = socket;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(socket, HcpRtcSocket.PATH + "*", HcpRtcSocket.PATH + "*/").addInterceptors(socket)
			.setAllowedOriginPatterns("*");
	}
}
