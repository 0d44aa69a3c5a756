package io.polyclinic.platform.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

import io.polyclinic.platform.Face;
import io.polyclinic.platform.Faces;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With {@code POLYCLINIC_ROOT_FACE} set, serves that face at the root too, for a frontend whose paths cannot carry
 * a prefix: {@code /api/auth/me} is answered as {@code /mibo/api/auth/me}. Paths of the application itself (other
 * faces, actuator, API docs, the dev outbox, file downloads, clinico's Socket.IO signaling) are left alone.
 */
class RootFaceFilter extends OncePerRequestFilter {

	private static final List<String> OWN_PATHS = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/dev/", "/files/",
			"/error", "/socket.io/");

	private final Faces faces;
	private final @Nullable String rootFace;

	RootFaceFilter(Faces faces, @Nullable String rootFace) {
		this.faces = faces;
		this.rootFace = rootFace;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Face face = faces.named(rootFace).orElse(null);
		String path = Faces.pathOf(request);
		if (face == null || faces.forPath(path).isPresent() || OWN_PATHS.stream().anyMatch(path::startsWith)
				|| path.equals("/swagger-ui.html")) {
			chain.doFilter(request, response);
			return;
		}
		String context = request.getContextPath() == null ? "" : request.getContextPath();
		String rewritten = context + face.prefix() + path;
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getRequestURI() {
				return rewritten;
			}

			@Override
			public StringBuffer getRequestURL() {
				StringBuffer url = new StringBuffer();
				url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort());
				return url.append(rewritten);
			}

			@Override
			public String getServletPath() {
				return face.prefix() + path;
			}
		}, response);
	}
}
