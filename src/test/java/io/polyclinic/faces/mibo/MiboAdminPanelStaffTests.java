package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.MiboClient;

/** The staff pages' rows: {@code centreName} beside {@code centreId}; no {@code designation} is kept for staff. */
class MiboAdminPanelStaffTests extends ApiTest {

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	@Test
	void staffRowsNameTheirCentre() {
		long centre = people.centre("Kochi");
		String centreName = http.get("/mibo/api/centres/" + centre).token(admin).send().data().path("name").asString();
		var desk = http.post("/mibo/api/users/front-desk", Map.of("full_name", "Farah Desk", "phone",
				MiboClient.newPhone(), "password", "SecurePassword123", "centreId", centre)).token(admin).send();
		assertThat(desk.status()).as(desk.toString()).isEqualTo(201);
		assertThat(desk.data().path("centreName").asString()).isEqualTo(centreName);
		long id = desk.data().path("id").asLong();

		var list = http.get("/mibo/api/users?roleId=6&centreId=" + centre).token(admin).send();
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.data().size()).isEqualTo(1);
		assertThat(list.data().get(0).path("centreName").asString()).isEqualTo(centreName);
		assertThat(http.get("/mibo/api/users/" + id).token(admin).send().data().path("centreName").asString())
			.isEqualTo(centreName);

		// no centre, no name; a designation is not kept for staff, so it is refused rather than dropped
		var manager = http.post("/mibo/api/users/managers", Map.of("full_name", "Meera Manager", "phone",
				MiboClient.newPhone(), "password", "SecurePassword123")).token(admin).send();
		assertThat(manager.data().has("centreName")).isTrue();
		assertThat(manager.data().path("centreName").isNull()).isTrue();
		assertValidation(http.put("/mibo/api/users/" + id, Map.of("designation", "Lead")).token(admin).send(),
				"designation", "Unknown field");
		assertForbidden(http.get("/mibo/api/users?roleId=6").token(mibo.staff(6).token()).send());
	}
}
