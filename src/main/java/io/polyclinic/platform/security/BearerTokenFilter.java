package io.polyclinic.platform.security;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request that carries {@code Authorization: Bearer …}. A refused token leaves the request
 * anonymous and records why, so that a handler which needs a caller answers 401 with TOKEN_EXPIRED or INVALID_TOKEN,
 * while a public handler still answers.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	public static final String TOKEN_REJECTION = BearerTokenFilter.class.getName() + ".rejection";

	private final BearerTokens tokens;

	public BearerTokenFilter(BearerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			try {
				var authentication = tokens.authenticate(token);
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(authentication);
				SecurityContextHolder.setContext(context);
			}
			catch (BearerTokens.TokenRejected rejected) {
				request.setAttribute(TOKEN_REJECTION, rejected);
			}
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
