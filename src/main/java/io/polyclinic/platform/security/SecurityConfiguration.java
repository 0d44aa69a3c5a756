package io.polyclinic.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.ratelimit.RateLimitFilter;
import io.polyclinic.platform.web.ErrorWriter;

/**
 * Stateless bearer-token security. Which handler needs a caller is decided per handler ({@code PublicEndpoint}),
 * which role may call it by {@code @PreAuthorize} in the face, and which object a caller may touch in the modules.
 * Of Actuator, health and info answer anyone; metrics and Prometheus need an administrator, unless Actuator runs on a
 * management port of its own ({@code MANAGEMENT_SERVER_PORT}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ObjectProvider<BearerTokens> tokens, ErrorWriter errors,
			RateLimitFilter rateLimits, Environment environment) throws Exception {
		// On a management port of their own (kept off the public network) the figures need no token.
		boolean metricsNeedAnAdministrator = ManagementPortType.get(environment) != ManagementPortType.DIFFERENT;
		http.csrf(AbstractHttpConfigurer::disable)
			.cors(cors -> {
			})
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.frameOptions(f -> f.deny()))
			.authorizeHttpRequests(a -> {
				if (metricsNeedAnAdministrator) {
					a.requestMatchers(EndpointRequest.to("metrics", "prometheus")).hasRole(Role.ADMIN.name());
				}
				a.anyRequest().permitAll();
			})
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
						new ErrorReport(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required")))
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response, new ErrorReport(
						HttpStatus.FORBIDDEN, "FORBIDDEN", "You don't have permission to access this resource"))))
			.addFilterBefore(new BearerTokenFilter(tokens.getObject()), AnonymousAuthenticationFilter.class)
			.addFilterAfter(rateLimits, BearerTokenFilter.class);
		return http.build();
	}

	/**
	 * What the firewall refuses ({@code ;}, {@code //}, encoded dots or slashes, control characters in a header) is
	 * a 400 in the face's shape, written at once.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ErrorWriter errors) {
		return (request, response, rejected) -> errors.write(request, response,
				new ErrorReport(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Bad request"));
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_SUPERADMIN > ROLE_ADMIN");
	}

	/** No Spring-managed users: every caller is authenticated by a bearer token (and Boot makes no default user). */
	@Bean
	UserDetailsService noFormLogin() {
		return username -> {
			throw new UsernameNotFoundException("Sign in through a face's login endpoints");
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
