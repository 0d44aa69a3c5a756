package io.polyclinic.faces.mibo;

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
 * Mibo's mount point, error shape ({@code {"success":false,"error":{"code","message","details"?}}}) and rate-limit
 * table (authentication 5, OTP sending 3, everything else 100 requests per 15 minutes and caller).
 */
@Component
class MiboFace implements Face {

	private final List<RateLimitRule> limits;

	MiboFace(@Value("${polyclinic.rate-limit.mibo.auth:5}") int auth, @Value("${polyclinic.rate-limit.mibo.otp:3}") int otp,
			@Value("${polyclinic.rate-limit.mibo.general:100}") int general,
			@Value("${polyclinic.rate-limit.mibo.window:15m}") Duration window) {
		this.limits = List.of(
				RateLimitRule.of("otp", otp, window, "/api/auth/send-otp", "/api/patient-auth/send-otp"),
				RateLimitRule.of("auth", auth, window, "/api/auth/login/**", "/api/auth/refresh",
						"/api/patient-auth/verify-otp", "/api/patient-auth/refresh-token"),
				// Razorpay's servers are one caller: their webhooks must not starve on the general limit.
				RateLimitRule.of("webhook", 1000, Duration.ofMinutes(1), "/api/payments/webhook"),
				RateLimitRule.of("general", general, window, "/api/**"));
	}

	@Override
	public String name() {
		return "mibo";
	}

	@Override
	public String controllerPackage() {
		return MiboFace.class.getPackageName();
	}

	@Override
	public ErrorReport report(Refusal refusal) {
		return MiboRefusals.report(refusal);
	}

	@Override
	public Object errorBody(ErrorReport report) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", report.code());
		error.put("message", report.message());
		if (report.details() != null && !report.details().isEmpty()) {
			error.put("details", report.details());
		}
		if (report.retryAfterSeconds() != null) {
			error.put("retryAfter", report.retryAfterSeconds());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("success", false);
		body.put("error", error);
		return body;
	}

	@Override
	public List<RateLimitRule> rateLimits() {
		return limits;
	}
}
