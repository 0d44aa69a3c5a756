package io.polyclinic.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.mock.env.MockEnvironment;

import io.polyclinic.support.ApiTest;

/**
 * Without Redis settings a node delivers live updates in memory: Boot's Redis auto-configuration stays out (no
 * connection factory, so no connection is tried), and Actuator's health is UP whether or not a Redis runs nearby.
 */
class LiveUpdatesWithoutRedisTests extends ApiTest {

	@Autowired
	ApplicationContext context;
	@Autowired
	LivePush push;

	@Test
	void aNodeWithoutRedisSettingsNeitherConnectsToRedisNorReportsOnIt() {
		assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(push).isNotInstanceOf(RedisLivePush.class);
		var health = http.get("/actuator/health").send();
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void redisIsConfiguredByAServersUrlHostSentinelOrClusterNodes() {
		assertThat(RedisConfigured.in(new MockEnvironment())).isFalse();
		assertThat(RedisConfigured.in(new MockEnvironment().withProperty("spring.data.redis.host", " "))).isFalse();
		assertThat(RedisConfigured.in(new MockEnvironment().withProperty("spring.data.redis.port", "6380"))).isFalse();
		assertThat(RedisConfigured.in(new MockEnvironment().withProperty("spring.data.redis.url", "redis://r:6379")))
			.isTrue();
		assertThat(RedisConfigured.in(new MockEnvironment().withProperty("spring.data.redis.host", "redis"))).isTrue();
		assertThat(RedisConfigured.in(new MockEnvironment().withProperty("spring.data.redis.sentinel.master", "m")))
			.isTrue();
		assertThat(RedisConfigured
			.in(new MockEnvironment().withProperty("spring.data.redis.cluster.nodes[0]", "r1:6379"))).isTrue();

		var filter = new RedisAutoConfigurationFilter();
		String[] candidates = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" };
		filter.setEnvironment(new MockEnvironment());
		assertThat(filter.match(candidates, null)).containsExactly(false, true);
		filter.setEnvironment(new MockEnvironment().withProperty("spring.data.redis.host", "redis"));
		assertThat(filter.match(candidates, null)).containsExactly(true, true);
	}
}
