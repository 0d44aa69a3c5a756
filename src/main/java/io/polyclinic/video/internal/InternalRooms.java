package io.polyclinic.video.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.video.MeetingRequest;

/**
 * The offline default: a room of Polyclinic's own, named by an unguessable id, joined through the application's
 * WebRTC signaling.
 */
@Component
public class InternalRooms implements MeetingProvider {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String baseUrl;

	InternalRooms(PolyclinicProperties properties) {
		this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	@Override
	public String name() {
		return "internal";
	}

	@Override
	public Created create(MeetingRequest request) {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		String room = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Created(baseUrl + "/video/rooms/" + room, room);
	}
}
