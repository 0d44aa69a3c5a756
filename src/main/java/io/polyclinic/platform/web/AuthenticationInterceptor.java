package io.polyclinic.platform.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.PublicEndpoint;
import io.polyclinic.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every face handler needs an authenticated caller unless it is marked {@link PublicEndpoint}.
 */
class AuthenticationInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("io.polyclinic")) {
			return true;
		}
		if (method.hasMethodAnnotation(PublicEndpoint.class)
				|| method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
			return true;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			ErrorReport report = FaceErrorAdvice.unauthenticated(request);
			throw Refusal.unauthenticated(report.code(), report.message());
		}
		return true;
	}
}
