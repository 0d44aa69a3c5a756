package io.polyclinic.platform.realtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One node's live updates by default; a broker-backed {@link LivePush} bean, when configured, takes the push's place. */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

	@Bean
	LocalLiveUpdates localLiveUpdates() {
		return new LocalLiveUpdates();
	}

	@Bean
	@ConditionalOnMissingBean(LivePush.class)
	LivePush inMemoryLivePush(LocalLiveUpdates local) {
		return LocalLiveUpdates.inMemory(local);
	}
}
