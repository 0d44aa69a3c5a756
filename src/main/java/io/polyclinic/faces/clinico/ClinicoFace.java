package io.polyclinic.faces.clinico;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Face;
import io.polyclinic.platform.ratelimit.RateLimitRule;

/**
 * The Clinico face's mount point, error shape and rate limits. clinico.md names no error shape: the house's is
 * {@code {"error": <UPPER_SNAKE_CODE>, "message": <text>}}, the offending fields named in the message in the face's
 * snake_case. The limits are the original server's (sign-in 10 and sign-up 25 per minute and caller); the rest is
 * limited per 15 minutes, more generously than the original's unused 100, as chat and the companion poll.
 */
@Component
class ClinicoFace implements Face {

	private final List<RateLimitRule> limits;

	ClinicoFace(@Value("${polyclinic.rate-limit.clinico.login:10}") int login,
			@Value("${polyclinic.rate-limit.clinico.register:25}") int register,
			@Value("${polyclinic.rate-limit.clinico.general:1000}") int general,
			@Value("${polyclinic.rate-limit.clinico.window:15m}") Duration window) {
		this.limits = List.of(RateLimitRule.of("login", login, Duration.ofMinutes(1), "/api/auth/login"),
				RateLimitRule.of("register", register, Duration.ofMinutes(1), "/api/auth/register"),
				RateLimitRule.of("general", general, window, "/api/**", "/v1/**"));
	}

	@Override
	public String name() {
		return "clinico";
	}

	@Override
	public String controllerPackage() {
		return ClinicoFace.class.getPackageName();
	}

	@Override
	public List<RateLimitRule> rateLimits() {
		return limits;
	}

	@Override
	public Object errorBody(ErrorReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", report.code());
		body.put("message", message(report));
		return body;
	}

	/** The report's text, followed by each offending field in snake_case and what is wrong with it. */
	static String message(ErrorReport report) {
		if (report.details() == null || report.details().isEmpty()) {
			return report.message();
		}
		StringBuilder text = new StringBuilder(report.message());
		String separator = ": ";
		for (Map.Entry<String, ?> field : report.details().entrySet()) {
			text.append(separator).append(snakeCase(field.getKey())).append(' ').append(problem(field.getValue()));
			separator = "; ";
		}
		return text.toString();
	}

	private static String problem(Object problem) {
		return problem instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
				: String.valueOf(problem);
	}

	static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}
}
