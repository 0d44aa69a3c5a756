package io.polyclinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.RawHttp;

/**
 * In demo mode any browser origin may call the API, answered with {@code *}: a caller's origin is never echoed
 * back as if it had been vetted. (Outside demo mode: {@link ProductionModeTests}.)
 */
class CorsTests extends ApiTest {

	@Test
	void aPreflightFromAnyOriginIsAnsweredWithTheWildcard() {
		var res = new RawHttp(port).send("OPTIONS /mibo/api/auth/me HTTP/1.1\r\nHost: localhost\r\n"
				+ "Origin: https://evil.example\r\nAccess-Control-Request-Method: GET\r\n"
				+ "Access-Control-Request-Headers: authorization\r\nConnection: close\r\n\r\n");

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(res.header("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void aSimpleRequestFromAnyOriginIsAnsweredWithTheWildcard() {
		var res = http.get("/mibo/api/health").header("Origin", "https://evil.example").send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(res.header("Access-Control-Allow-Origin")).isEqualTo("*");
	}
}
