package io.polyclinic.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.notify.internal.ChannelGateway;
import io.polyclinic.notify.internal.ChannelGateways;
import io.polyclinic.notify.internal.Deliveries;
import io.polyclinic.notify.internal.Delivery;

/**
 * Sends a message over its channel's gateway (a real provider when configured, else the dev outbox in demo mode)
 * and records the delivery, whether it went out or not.
 */
@Service
public class Messenger {

	private static final Logger log = LoggerFactory.getLogger(Messenger.class);

	private final ChannelGateways gateways;
	private final Deliveries deliveries;

	Messenger(ChannelGateways gateways, Deliveries deliveries) {
		this.gateways = gateways;
		this.deliveries = deliveries;
	}

	/** Its own transaction: a delivery is history even when the caller's work is rolled back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public DeliveryReceipt send(Message message) {
		ChannelGateway gateway = gateways.forChannel(message.channel());
		Delivery delivery = Delivery.of(message, gateway.provider());
		try {
			delivery.sent(gateway.send(message));
		}
		catch (ChannelGateway.DeliveryFailed e) {
			log.warn("{} message ({}) through {} failed: {}", message.channel(), message.kind(), gateway.provider(),
					e.getMessage());
			delivery.failed(e.getMessage());
		}
		delivery = deliveries.save(delivery);
		return new DeliveryReceipt(delivery.getId(), delivery.getStatus(), delivery.getProvider());
	}
}
