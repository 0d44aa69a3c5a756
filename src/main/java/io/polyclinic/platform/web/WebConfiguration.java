package io.polyclinic.platform.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.polyclinic.platform.Faces;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.ratelimit.RateLimitFilter;

/**
 * Mounts each face's controllers under its prefix ({@code /mibo} + the contract's own paths), and optionally one
 * face at the root as well.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Faces faces;

	WebConfiguration(Faces faces) {
		this.faces = faces;
	}

	@Override
	public void configurePathMatch(PathMatchConfigurer configurer) {
		for (var face : faces.all()) {
			configurer.addPathPrefix(face.prefix(), HandlerTypePredicate.forBasePackage(face.controllerPackage()));
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthenticationInterceptor());
	}

	@Bean
	FilterRegistrationBean<RootFaceFilter> rootFaceFilter(PolyclinicProperties properties) {
		var registration = new FilterRegistrationBean<>(new RootFaceFilter(faces, properties.rootFace()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setEnabled(faces.named(properties.rootFace()).isPresent());
		return registration;
	}

	/** The rate-limit filter runs inside the security chain (after authentication), not as a servlet filter. */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(@Value("${polyclinic.cors.allowed-origins:*}") List<String> origins) {
		var cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(origins);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("*"));
		cors.setExposedHeaders(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"));
		var source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}
}
