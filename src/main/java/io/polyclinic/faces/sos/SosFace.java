package io.polyclinic.faces.sos;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Face;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.ratelimit.RateLimitRule;

/**
 * The SOS Tourist Doctor face's mount point, error shape ({@code {"error","details","status"}}) and rate limits. The
 * contract names no limits; the original backend limited authentication to 20 attempts per 15 minutes, which is kept,
 * with one-time codes (which cost a message each) at 5 and everything else at 300 per 15 minutes and caller.
 */
@Component
class SosFace implements Face {

	private final List<RateLimitRule> limits;

	SosFace(@Value("${polyclinic.rate-limit.sos.auth:20}") int auth, @Value("${polyclinic.rate-limit.sos.otp:5}") int otp,
			@Value("${polyclinic.rate-limit.sos.general:300}") int general,
			@Value("${polyclinic.rate-limit.sos.window:15m}") Duration window) {
		this.limits = List.of(
				RateLimitRule.of("otp", otp, window, "/api/v1/auth/email/send-otp", "/api/v1/auth/phone/send-otp",
						"/api/v1/auth/whatsapp/send-otp"),
				RateLimitRule.of("auth", auth, window, "/api/v1/auth/email/login", "/api/v1/auth/email/verify-otp",
						"/api/v1/auth/phone/verify-otp"),
				// Stripe's servers are one caller: their webhooks must not starve on the general limit.
				RateLimitRule.of("webhook", 1000, Duration.ofMinutes(1), "/api/v1/payments/webhook"),
				RateLimitRule.of("general", general, window, "/api/**"));
	}

	@Override
	public String name() {
		return "sos";
	}

	@Override
	public String controllerPackage() {
		return SosFace.class.getPackageName();
	}

	@Override
	public ErrorReport report(Refusal refusal) {
		return SosRefusals.report(refusal);
	}

	/** {@code error}: what went wrong, fit to show; {@code details}: which fields and why, or the stable code. */
	@Override
	public Object errorBody(ErrorReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", report.message());
		body.put("details", details(report));
		body.put("status", report.status().value());
		if (report.retryAfterSeconds() != null) {
			body.put("retry_after", report.retryAfterSeconds());
		}
		return body;
	}

	private static String details(ErrorReport report) {
		if (report.details() == null || report.details().isEmpty()) {
			return report.code();
		}
		StringBuilder text = new StringBuilder();
		report.details().forEach((field, problem) -> {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(field).append(": ").append(problem);
		});
		return text.toString();
	}

	@Override
	public List<RateLimitRule> rateLimits() {
		return limits;
	}
}
