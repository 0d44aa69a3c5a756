package io.polyclinic.faces.clinico;

import static io.polyclinic.support.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.polyclinic.support.Http;
import io.polyclinic.support.RawHttp;

/**
 * What Tomcat, the firewall, Spring Security and Spring MVC refuse before a handler runs is still clinico's error
 * body, {@code {"error": <CODE>, "message"}}: never an HTML page, never a stack trace.
 */
class ClinicoRejectionTests extends ClinicoApiTest {

	static Stream<Arguments> refusedByTheContainer() {
		return Stream.of(Arguments.of("%2F in a path", get("/clinico/api/notifications/1%2F2")),
				Arguments.of("a control character in a path", get("/clinico/api/noti\u0001fications")),
				Arguments.of("an over-long header", get("/clinico/api/notifications", "X-Big: " + "b".repeat(20_000))),
				Arguments.of("a double slash (firewall)", get("/clinico/api//notifications")),
				Arguments.of("a semicolon in a path (firewall)", get("/clinico/api/notifications;x=2")),
				Arguments.of("a bad request line", "GET /clinico/api/notifications HTTP/1.1 extra\r\nHost: x\r\n\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedByTheContainer")
	void isABadRequestInClinicosShape(String what, String request) {
		RawHttp.Response res = new RawHttp(port).send(request);

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.header("Content-Type")).as(res.toString()).startsWith("application/json");
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("error", "message");
		assertThat(res.json().path("error").asString()).matches("[A-Z][A-Z0-9_]*");
	}

	@Test
	void noTokenIsA401() {
		error(http.get(API + "/notifications").send(), 401, "UNAUTHORIZED");
	}

	@Test
	void aForgedTokenIsA401() {
		error(http.get(API + "/notifications").token("eyJhbGciOiJIUzI1NiJ9.e30.forged").send(), 401);
	}

	@Test
	void anUnknownRouteIsA404() {
		var patient = people.patient();

		error(http.get(API + "/no-such-thing").token(patient.token()).send(), 404, "NOT_FOUND");
	}

	@Test
	void anUnservedMethodIsA405() {
		var patient = people.patient();

		error(http.patch(API + "/notifications", Map.of()).token(patient.token()).send(), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void aMalformedIdIsA400() {
		var patient = people.patient();

		error(http.put(API + "/notifications/not-a-uuid/read", Map.of()).token(patient.token()).send(), 400);
	}
}
