package io.polyclinic.platform;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.MiboClient;

/**
 * A caller whose role the contract's table keeps from an endpoint is told 403 before anything of the request is
 * read: an invalid body, a malformed path id or query parameter does not turn the answer into a 400 (which would
 * tell them what a valid request looks like). Without a token it stays 401, and an allowed caller still gets the
 * validation errors.
 */
class RoleBeforeValidationTests extends ApiTest {

	MiboClient mibo;
	String frontDesk;

	@BeforeEach
	void frontDesk() {
		mibo = new MiboClient(http);
		frontDesk = mibo.staff(6).token();
	}

	@Test
	void anInvalidBodyToAnAdministratorsEndpointIsForbiddenForTheFrontDesk() {
		var res = http.post("/mibo/api/users", Map.of("roleId", "not a number")).token(frontDesk).send();

		assertForbidden(res);
	}

	@Test
	void anEmptyBodyToAnAdministratorsEndpointIsForbiddenForTheFrontDesk() {
		var res = http.post("/mibo/api/users", Map.of()).token(frontDesk).send();

		assertForbidden(res);
	}

	@Test
	void aMalformedJsonBodyIsForbiddenForTheFrontDeskToo() {
		var res = http.put("/mibo/api/users/1", "{not json").token(frontDesk).send();

		assertForbidden(res);
	}

	@Test
	void aMalformedPathIdIsForbiddenForTheFrontDesk() {
		assertForbidden(http.get("/mibo/api/users/abc").token(frontDesk).send());
		assertForbidden(http.delete("/mibo/api/users/0x1").token(frontDesk).send());
	}

	@Test
	void aRoleRuleOnTheControllerIsCheckedFirstToo() {
		var res = http.get("/mibo/api/analytics/top-doctors?limit=abc&centreId=-1").token(frontDesk).send();

		assertForbidden(res);
	}

	@Test
	void withoutATokenItIsStill401() {
		var res = http.post("/mibo/api/users", Map.of()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(401);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void anAllowedCallerStillGetsTheValidationErrors() {
		String admin = mibo.adminToken();

		var res = http.post("/mibo/api/users", Map.of()).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(http.get("/mibo/api/analytics/top-doctors?limit=abc").token(admin).send().status()).isEqualTo(400);
	}

	private static void assertForbidden(io.polyclinic.support.Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(403);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
	}
}
