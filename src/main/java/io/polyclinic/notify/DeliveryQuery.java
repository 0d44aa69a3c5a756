package io.polyclinic.notify;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which deliveries to list; every filter is optional.
 *
 * @param from deliveries handed to their channel at or after this instant
 * @param to deliveries handed to their channel before this instant
 * @param limit how many, newest first: 50 when null, at most {@value NotificationHistory#MAX_LIMIT}
 */
public record DeliveryQuery(@Nullable Long patientId, @Nullable Long appointmentId, @Nullable MessageKind kind,
		@Nullable DeliveryStatus status, @Nullable Channel channel, @Nullable Instant from, @Nullable Instant to,
		@Nullable Integer limit) {

	/** The newest deliveries, unfiltered. */
	public static DeliveryQuery newest() {
		return new DeliveryQuery(null, null, null, null, null, null, null, null);
	}

	public DeliveryQuery forPatient(@Nullable Long patientId) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery forAppointment(@Nullable Long appointmentId) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery ofKind(@Nullable MessageKind kind) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery withStatus(@Nullable DeliveryStatus status) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery through(@Nullable Channel channel) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery between(@Nullable Instant from, @Nullable Instant to) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}

	public DeliveryQuery limit(@Nullable Integer limit) {
		return new DeliveryQuery(patientId, appointmentId, kind, status, channel, from, to, limit);
	}
}
