package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.RawHttp;
import io.polyclinic.support.MiboClient;

/**
 * A malformed percent-escape in a query string is the client's mistake on every endpoint (a 400 in the face's
 * shape, not a 500), and a client that accepts only XML is told 406 in JSON.
 */
class MalformedRequestTests extends ApiTest {

	/** HTTP clients refuse to send a malformed escape: these go out as bytes. */
	RawHttp raw;

	@BeforeEach
	void rawClient() {
		raw = new RawHttp(port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "date=%E0%A4%A", "x=%zz", "%zz=1", "x=%", "x=%E0%A4", "x=%FF", "page=1&q=%C3%28" })
	void aMalformedEscapeOnAnyMiboEndpointIsAValidationError(String query) {
		String admin = new MiboClient(http).adminToken();
		List<String> wrong = new ArrayList<>();
		for (String path : miboGetPaths()) {
			var res = raw.send(RawHttp.get(path + "?" + query, "Authorization: Bearer " + admin));
			if (res.status() != 400 || !keys(res.json()).equals(Set.of("error", "success"))
					|| !"VALIDATION_ERROR".equals(res.json().path("error").path("code").asString())) {
				wrong.add(path + " → " + res);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aMalformedEscapeWithoutATokenIsAValidationErrorToo() {
		var res = raw.send(RawHttp.get("/mibo/api/appointments?date=%E0%A4%A"));

		assertThat(res.status()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void aMalformedEscapeOutsideTheFacesIsNeutral() {
		var res = raw.send(RawHttp.get("/dev/outbox?to=%zz"));

		assertThat(res.status()).isEqualTo(400);
		assertThat(keys(res.json())).containsExactly("error", "message", "status");
	}

	@Test
	void moreParametersThanAllowedAreABadRequest() {
		StringBuilder query = new StringBuilder("page=1");
		for (int i = 0; i < 250; i++) {
			query.append("&p").append(i).append("=1");
		}

		var res = raw.send(RawHttp.get("/mibo/api/clinicians?" + query));

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void wellFormedEscapesStillWork() {
		var res = http.get("/mibo/api/clinicians?search=%E0%A4%85%20b%2B").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
	}

	@Test
	void aClientAcceptingOnlyXmlGets406InJson() {
		var res = http.get("/mibo/api/clinicians").header("Accept", "application/xml").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(406);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("NOT_ACCEPTABLE");
	}

	@Test
	void aClientAcceptingOnlyXmlOutsideTheFacesGets406InTheNeutralShape() {
		var res = http.get("/dev/outbox?to=someone%40example.com").header("Accept", "application/xml").send();

		assertThat(res.status()).as(res.toString()).isEqualTo(406);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "message", "status");
	}

	@Test
	void anErrorForAnXmlClientIsStillJson() {
		var res = http.get("/mibo/api/nothing").header("Accept", "application/xml").send();

		assertThat(res.status()).isEqualTo(404);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
	}

	/** Every GET path of the Mibo face, from its own OpenAPI document, with 1 for each path variable. */
	private List<String> miboGetPaths() {
		List<String> paths = new ArrayList<>();
		http.get("/v3/api-docs/mibo").send().json().path("paths").properties().forEach(e -> {
			if (e.getValue().has("get")) {
				paths.add(e.getKey().replaceAll("\\{[^}]+}", "1"));
			}
		});
		assertThat(paths).hasSizeGreaterThan(20);
		return paths;
	}
}
