package io.polyclinic.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the application where to go.
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Faces faces;
	private final PolyclinicProperties properties;

	StartupBanner(Faces faces, PolyclinicProperties properties) {
		this.faces = faces;
		this.properties = properties;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		String base = "http://localhost:" + web.getWebServer().getPort();
		StringBuilder text = new StringBuilder("\n\nPolyclinic is running").append(properties.demo() ? " in demo mode" : "")
			.append("\n  Swagger UI:  ").append(base).append("/swagger-ui.html");
		for (Face face : faces.all()) {
			text.append("\n  ").append(String.format("%-12s", face.name() + ":")).append(base).append(face.prefix());
		}
		if (properties.demo()) {
			text.append("\n  Dev outbox:  ").append(base).append("/dev/outbox?to=+15550000001")
				.append("\n  Sign in as admin / Admin123! (admin@test.com, +15550000001)");
		}
		log.info(text.append('\n').toString());
	}
}
