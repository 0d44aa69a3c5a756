package io.polyclinic.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A face's role table is checked before anything of the request is read: the handler's {@code @PreAuthorize} (on the
 * method, else on its class) is evaluated once the handler is known and before its arguments are bound, so a caller
 * whose role may not use an endpoint gets 403 whatever the path or body holds, not a 400 that tells them what a valid
 * request looks like. Method security still guards the handler itself. Expressions that read a method argument
 * ({@code #id}) cannot be judged before the arguments exist and are left to method security alone.
 */
class RoleCheck implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();
	private final Map<Method, Boolean> checkable = new ConcurrentHashMap<>();

	RoleCheck(RoleHierarchy hierarchy, ApplicationContext context) {
		var expressions = new DefaultMethodSecurityExpressionHandler();
		expressions.setRoleHierarchy(hierarchy);
		expressions.setApplicationContext(context);
		roles.setExpressionHandler(expressions);
		roles.setApplicationContext(context);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !checkable.computeIfAbsent(method.getMethod(),
				m -> roleOnly(m, method.getBeanType()))) {
			return true;
		}
		var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
				new Object[method.getMethodParameters().length]);
		AuthorizationResult result = roles.authorize(
				() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
		if (result != null && !result.isGranted()) {
			// rendered by the face's error advice: 401 for an anonymous caller, else the face's 403
			throw new AccessDeniedException("The caller's role may not use this endpoint");
		}
		return true;
	}

	/** Whether the handler has a role rule that needs none of its arguments. */
	private static boolean roleOnly(Method method, Class<?> type) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
		}
		return rule != null && !rule.value().contains("#");
	}
}
