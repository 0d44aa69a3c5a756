package io.polyclinic.platform.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.polyclinic.platform.Face;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.ratelimit.RateLimitFilter;

/**
 * Mounts each face's controllers under its prefix ({@code /mibo} + the contract's own paths), and optionally one
 * face at the root as well; checks the caller before a handler reads the request; reads numbers in paths and query
 * strings strictly; answers browsers from the origins the clinic allows.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Faces faces;
	private final RoleHierarchy roleHierarchy;
	private final ApplicationContext context;

	WebConfiguration(Faces faces, RoleHierarchy roleHierarchy, ApplicationContext context) {
		this.faces = faces;
		this.roleHierarchy = roleHierarchy;
		this.context = context;
	}

	@Override
	public void configurePathMatch(PathMatchConfigurer configurer) {
		for (var face : faces.all()) {
			configurer.addPathPrefix(face.prefix(), HandlerTypePredicate.forBasePackage(face.controllerPackage()));
		}
	}

	/** First who the caller is (401), then whether their role may use the endpoint (403), then anything else. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuthenticationInterceptor());
		registry.addInterceptor(new RoleCheck(roleHierarchy, context));
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		StrictNumbers.register(registry);
	}

	@Bean
	FilterRegistrationBean<RootFaceFilter> rootFaceFilter(PolyclinicProperties properties) {
		var registration = new FilterRegistrationBean<>(new RootFaceFilter(faces, properties.rootFace()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setEnabled(faces.named(properties.rootFace()).isPresent());
		return registration;
	}

	/**
	 * Faces whose paths end in a slash (Django's) answer with and without it: the request is seen without it by
	 * everything after this filter (security, rate limits, handlers), so one mapping serves both. It runs after the
	 * root face's rewrite, which may have put the prefix in front.
	 */
	@Bean
	FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
		String[] patterns = java.util.stream.StreamSupport.stream(faces.all().spliterator(), false)
			.filter(Face::trailingSlashOptional)
			.map(face -> face.prefix() + "/**")
			.toArray(String[]::new);
		var filter = patterns.length == 0 ? UrlHandlerFilter.trailingSlashHandler("/-none-/**").wrapRequest().build()
				: UrlHandlerFilter.trailingSlashHandler(patterns).wrapRequest().build();
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		registration.setEnabled(patterns.length > 0);
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
	CorsConfigurationSource corsConfigurationSource(PolyclinicProperties properties,
			@Value("${polyclinic.cors.allowed-origins:}") List<String> origins,
			@Value("${polyclinic.cors.allow-credentials:false}") boolean credentials) {
		var source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", CorsPolicy.of(properties.demo(), origins, credentials));
		return source;
	}

	/** Spring Security's chain runs this filter (a bean of this name is what its CORS support looks for). */
	@Bean
	CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource, ErrorWriter errors) {
		var filter = new CorsFilter(corsConfigurationSource);
		filter.setCorsProcessor(new CorsPolicy.JsonRefusal(errors));
		return filter;
	}

	/** …and only that chain: not a second time as a servlet filter of its own. */
	@Bean
	FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
		var registration = new FilterRegistrationBean<>(corsFilter);
		registration.setEnabled(false);
		return registration;
	}
}
