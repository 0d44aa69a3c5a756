package io.polyclinic.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up refused for configuration into Spring Boot's short report ("APPLICATION FAILED TO START",
 * what is wrong, what to do) in place of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
class MissingConfigurationAnalyzer extends AbstractFailureAnalyzer<MissingConfiguration> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingConfiguration cause) {
		return new FailureAnalysis("Polyclinic cannot start: " + cause.problem() + ".", cause.action(), cause);
	}
}
