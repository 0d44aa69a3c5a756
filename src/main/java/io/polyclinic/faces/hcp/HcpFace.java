package io.polyclinic.faces.hcp;

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
 * The Healthcare Platform face's mount point, error shape and rate limits. Errors are
 * {@code {"error": <message>, "details": {<field>: [<message>…]}, "status": "error"}}, the details as Django REST
 * framework's serializer errors; the limits are hcp.md's table, per minute and caller: authentication 5, file
 * uploads 10, everything else 100.
 */
@Component
class HcpFace implements Face {

	private final List<RateLimitRule> limits;

	HcpFace(@Value("${polyclinic.rate-limit.hcp.auth:5}") int auth,
			@Value("${polyclinic.rate-limit.hcp.uploads:10}") int uploads,
			@Value("${polyclinic.rate-limit.hcp.general:100}") int general,
			@Value("${polyclinic.rate-limit.hcp.window:1m}") Duration window) {
		this.limits = List.of(
				RateLimitRule.of("auth", auth, window, "/api/auth/login", "/api/auth/register",
						"/api/auth/token/refresh", "/api/auth/cognito/callback", "/api/auth/verify/phone"),
				new RateLimitRule("uploads", "POST", List.of("/api/emr/documents", "/api/auth/verify/identity",
						"/api/doctors/kyc/update"), uploads, window),
				// the providers' servers are one caller each: their webhooks must not starve on the general limit
				RateLimitRule.of("webhook", 1000, window, "/api/payments/webhooks"),
				RateLimitRule.of("general", general, window, "/api/**"));
	}

	@Override
	public String name() {
		return "hcp";
	}

	@Override
	public String controllerPackage() {
		return HcpFace.class.getPackageName();
	}

	@Override
	public List<RateLimitRule> rateLimits() {
		return limits;
	}

	@Override
	public boolean trailingSlashOptional() {
		return true;
	}

	@Override
	public ErrorReport report(Refusal refusal) {
		return HcpRefusals.report(refusal);
	}

	@Override
	public Object errorBody(ErrorReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", report.message());
		body.put("details", details(report.details()));
		body.put("status", "error");
		if (report.retryAfterSeconds() != null) {
			body.put("retry_after", report.retryAfterSeconds());
		}
		return body;
	}

	/** DRF's serializer errors: each field (in the face's snake_case) with its list of messages. */
	static Map<String, List<String>> details(Map<String, ?> details) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (details == null) {
			return fields;
		}
		details.forEach((field, problem) -> {
			List<String> messages = problem instanceof List<?> list ? list.stream().map(String::valueOf).toList()
					: List.of(String.valueOf(problem));
			fields.merge(HcpRefusals.field(field), messages,
					(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
		});
		return fields;
	}
}
