package io.polyclinic.notify;

import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient. {@code secret} marks a body (a one-time code) that must not be kept in the
 * delivery history; the dev outbox still shows it in demo mode, as a phone would.
 */
public record Message(Channel channel, String to, @Nullable String subject, String body, MessageKind kind,
		@Nullable Long patientId, @Nullable Long appointmentId, boolean secret) {

	public static Message secret(Channel channel, String to, String subject, String body) {
		return new Message(channel, to, subject, body, MessageKind.OTP, null, null, true);
	}
}
