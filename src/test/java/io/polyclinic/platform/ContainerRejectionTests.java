package io.polyclinic.platform;

import static io.polyclinic.support.RawHttp.get;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.RawHttp;

/**
 * Requests that Tomcat or Spring Security's firewall refuse before any handler sees them still answer JSON in the
 * shape of the face whose path they named, and in the neutral shape elsewhere: never Tomcat's HTML error page. Sent
 * as raw bytes, since HTTP clients refuse to write most of them.
 */
class ContainerRejectionTests extends ApiTest {

	private static final String LONG = "9".repeat(100_000);

	RawHttp raw;

	@BeforeEach
	void rawClient() {
		raw = new RawHttp(port);
	}

	static Stream<Arguments> facePaths() {
		return Stream.of(
				Arguments.of("a 100,000-character id", get("/mibo/api/clinicians/" + LONG)),
				Arguments.of("%00 in a path", get("/mibo/api/clinicians/1%002")),
				Arguments.of("%2F in a path", get("/mibo/api/clinicians/1%2F2")),
				Arguments.of("%5C in a path", get("/mibo/api/clinicians/a%5Cb")),
				Arguments.of("a control character in a path", get("/mibo/api/he\u0001lth")),
				Arguments.of("an over-long query string", get("/mibo/api/clinicians?q=" + "a".repeat(20_000))),
				Arguments.of("a parameter name with brackets", get("/mibo/api/clinicians?filter[name]=x")),
				Arguments.of("a parameter name with a pipe", get("/mibo/api/clinicians?a|b=1")),
				Arguments.of("a raw DEL in a query", get("/mibo/api/clinicians?a=\u007f")),
				Arguments.of("an over-long header", get("/mibo/api/health", "X-Big: " + "b".repeat(20_000))),
				Arguments.of("too many headers", get("/mibo/api/health", manyHeaders())),
				Arguments.of("a header name with a space", get("/mibo/api/health", "Bad Header: v")),
				Arguments.of("a control character in a header value", get("/mibo/api/health", "X-A: a\u0001b")),
				Arguments.of("two Host headers", get("/mibo/api/health", "Host: elsewhere")),
				Arguments.of("a bad request line", "GET /mibo/api/health HTTP/1.1 extra\r\nHost: x\r\n\r\n"),
				Arguments.of("a malformed method", "G(T /mibo/api/health HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("a semicolon in a path (firewall)", get("/mibo/api/clinicians/1;x=2")),
				Arguments.of("a double slash (firewall)", get("/mibo/api/clinicians//1")),
				Arguments.of("an encoded dot segment (firewall)", get("/mibo/api/clinicians/%2e%2e/x")),
				Arguments.of("an encoded percent (firewall)", get("/mibo/api/clinicians/1%25")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("facePaths")
	void isABadRequestInTheFacesShape(String what, String request) {
		var res = raw.send(request);

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.header("Content-Type")).as(res.toString()).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("success").asBoolean(true)).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
	}

	static Stream<Arguments> neutralPaths() {
		return Stream.of(
				Arguments.of("a 100,000-character path", get("/" + LONG)),
				Arguments.of("%2F in an actuator path", get("/actuator/x%2Fy")),
				Arguments.of("an over-long header", get("/actuator/health", "X-Big: " + "b".repeat(20_000))),
				Arguments.of("a malformed method", "G(T /actuator/health HTTP/1.1\r\nHost: x\r\n\r\n"),
				Arguments.of("no request line at all", "\u0001\u0002\u0003\r\n\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("neutralPaths")
	void isABadRequestInTheNeutralShapeOutsideTheFaces(String what, String request) {
		var res = raw.send(request);

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.header("Content-Type")).as(res.toString()).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "message", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(400);
	}

	/**
	 * Tomcat reads these as HTTP/0.9, which has neither status line nor headers: the body alone is JSON. (Tomcat
	 * 11.0.24 keeps a connection processor in HTTP/0.9 mode until it serves a well-formed request, so the next
	 * request whose request line fails on it would be answered without headers too: a well-formed request follows.)
	 */
	@Test
	void whatTomcatTakesForHttp09IsAnsweredWithAJsonBody() {
		var res = raw.send("GET  HTTP/1.1\r\nHost: x\r\n\r\n");
		raw.send(get("/mibo/api/health"));

		assertThat(res.status()).as("no status line in HTTP/0.9").isZero();
		assertThat(keys(res.json())).as(res.toString()).containsExactly("error", "message", "status");
		assertThat(res.json().path("status").asInt()).isEqualTo(400);
	}

	@Test
	void anUnsupportedProtocolVersionIsJsonToo() {
		var res = raw.send("GET /mibo/api/health HTTP/9.1\r\nHost: x\r\n\r\n");

		assertThat(res.status()).isEqualTo(505);
		assertThat(res.header("Content-Type")).startsWith("application/json");
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
	}

	private static String manyHeaders() {
		StringBuilder headers = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			headers.append(i == 0 ? "" : "\r\n").append("X-Header-").append(i).append(": v");
		}
		return headers.toString();
	}
}
