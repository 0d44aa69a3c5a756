package io.polyclinic.notify;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery history: a message a channel sent or failed to send. A one-time code's body is never
 * kept, so it reads "(one-time code withheld)" here.
 *
 * @param createdAt when the message was handed to its channel
 * @param sentAt when the channel accepted it; null when it failed
 */
public record DeliveryRecord(long id, UUID publicId, Channel channel, String recipient, @Nullable String subject,
		String body, MessageKind kind, DeliveryStatus status, String provider, @Nullable String providerRef,
		@Nullable String failureReason, @Nullable Long patientId, @Nullable Long appointmentId, Instant createdAt,
		@Nullable Instant sentAt) {
}
