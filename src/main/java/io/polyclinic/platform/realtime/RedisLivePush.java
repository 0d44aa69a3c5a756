package io.polyclinic.platform.realtime;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates across nodes: after commit, an update is published on a Redis channel as
 * {@code {"userId":…,"topic":…,"subjectId":…}}; every node (this one included) subscribes and hands what it hears to
 * its own {@link LocalLiveUpdates}, so a client hears of it whichever node it is connected to. Pub/sub keeps nothing:
 * a node that is down misses what is published meanwhile, and its clients read it later through REST, as with one
 * node.
 */
public class RedisLivePush implements LivePush, MessageListener {

	private static final Logger log = LoggerFactory.getLogger(RedisLivePush.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StringRedisTemplate redis;
	private final LocalLiveUpdates local;
	private final String channel;

	public RedisLivePush(StringRedisTemplate redis, LocalLiveUpdates local, String channel) {
		this.redis = redis;
		this.local = local;
		this.channel = channel;
	}

	public String channel() {
		return channel;
	}

	@Override
	public void toUser(long userId, String topic, UUID subjectId) {
		LiveUpdate update = new LiveUpdate(userId, topic, subjectId);
		LocalLiveUpdates.afterCommit(() -> publish(update));
	}

	private void publish(LiveUpdate update) {
		try {
			redis.convertAndSend(channel, JSON.writeValueAsString(update));
		}
		catch (RuntimeException e) {
			// Redis is away: the clients on this node still hear of it; the others read it later through REST
			log.warn("Could not publish a live update on Redis ({}); delivering it on this node only", e.toString());
			local.deliver(update);
		}
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		LiveUpdate update;
		try {
			update = JSON.readValue(new String(message.getBody(), StandardCharsets.UTF_8), LiveUpdate.class);
		}
		catch (RuntimeException e) {
			log.warn("Ignored a malformed live update on {}: {}", channel, e.toString());
			return;
		}
		local.deliver(update);
	}
}
