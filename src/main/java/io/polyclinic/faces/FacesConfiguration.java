package io.polyclinic.faces;

import java.util.List;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the face toolkit into the web layer: each face's JSON naming and its unknown-property rule on the one
 * application mapper, and its page
 * parameters as {@link PageQuery} and
 * {@link CursorQuery} arguments.
 */
@Configuration(proxyBeanMethods = false)
class FacesConfiguration implements WebMvcConfigurer {

	@Bean
	JsonMapperBuilderCustomizer faceNaming() {
		return builder -> builder.propertyNamingStrategy(new FaceNaming()).addHandler(new UnknownFields());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageQueryResolver());
		resolvers.add(new CursorQueryResolver());
	}
}
