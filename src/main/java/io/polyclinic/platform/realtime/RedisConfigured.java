package io.polyclinic.platform.realtime;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether Spring's Redis settings name a server: a URL, a host, a sentinel master or cluster nodes. Without one the
 * application neither connects to Redis nor reports on it: live updates stay on this node.
 */
public final class RedisConfigured implements Condition {

	private static final String[] NAMING_A_SERVER = { "spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes", "spring.data.redis.cluster.nodes[0]" };

	public static boolean in(Environment environment) {
		for (String property : NAMING_A_SERVER) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return in(context.getEnvironment());
	}
}
