package io.polyclinic.notify.internal;

import org.jspecify.annotations.Nullable;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;

/**
 * One way out for one channel: a provider's API, or the dev outbox.
 */
public interface ChannelGateway {

	Channel channel();

	/** The provider's name as the delivery history shows it (twilio, gallabox, smtp, outbox). */
	String provider();

	/** Sends the message; returns the provider's reference for it, if it gives one. */
	@Nullable
	String send(Message message) throws DeliveryFailed;

	final class DeliveryFailed extends Exception {
		public DeliveryFailed(String message) {
			super(message);
		}

		public DeliveryFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
