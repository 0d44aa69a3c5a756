package io.polyclinic.platform.ratelimit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Face;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.web.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies each face's rate-limit table with Bucket4j token buckets, per caller: the user when a valid token came
 * with the request, else the client address. Every limited answer carries {@code X-RateLimit-*}; a refused one is a
 * 429 in the face's shape with {@code Retry-After}.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final Faces faces;
	private final ErrorWriter errors;
	private final Clock clock;
	private final boolean enabled;
	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	RateLimitFilter(Faces faces, ErrorWriter errors, Clock clock,
			@Value("${polyclinic.rate-limit.enabled:true}") boolean enabled) {
		this.faces = faces;
		this.errors = errors;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enabled || "OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String path = Faces.pathOf(request);
		Face face = faces.forPath(path).orElse(null);
		RateLimitRule rule = face == null ? null : ruleFor(face, request.getMethod(), path.substring(face.prefix().length()));
		if (rule == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = face.name() + '|' + rule.name() + '|' + caller(request);
		Entry entry = buckets.computeIfAbsent(key, k -> new Entry(newBucket(rule), rule.window()));
		entry.touch(clock.millis());
		ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
		long resetSeconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForReset()) + 1;
		response.setHeader("X-RateLimit-Limit", String.valueOf(rule.capacity()));
		response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, probe.getRemainingTokens())));
		response.setHeader("X-RateLimit-Reset", String.valueOf(clock.instant().getEpochSecond() + resetSeconds));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		errors.write(request, response, new ErrorReport(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMIT_EXCEEDED",
				"Too many requests. Please try again later.", null, retryAfter));
	}

	private static RateLimitRule ruleFor(Face face, String method, String path) {
		for (RateLimitRule rule : face.rateLimits()) {
			if (rule.method() != null && !rule.method().equalsIgnoreCase(method)) {
				continue;
			}
			for (String pattern : rule.paths()) {
				if (PATHS.match(pattern, path)) {
					return rule;
				}
			}
		}
		return null;
	}

	private static String caller(HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "user:" + authentication.getName();
		}
		return "address:" + request.getRemoteAddr();
	}

	private static Bucket newBucket(RateLimitRule rule) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(rule.capacity()).refillIntervally(rule.capacity(), rule.window()).build())
			.build();
	}

	/** Buckets untouched for longer than their window are full again: forgetting them changes nothing. */
	@Scheduled(fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
	void forgetIdleBuckets() {
		long now = clock.millis();
		buckets.values().removeIf(e -> now - e.lastSeen > e.window.toMillis());
	}

	private static final class Entry {
		final Bucket bucket;
		final Duration window;
		volatile long lastSeen;

		Entry(Bucket bucket, Duration window) {
			this.bucket = bucket;
			this.window = window;
		}

		void touch(long now) {
			lastSeen = now;
		}
	}
}
