package io.polyclinic.notify.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.platform.PolyclinicProperties;

/**
 * Picks each channel's gateway: a configured provider first; otherwise the dev outbox in demo mode; otherwise a
 * gateway that fails every delivery with "not configured", so the history tells the truth.
 */
@Component
public class ChannelGateways {

	private final Map<Channel, ChannelGateway> byChannel = new EnumMap<>(Channel.class);

	ChannelGateways(List<ChannelGateway> providers, DevOutbox outbox, PolyclinicProperties properties) {
		for (Channel channel : Channel.values()) {
			ChannelGateway chosen = providers.stream().filter(g -> g.channel() == channel).findFirst()
				.orElse(properties.demo() ? outbox.gatewayFor(channel) : new Unconfigured(channel));
			byChannel.put(channel, chosen);
		}
	}

	public ChannelGateway forChannel(Channel channel) {
		return byChannel.get(channel);
	}

	record Unconfigured(Channel channel) implements ChannelGateway {

		@Override
		public String provider() {
			return "none";
		}

		@Override
		public @Nullable String send(Message message) throws DeliveryFailed {
			throw new DeliveryFailed("No " + channel + " provider is configured");
		}
	}
}
