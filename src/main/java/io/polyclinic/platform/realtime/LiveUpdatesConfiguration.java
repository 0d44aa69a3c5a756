package io.polyclinic.platform.realtime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * One node's live updates by default. With Redis configured ({@link RedisConfigured}), pushes fan out through Redis
 * pub/sub to every node ({@link RedisLivePush}); another broker-backed {@link LivePush} bean may also take the
 * in-memory push's place.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

	@Bean
	LocalLiveUpdates localLiveUpdates() {
		return new LocalLiveUpdates();
	}

	@Bean
	@Conditional(RedisConfigured.class)
	RedisLivePush redisLivePush(RedisConnectionFactory connections, LocalLiveUpdates local,
			@Value("${polyclinic.realtime.redis-channel:polyclinic:live-updates}") String channel) {
		return new RedisLivePush(new StringRedisTemplate(connections), local, channel);
	}

	@Bean
	@Conditional(RedisConfigured.class)
	RedisMessageListenerContainer liveUpdatesSubscription(RedisConnectionFactory connections, RedisLivePush push) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		// what a node hears is rendered (a read) and written to sockets: not on the Redis client's own threads
		SimpleAsyncTaskExecutor deliveries = new SimpleAsyncTaskExecutor("live-updates-");
		deliveries.setConcurrencyLimit(16);
		container.setTaskExecutor(deliveries);
		container.addMessageListener(push, new ChannelTopic(push.channel()));
		return container;
	}

	@Bean
	@ConditionalOnMissingBean(LivePush.class)
	LivePush inMemoryLivePush(LocalLiveUpdates local) {
		return LocalLiveUpdates.inMemory(local);
	}
}
