package io.polyclinic.faces.hcp;

import static io.polyclinic.support.RawHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.polyclinic.support.Http;
import io.polyclinic.support.RawHttp;

/**
 * What Tomcat, the firewall and Spring MVC refuse before a handler runs is still hcp's error body, with or without
 * the trailing slash: never an HTML page, never a stack trace.
 */
class HcpRejectionTests extends HcpApiTest {

	static Stream<Arguments> refusedByTheContainer() {
		return Stream.of(Arguments.of("%2F in a path", get("/hcp/api/doctors/1%2F2/")),
				Arguments.of("a control character in a path", get("/hcp/api/doc\u0001tors/")),
				Arguments.of("an over-long header", get("/hcp/api/doctors/", "X-Big: " + "b".repeat(20_000))),
				Arguments.of("a double slash (firewall)", get("/hcp/api/doctors//1/")),
				Arguments.of("a semicolon in a path (firewall)", get("/hcp/api/doctors/1;x=2/")),
				Arguments.of("a bad request line", "GET /hcp/api/auth/me/ HTTP/1.1 extra\r\nHost: x\r\n\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedByTheContainer")
	void isABadRequestInHcpsShape(String what, String request) {
		RawHttp.Response res = new RawHttp(port).send(request);

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.header("Content-Type")).as(res.toString()).startsWith("application/json");
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("error", "details", "status");
		assertThat(res.json().path("status").asString()).isEqualTo("error");
	}

	@Test
	void malformedJsonIsA400() {
		Http.Res res = http.post(API + "/auth/login/", "{\"username\": ").send();

		drfError(res, 400);
	}

	@Test
	void anotherMediaTypeIsA415() {
		Http.Res res = http.post(API + "/auth/login/", "username=a&password=b")
			.header("Content-Type", "text/plain")
			.send();

		drfError(res, 415);
	}

	@Test
	void anUnservedMethodIsA405WithAndWithoutTheSlash() {
		drfError(http.delete(API + "/auth/login/").send(), 405);
		drfError(http.delete(API + "/auth/login").send(), 405);
	}

	@Test
	void anOversizedBodyIsA413() {
		String big = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";

		drfError(http.post(API + "/auth/register/", big).send(), 413);
	}
}
