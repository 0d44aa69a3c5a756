package io.polyclinic.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springdoc.api.OpenApiResourceNotFoundException;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import io.polyclinic.platform.ErrorReport;
import io.polyclinic.platform.Face;
import io.polyclinic.platform.Faces;
import io.polyclinic.platform.PublicEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One OpenAPI document per face at {@code /v3/api-docs/{face}} (and in the Swagger UI at {@code /swagger-ui.html}):
 * the face's controllers under its prefix, the bearer-token scheme on every handler that needs a caller, and the
 * face's own description of the choices it made where its contract is silent. That description is the face's
 * resource {@code openapi.md} beside its controllers ({@code io/polyclinic/faces/mibo/openapi.md}), so the platform
 * knows no face by name.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";
	static final String DESCRIPTION_RESOURCE = "openapi.md";

	/**
	 * A list bean, which springdoc takes as its groups: the faces are only known once their beans exist. A single
	 * {@code GroupedOpenApi} bean declared elsewhere would hide this list from springdoc; add such a group here.
	 */
	@Bean
	List<GroupedOpenApi> faceApis(Faces faces) {
		List<GroupedOpenApi> groups = new ArrayList<>();
		for (Face face : faces.all()) {
			groups.add(group(face));
		}
		return groups;
	}

	static GroupedOpenApi group(Face face) {
		String description = description(face);
		String version = version();
		return GroupedOpenApi.builder()
			.group(face.name())
			.displayName(face.name())
			.pathsToMatch(face.prefix() + "/**")
			.packagesToScan(face.controllerPackage())
			.addOperationCustomizer((operation, handler) -> {
				if (!isPublic(handler)) {
					operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
				}
				return operation;
			})
			.addOpenApiCustomizer(openApi -> {
				openApi.info(new Info().title("Polyclinic — " + face.name() + " face").version(version)
					.description(description));
				Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
				openApi.components(components.addSecuritySchemes(BEARER, new SecurityScheme()
					.type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("The access token from a sign-in, as `Authorization: Bearer <accessToken>`. "
							+ "A token issued through any Polyclinic face is valid on every face.")));
			})
			.build();
	}

	static boolean isPublic(HandlerMethod handler) {
		return handler.hasMethodAnnotation(PublicEndpoint.class)
				|| handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
	}

	static String description(Face face) {
		var resource = new ClassPathResource(face.controllerPackage().replace('.', '/') + "/" + DESCRIPTION_RESOURCE);
		if (!resource.exists()) {
			return "The " + face.name() + " API contract, served by Polyclinic under `" + face.prefix() + "`.";
		}
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the OpenAPI description of the " + face.name() + " face", e);
		}
	}

	private static String version() {
		String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

	/** An unknown document ({@code /v3/api-docs/nobody}) is a 404 in the neutral shape, not an unexpected failure. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class UnknownDocument {

		private final ErrorWriter errors;

		UnknownDocument(ErrorWriter errors) {
			this.errors = errors;
		}

		@ExceptionHandler(OpenApiResourceNotFoundException.class)
		ResponseEntity<Object> notFound(OpenApiResourceNotFoundException e, HttpServletRequest request) {
			var report = new ErrorReport(HttpStatus.NOT_FOUND, "NOT_FOUND", "No API document by that name");
			return ResponseEntity.status(report.status()).contentType(MediaType.APPLICATION_JSON)
				.body(errors.body(Faces.pathOf(request), report));
		}
	}
}
