package io.polyclinic.notify;

import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient. {@code secret} marks a body (a one-time code) that must not be kept in the
 * delivery history; the dev outbox still shows it in demo mode, as a phone would. {@code recipientName} is the name a
 * provider files the recipient under (Gallabox's contact name), when the sender knows it.
 */
public record Message(Channel channel, String to, @Nullable String subject, String body, MessageKind kind,
		@Nullable Long patientId, @Nullable Long appointmentId, boolean secret, @Nullable String recipientName) {

	public Message(Channel channel, String to, @Nullable String subject, String body, MessageKind kind,
			@Nullable Long patientId, @Nullable Long appointmentId, boolean secret) {
		this(channel, to, subject, body, kind, patientId, appointmentId, secret, null);
	}

	public static Message secret(Channel channel, String to, String subject, String body) {
		return new Message(channel, to, subject, body, MessageKind.OTP, null, null, true);
	}

	/** The same message, addressed to a person by name. */
	public Message named(@Nullable String recipientName) {
		return new Message(channel, to, subject, body, kind, patientId, appointmentId, secret, recipientName);
	}
}
