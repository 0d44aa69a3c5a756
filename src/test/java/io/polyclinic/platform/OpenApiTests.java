package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Every face has its own OpenAPI document and a place in the Swagger UI, readable without a token.
 */
class OpenApiTests extends ApiTest {

	@Autowired
	Faces faces;

	@Test
	void miboHasItsOwnDocumentUnderItsPrefixWithItsChoicesWrittenDown() {
		var res = http.get("/v3/api-docs/mibo").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		JsonNode doc = res.json();
		assertThat(doc.path("openapi").asString()).startsWith("3.");
		assertThat(paths(doc)).isNotEmpty().allMatch(p -> p.startsWith("/mibo/api/"))
			.contains("/mibo/api/health", "/mibo/api/auth/login/username-password", "/mibo/api/auth/refresh");
		String description = doc.path("info").path("description").asString();
		assertThat(description).contains("Refresh tokens rotate", "refreshToken", "revoked")
			.contains("405 `METHOD_NOT_ALLOWED`", "415 `UNSUPPORTED_MEDIA_TYPE`", "413 `PAYLOAD_TOO_LARGE`")
			.contains("8 SECRETARY", "9 PHARMACIST", "10 SUPERADMIN", "11 GUEST")
			.contains("whole rupees")
			.contains("Bearer");
	}

	@Test
	void sosHasItsOwnDocumentWithItsChoicesWrittenDown() {
		var res = http.get("/v3/api-docs/sos").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		JsonNode doc = res.json();
		assertThat(paths(doc)).isNotEmpty().allMatch(p -> p.startsWith("/sos/api/v1/"))
			.contains("/sos/api/v1/auth/email/login", "/sos/api/v1/doctors", "/sos/api/v1/appointments/{id}",
					"/sos/api/v1/payments/webhook", "/sos/api/v1/medical-records", "/sos/api/v1/admin/dashboard/stats",
					"/sos/api/v1/upload/profile-picture", "/sos/api/v1/notifications/preferences",
					"/sos/api/v1/availabilities", "/sos/api/v1/chat/conversations",
					"/sos/api/v1/video-consultations/status/{appointmentId}");
		assertThat(doc.path("info").path("description").asString())
			.contains("{\"error\": <what went wrong>", "Stripe-Signature", "working_hours", "OAUTH_NOT_CONFIGURED",
					"without a token");
	}

	@Test
	void theBearerSchemeGuardsEveryHandlerButThePublicOnes() {
		JsonNode doc = http.get("/v3/api-docs/mibo").send().json();

		JsonNode scheme = doc.path("components").path("securitySchemes").path("bearerAuth");
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
		JsonNode me = doc.path("paths").path("/mibo/api/auth/me").path("get");
		assertThat(me.path("security").toString()).contains("bearerAuth");
		JsonNode login = doc.path("paths").path("/mibo/api/auth/login/username-password").path("post");
		assertThat(login.isMissingNode()).isFalse();
		assertThat(login.path("security").isMissingNode()).isTrue();
	}

	@Test
	void everyFaceHasADocumentOfItsOwnPaths() {
		for (Face face : faces.all()) {
			var res = http.get("/v3/api-docs/" + face.name()).send();

			assertThat(res.status()).as(face.name() + " " + res).isEqualTo(200);
			assertThat(paths(res.json())).as(face.name()).allMatch(p -> p.startsWith(face.prefix() + "/"));
			assertThat(res.json().path("info").path("title").asString()).contains(face.name());
			// each face writes down the choices its contract leaves open; none is left with the generic line
			assertThat(res.json().path("info").path("description").asString()).as(face.name())
				.doesNotStartWith("The " + face.name() + " API contract, served by")
				.hasSizeGreaterThan(2000);
		}
		assertThat(http.get("/v3/api-docs/hcp").send().json().path("info").path("description").asString())
			.contains("simplejwt", "join link");
		assertThat(http.get("/v3/api-docs/clinico").send().json().path("info").path("description").asString())
			.contains("Socket.IO");
		assertThat(http.get("/v3/api-docs/diabcare").send().json().path("info").path("description").asString())
			.contains("NestJS");
	}

	@Test
	void theSwaggerUiListsTheFacesWithoutAToken() {
		var page = http.get("/swagger-ui.html").send();
		assertThat(page.status()).isIn(200, 302);
		if (page.status() == 302) {
			assertThat(page.header("Location")).contains("/swagger-ui/index.html");
		}
		var index = http.get("/swagger-ui/index.html").send();
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.header("Content-Type")).startsWith("text/html");

		var config = http.get("/v3/api-docs/swagger-config").send();
		assertThat(config.status()).isEqualTo(200);
		List<String> urls = new ArrayList<>();
		config.json().path("urls").forEach(u -> urls.add(u.path("url").asString()));
		assertThat(urls).contains("/v3/api-docs/mibo");
	}

	@Test
	void anUnknownGroupIsAJsonNotFound() {
		var res = http.get("/v3/api-docs/nobody").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
	}

	private static List<String> paths(JsonNode doc) {
		List<String> paths = new ArrayList<>();
		doc.path("paths").properties().forEach(e -> paths.add(e.getKey()));
		return paths;
	}
}
