package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

class MiboStaffTests extends ApiTest {

	static final String[] STAFF_KEYS = { "centreId", "centreName", "createdAt", "email", "fullName", "full_name", "id",
			"isActive", "phone", "role", "roleId", "roleName", "username" };

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	static Map<String, Object> newStaff(Object roleId) {
		String phone = MiboClient.newPhone();
		Map<String, Object> body = new HashMap<>(Map.of("fullName", "John Manager", "phone", phone, "email",
				phone.substring(1) + "@staff.test", "password", "SecurePassword123"));
		if (roleId != null) {
			body.put("roleId", roleId);
		}
		return body;
	}

	Http.Res create(Map<String, Object> body) {
		return http.post("/mibo/api/users", body).token(admin).send();
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	@Test
	void createAnswersTheStaffObjectWithItsCentre() {
		long centre = people.centre("Bangalore");
		var body = newStaff(2);
		body.put("centreId", centre);

		var res = create(body);

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(res.json().path("message").asString()).isEqualTo("User created successfully");
		JsonNode user = res.data();
		assertThat(keys(user)).containsExactly(STAFF_KEYS);
		assertThat(user.path("fullName").asString()).isEqualTo("John Manager");
		assertThat(user.path("phone").asString()).isEqualTo(body.get("phone"));
		assertThat(user.path("email").asString()).isEqualTo(body.get("email"));
		assertThat(user.path("roleId").asInt()).isEqualTo(2);
		assertThat(user.path("roleName").asString()).isEqualTo("MANAGER");
		assertThat(user.path("isActive").asBoolean()).isTrue();
		assertThat(user.path("centreId").asLong()).isEqualTo(centre);
		assertThat(Instant.parse(user.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(5));
		assertThat(res.body()).doesNotContain("password");
	}

	@Test
	void createRefusesMissingAndMalformedFields() {
		var body = newStaff(2);
		body.remove("phone");
		var missing = create(body);
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("phone").asString())
			.isEqualTo("Phone number is required");

		var badEmail = newStaff(2);
		badEmail.put("email", "not-an-email");
		var invalid = create(badEmail);
		assertError(invalid, 400, "VALIDATION_ERROR");
		assertThat(invalid.json().path("error").path("details").path("email").asString())
			.isEqualTo("Invalid email format");

		var unknownRole = create(newStaff(99));
		assertError(unknownRole, 400, "VALIDATION_ERROR");
		assertThat(unknownRole.json().path("error").path("details").path("roleId").asString()).isEqualTo("Unknown role");

		var noRole = create(newStaff(null));
		assertError(noRole, 400, "VALIDATION_ERROR");
		assertThat(noRole.json().path("error").path("details").path("roleId").asString()).isEqualTo("Role is required");

		var patientRole = create(newStaff(7));
		assertError(patientRole, 400, "VALIDATION_ERROR");
		assertThat(patientRole.json().path("error").path("details").has("roleId")).isTrue();

		var shortPassword = newStaff(6);
		shortPassword.put("password", "short");
		var weak = create(shortPassword);
		assertError(weak, 400, "VALIDATION_ERROR");
		assertThat(weak.json().path("error").path("details").path("password").asString())
			.isEqualTo("Password must be at least 8 characters");
	}

	@Test
	void aDuplicatePhoneOrEmailIsADuplicateEntry() {
		var first = newStaff(5);
		assertThat(create(first).status()).isEqualTo(201);

		var samePhone = newStaff(5);
		samePhone.put("phone", first.get("phone"));
		assertError(create(samePhone), 409, "DUPLICATE_ENTRY");

		var sameEmail = newStaff(5);
		sameEmail.put("email", first.get("email"));
		assertError(create(sameEmail), 409, "DUPLICATE_ENTRY");
	}

	@Test
	void onlyAdministratorsCreateStaff() {
		var frontDesk = mibo.staff(6);
		assertError(http.post("/mibo/api/users", newStaff(6)).token(frontDesk.token()).send(), 403, "FORBIDDEN");

		var manager = mibo.staff(2);
		assertError(http.post("/mibo/api/users", newStaff(6)).token(manager.token()).send(), 403, "FORBIDDEN");

		assertError(http.post("/mibo/api/users", newStaff(6)).send(), 401, "UNAUTHORIZED");

		var patient = people.patientSignUp("Jane Patient");
		assertError(http.post("/mibo/api/users", newStaff(6)).token(patient.accessToken()).send(), 403, "FORBIDDEN");
		assertError(http.get("/mibo/api/users").token(patient.accessToken()).send(), 403, "FORBIDDEN");
	}

	@Test
	void listFiltersByRoleAndCentre() {
		long centre = people.centre("Pune");
		var coordinator = newStaff(5);
		coordinator.put("centreId", centre);
		long coordinatorId = create(coordinator).data().path("id").asLong();
		var frontDesk = newStaff(6);
		frontDesk.put("centreId", centre);
		long frontDeskId = create(frontDesk).data().path("id").asLong();

		var res = http.get("/mibo/api/users?roleId=5&centreId=" + centre).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(res.data().isArray()).isTrue();
		assertThat(res.data().size()).isEqualTo(1);
		assertThat(keys(res.data().get(0))).containsExactly(STAFF_KEYS);
		assertThat(res.data().get(0).path("id").asLong()).isEqualTo(coordinatorId);
		assertThat(res.data().get(0).path("roleName").asString()).isEqualTo("CARE_COORDINATOR");

		var atCentre = http.get("/mibo/api/users?centreId=" + centre).token(admin).send();
		assertThat(atCentre.data().findValues("id").stream().map(JsonNode::asLong).toList())
			.containsExactly(coordinatorId, frontDeskId);
	}

	@Test
	void listPagesWithPageAndLimit() {
		long centre = people.centre("Chennai");
		for (int i = 0; i < 3; i++) {
			var body = newStaff(6);
			body.put("centreId", centre);
			create(body);
		}

		var first = http.get("/mibo/api/users?centreId=" + centre + "&page=1&limit=2").token(admin).send();
		var second = http.get("/mibo/api/users?centreId=" + centre + "&page=2&limit=2").token(admin).send();

		assertThat(first.data().size()).isEqualTo(2);
		assertThat(second.data().size()).isEqualTo(1);
		assertThat(first.data().get(1).path("id").asLong()).isLessThan(second.data().get(0).path("id").asLong());
	}

	@Test
	void listRefusesBadFilters() {
		var unknownRole = http.get("/mibo/api/users?roleId=99").token(admin).send();
		assertError(unknownRole, 400, "VALIDATION_ERROR");
		assertThat(unknownRole.json().path("error").path("details").path("roleId").asString()).isEqualTo("Unknown role");

		assertError(http.get("/mibo/api/users?limit=0").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/users?limit=500").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/users?centreId=abc").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/users").token(mibo.staff(2).token()).send(), 403, "FORBIDDEN");
	}

	@Test
	void getAnswersOneStaffObject() {
		var body = newStaff(4);
		long id = create(body).data().path("id").asLong();

		var res = http.get("/mibo/api/users/" + id).token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly(STAFF_KEYS);
		assertThat(res.data().path("roleName").asString()).isEqualTo("CENTRE_MANAGER");
		assertThat(res.data().path("centreId").isNull()).isTrue();
	}

	@Test
	void getOfAnUnknownOrMalformedIdIsNotFoundOrInvalid() {
		var missing = http.get("/mibo/api/users/987654321").token(admin).send();
		assertError(missing, 404, "NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Staff user not found");

		var malformed = http.get("/mibo/api/users/abc").token(admin).send();
		assertError(malformed, 400, "VALIDATION_ERROR");
		assertThat(malformed.json().path("error").path("details").has("id")).isTrue();

		assertError(http.get("/mibo/api/users/1").token(mibo.staff(6).token()).send(), 403, "FORBIDDEN");
	}

	@Test
	void updateChangesTheDocumentedFields() {
		long centre = people.centre("Mysore");
		long id = create(newStaff(5)).data().path("id").asLong();
		String email = MiboPeople.unique("updated") + "@staff.test";

		var res = http.put("/mibo/api/users/" + id,
				Map.of("fullName", "John Updated", "email", email, "isActive", false, "centreId", centre))
			.token(admin)
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("User updated successfully");
		assertThat(keys(res.data())).containsExactly(STAFF_KEYS);
		assertThat(res.data().path("fullName").asString()).isEqualTo("John Updated");
		assertThat(res.data().path("email").asString()).isEqualTo(email);
		assertThat(res.data().path("isActive").asBoolean()).isFalse();
		assertThat(res.data().path("centreId").asLong()).isEqualTo(centre);
	}

	@Test
	void updateRefusesBadInputAndNonAdministrators() {
		var staff = mibo.staff(5);

		var invalid = http.put("/mibo/api/users/" + staff.id(), Map.of("email", "nope")).token(admin).send();
		assertError(invalid, 400, "VALIDATION_ERROR");
		assertThat(invalid.json().path("error").path("details").path("email").asString())
			.isEqualTo("Invalid email format");

		var taken = http.put("/mibo/api/users/" + staff.id(), Map.of("phone", "+15550000001")).token(admin).send();
		assertError(taken, 409, "DUPLICATE_ENTRY");

		var manager = mibo.staff(2);
		assertError(http.put("/mibo/api/users/" + staff.id(), Map.of("fullName", "X")).token(manager.token()).send(),
				403, "FORBIDDEN");
		assertError(http.put("/mibo/api/users/987654321", Map.of("fullName", "X")).token(admin).send(), 404,
				"NOT_FOUND");
	}

	@Test
	void aDeletedStaffMemberIsGoneAndCannotSignIn() {
		var staff = mibo.staff(6);

		var res = http.delete("/mibo/api/users/" + staff.id()).token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("User deleted successfully");
		assertError(http.get("/mibo/api/users/" + staff.id()).token(admin).send(), 404, "NOT_FOUND");
		assertThat(http.get("/mibo/api/users?roleId=6&limit=100").token(admin).send().data().findValues("id").stream()
			.map(JsonNode::asLong)).doesNotContain(staff.id());
		// the token issued before the deletion stops working, and no new one is issued
		assertThat(http.get("/mibo/api/auth/me").token(staff.token()).send().status()).isEqualTo(401);
		var login = http.post("/mibo/api/auth/login/phone-password",
				Map.of("phone", staff.phone(), "password", "SecurePassword123")).send();
		assertThat(login.status()).isIn(401, 403);
		assertThat(login.json().path("data").isMissingNode()).isTrue();
		assertError(http.delete("/mibo/api/users/" + staff.id()).token(admin).send(), 404, "NOT_FOUND");
	}

	@Test
	void onlyAdministratorsDelete() {
		var staff = mibo.staff(6);
		assertError(http.delete("/mibo/api/users/" + staff.id()).token(mibo.staff(2).token()).send(), 403, "FORBIDDEN");
		assertError(http.delete("/mibo/api/users/abc").token(admin).send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void toggleActiveSwitchesTheAccountOffAndOn() {
		var staff = mibo.staff(5);

		var off = http.patch("/mibo/api/users/" + staff.id() + "/toggle-active").token(admin).send();
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(keys(off.data())).containsExactly(STAFF_KEYS);
		assertThat(off.data().path("isActive").asBoolean()).isFalse();
		assertThat(http.get("/mibo/api/auth/me").token(staff.token()).send().status()).isEqualTo(401);

		var on = http.patch("/mibo/api/users/" + staff.id() + "/toggle-active").token(admin).send();
		assertThat(on.data().path("isActive").asBoolean()).isTrue();
		assertThat(mibo.login(staff.phone(), "SecurePassword123")).isNotBlank();
	}

	@Test
	void managersToggleStaffButNotAdministrators() {
		var manager = mibo.staff(2);
		var frontDesk = mibo.staff(6);
		long adminId = http.get("/mibo/api/auth/me").token(admin).send().data().path("id").asLong();

		var res = http.patch("/mibo/api/users/" + frontDesk.id() + "/toggle-active").token(manager.token()).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().path("isActive").asBoolean()).isFalse();

		assertError(http.patch("/mibo/api/users/" + adminId + "/toggle-active").token(manager.token()).send(), 403,
				"FORBIDDEN");
		assertError(http.patch("/mibo/api/users/" + manager.id() + "/toggle-active").token(mibo.staff(6).token()).send(),
				403, "FORBIDDEN");
		assertError(http.patch("/mibo/api/users/" + adminId + "/toggle-active").token(admin).send(), 409, "CONFLICT");
	}

	@Test
	void roleSpecificCreatorsFixTheRole() {
		long centre = people.centre("Hyderabad");
		Map<String, String> roles = Map.of("managers", "MANAGER", "centre-managers", "CENTRE_MANAGER",
				"care-coordinators", "CARE_COORDINATOR", "front-desk", "FRONT_DESK");
		Map<String, String> messages = Map.of("managers", "Manager created successfully", "centre-managers",
				"Centre manager created successfully", "care-coordinators", "Care coordinator created successfully",
				"front-desk", "Front desk staff created successfully");
		roles.forEach((path, role) -> {
			var body = newStaff(null);
			body.put("centreId", centre);
			// a roleId in the body does not override the path's role
			body.put("roleId", 1);

			var res = http.post("/mibo/api/users/" + path, body).token(admin).send();

			assertThat(res.status()).as(path + ": " + res).isEqualTo(201);
			assertThat(res.json().path("message").asString()).isEqualTo(messages.get(path));
			assertThat(keys(res.data())).containsExactly(STAFF_KEYS);
			assertThat(res.data().path("roleName").asString()).isEqualTo(role);
			assertThat(res.data().path("centreId").asLong()).isEqualTo(centre);
		});
	}

	@Test
	void managersMayAddFrontDeskStaffOnly() {
		var manager = mibo.staff(2);

		var frontDesk = http.post("/mibo/api/users/front-desk", newStaff(null)).token(manager.token()).send();
		assertThat(frontDesk.status()).as(frontDesk.toString()).isEqualTo(201);
		assertThat(frontDesk.data().path("roleId").asInt()).isEqualTo(6);

		for (String path : new String[] { "managers", "centre-managers", "care-coordinators" }) {
			assertError(http.post("/mibo/api/users/" + path, newStaff(null)).token(manager.token()).send(), 403,
					"FORBIDDEN");
		}
		assertError(http.post("/mibo/api/users/front-desk", newStaff(null)).token(mibo.staff(6).token()).send(), 403,
				"FORBIDDEN");
	}

	@Test
	void roleSpecificCreatorsValidateTheirBody() {
		var body = newStaff(null);
		body.remove("password");
		body.remove("fullName");

		var res = http.post("/mibo/api/users/care-coordinators", body).token(admin).send();

		assertError(res, 400, "VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path("password").asString()).isEqualTo("Password is required");
		assertThat(res.json().path("error").path("details").path("fullName").asString()).isEqualTo("Full name is required");
	}
}
