package io.polyclinic.faces.diabcare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Face;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.ratelimit.RateLimitRule;

/**
 * The DiabCare face's mount point, error shape and rate limits. Errors are NestJS's default body: {@code statusCode},
 * {@code message} (a list of sentences for a validation failure, as class-validator's pipe answers, a sentence
 * otherwise) and {@code error}, the status's reason phrase. The original backend set no limits; sign-in and sign-up
 * are held to 20 per 15 minutes and caller, everything else to 600.
 */
@Component
class DiabcareFace implements Face {

	private final List<RateLimitRule> limits;

	DiabcareFace(@Value("${polyclinic.rate-limit.diabcare.auth:20}") int auth,
			@Value("${polyclinic.rate-limit.diabcare.general:600}") int general,
			@Value("${polyclinic.rate-limit.diabcare.window:15m}") Duration window) {
		this.limits = List.of(RateLimitRule.of("auth", auth, window, "/api/auth/login", "/api/auth/google/mobile",
				"/api/auth/register/**"),
				RateLimitRule.of("general", general, window, "/api/**"));
	}

	@Override
	public String name() {
		return "diabcare";
	}

	@Override
	public String controllerPackage() {
		return DiabcareFace.class.getPackageName();
	}

	@Override
	public ErrorReport report(Refusal refusal) {
		return DiabcareRefusals.report(refusal);
	}

	@Override
	public Object errorBody(ErrorReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("statusCode", report.status().value());
		body.put("message", report.details() == null || report.details().isEmpty() ? report.message()
				: sentences(report.details()));
		body.put("error", report.status().getReasonPhrase());
		if (report.retryAfterSeconds() != null) {
			body.put("retryAfter", report.retryAfterSeconds());
		}
		return body;
	}

	/**
	 * class-validator's sentences: each names its property ({@code email must be an email}); an undeclared property
	 * is the whitelist's {@code property x should not exist}.
	 */
	static List<String> sentences(Map<String, ?> details) {
		List<String> sentences = new ArrayList<>();
		details.forEach((field, problem) -> {
			String text = String.valueOf(problem);
			if ("Unknown field".equals(text)) {
				sentences.add("property " + field + " should not exist");
			}
			else if (text.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT))) {
				sentences.add(text);
			}
			else {
				sentences.add(field + " " + Character.toLowerCase(text.charAt(0)) + text.substring(1));
			}
		});
		return sentences;
	}

	@Override
	public List<RateLimitRule> rateLimits() {
		return limits;
	}
}
