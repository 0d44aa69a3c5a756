package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

class MiboCentreTests extends ApiTest {

	static final String[] CENTRE_KEYS = { "address", "city", "email", "id", "isActive", "name", "phone",
			"pincode" };

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	static Map<String, Object> newCentre(String city) {
		return new HashMap<>(Map.of("name", "Mibo " + city, "city", city, "address", "456 Marine Drive, " + city,
				"phone", "+912212345678", "email", MiboPeople.unique("centre") + "@mibo.test"));
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	static List<Long> ids(JsonNode list) {
		return list.findValues("id").stream().map(JsonNode::asLong).toList();
	}

	/** A centre manager who manages the given centre. */
	String centreManagerOf(long centre) {
		String phone = MiboClient.newPhone();
		var res = http.post("/mibo/api/users/centre-managers", Map.of("fullName", "Bob Centre Manager", "phone", phone,
				"password", "SecurePassword123", "centreId", centre)).token(admin).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return mibo.login(phone, "SecurePassword123");
	}

	@Test
	void createAnswersTheDocumentedCentre() {
		var body = newCentre("Mumbai");

		var res = http.post("/mibo/api/centres", body).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(res.json().path("message").asString()).isEqualTo("Centre created successfully");
		assertThat(keys(res.data())).containsExactly(CENTRE_KEYS);
		assertThat(res.data().path("name").asString()).isEqualTo("Mibo Mumbai");
		assertThat(res.data().path("city").asString()).isEqualTo("Mumbai");
		assertThat(res.data().path("address").asString()).isEqualTo("456 Marine Drive, Mumbai");
		assertThat(res.data().path("phone").asString()).isEqualTo("+912212345678");
		assertThat(res.data().path("email").asString()).isEqualTo(body.get("email"));
		assertThat(res.data().path("isActive").asBoolean()).isTrue();
	}

	@Test
	void createRefusesBadInput() {
		var noName = newCentre("Mumbai");
		noName.remove("name");
		var missing = http.post("/mibo/api/centres", noName).token(admin).send();
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("name").asString()).isEqualTo("Centre name is required");

		var badEmail = newCentre("Mumbai");
		badEmail.put("email", "mumbai@");
		var invalid = http.post("/mibo/api/centres", badEmail).token(admin).send();
		assertError(invalid, 400, "VALIDATION_ERROR");
		assertThat(invalid.json().path("error").path("details").path("email").asString()).isEqualTo("Invalid email format");

		var badZone = newCentre("Mumbai");
		badZone.put("timeZone", "Mars/Olympus");
		var zone = http.post("/mibo/api/centres", badZone).token(admin).send();
		assertError(zone, 400, "VALIDATION_ERROR");
		assertThat(zone.json().path("error").path("details").path("timeZone").asString()).isEqualTo("Unknown time zone");
	}

	@Test
	void administratorsAndManagersCreateCentres() {
		assertThat(http.post("/mibo/api/centres", newCentre("Nagpur")).token(mibo.staff(2).token()).send().status())
			.isEqualTo(201);
		assertError(http.post("/mibo/api/centres", newCentre("Nagpur")).token(mibo.staff(4).token()).send(), 403,
				"FORBIDDEN");
		assertError(http.post("/mibo/api/centres", newCentre("Nagpur")).token(mibo.staff(6).token()).send(), 403,
				"FORBIDDEN");
		assertError(http.post("/mibo/api/centres", newCentre("Nagpur")).send(), 401, "UNAUTHORIZED");
	}

	@Test
	void theCityFilterIgnoresCase() {
		String city = MiboPeople.unique("Ooty");
		long first = people.centre(city);
		long second = people.centre(city.toUpperCase());
		people.centre(MiboPeople.unique("Elsewhere"));

		var lower = http.get("/mibo/api/centres?city=" + city.toLowerCase()).token(admin).send();

		assertThat(lower.status()).as(lower.toString()).isEqualTo(200);
		assertThat(lower.json().path("success").asBoolean()).isTrue();
		assertThat(ids(lower.data())).containsExactly(first, second);
		assertThat(keys(lower.data().get(0))).containsExactly(CENTRE_KEYS);
		assertThat(lower.data().get(0).path("city").asString()).isEqualTo(city);
		assertThat(ids(http.get("/mibo/api/centres?city=%20" + city.toUpperCase() + "%20").token(admin).send().data()))
			.containsExactly(first, second);
		assertThat(ids(http.get("/mibo/api/centres?city=" + city.toUpperCase() + "&limit=1&page=2").token(admin).send()
			.data())).containsExactly(second);
	}

	@Test
	void anySignedInCallerListsAndReadsCentres() {
		long centre = people.centre("Bangalore");
		var patient = people.patientSignUp("Booking Patient");

		var list = http.get("/mibo/api/centres?city=bangalore").token(mibo.staff(6).token()).send();
		assertThat(list.status()).isEqualTo(200);
		assertThat(ids(list.data())).contains(centre);

		var one = http.get("/mibo/api/centres/" + centre).token(patient.accessToken()).send();
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(keys(one.data())).containsExactly(CENTRE_KEYS);
		assertThat(one.data().path("id").asLong()).isEqualTo(centre);

		assertError(http.get("/mibo/api/centres").send(), 401, "UNAUTHORIZED");
		// one centre without a token: the patient website's public view (MiboPatientSiteTests)
		assertThat(http.get("/mibo/api/centres/" + centre).send().status()).isEqualTo(200);
	}

	@Test
	void anUnknownOrMalformedCentreIdIsNotFoundOrInvalid() {
		var missing = http.get("/mibo/api/centres/987654321").token(admin).send();
		assertError(missing, 404, "NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Centre not found");
		assertError(http.get("/mibo/api/centres/abc").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/centres?limit=101").token(admin).send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void updateChangesOnlyWhatIsGiven() {
		long centre = people.centre("Bangalore");
		String email = MiboPeople.unique("bangalore.updated") + "@mibo.test";

		var res = http.put("/mibo/api/centres/" + centre, Map.of("phone", "+918012345679", "email", email))
			.token(admin)
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.json().path("message").asString()).isEqualTo("Centre updated successfully");
		assertThat(keys(res.data())).containsExactly(CENTRE_KEYS);
		assertThat(res.data().path("phone").asString()).isEqualTo("+918012345679");
		assertThat(res.data().path("email").asString()).isEqualTo(email);
		assertThat(res.data().path("city").asString()).isEqualTo("Bangalore");
		assertThat(res.data().path("address").asString()).isEqualTo("1 Main Road");
	}

	@Test
	void updateRefusesBadInput() {
		long centre = people.centre("Bangalore");

		var blank = http.put("/mibo/api/centres/" + centre, Map.of("city", " ")).token(admin).send();
		assertError(blank, 400, "VALIDATION_ERROR");
		assertThat(blank.json().path("error").path("details").path("city").asString()).isEqualTo("City cannot be blank");

		var email = http.put("/mibo/api/centres/" + centre, Map.of("email", "x")).token(admin).send();
		assertError(email, 400, "VALIDATION_ERROR");
		assertError(http.put("/mibo/api/centres/987654321", Map.of("phone", "+918012345679")).token(admin).send(), 404,
				"NOT_FOUND");
	}

	@Test
	void aCentreManagerUpdatesTheirOwnCentreOnly() {
		long own = people.centre("Bangalore");
		long other = people.centre("Bangalore");
		String manager = centreManagerOf(own);

		var res = http.put("/mibo/api/centres/" + own, Map.of("address", "9 Brigade Road")).token(manager).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().path("address").asString()).isEqualTo("9 Brigade Road");

		assertError(http.put("/mibo/api/centres/" + other, Map.of("address", "9 Brigade Road")).token(manager).send(), 403,
				"FORBIDDEN");
		assertThat(http.put("/mibo/api/centres/" + other, Map.of("address", "10 Brigade Road"))
			.token(mibo.staff(2).token()).send().status()).isEqualTo(200);
		assertError(http.put("/mibo/api/centres/" + own, Map.of("address", "x")).token(mibo.staff(5).token()).send(), 403,
				"FORBIDDEN");
	}

	@Test
	void deleteHidesTheCentre() {
		String city = MiboPeople.unique("Shimla");
		long centre = people.centre(city);

		var res = http.delete("/mibo/api/centres/" + centre).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("Centre deleted successfully");
		assertError(http.get("/mibo/api/centres/" + centre).token(admin).send(), 404, "NOT_FOUND");
		assertThat(http.get("/mibo/api/centres?city=" + city).token(admin).send().data().size()).isZero();
		assertError(http.delete("/mibo/api/centres/" + centre).token(admin).send(), 404, "NOT_FOUND");
	}

	@Test
	void onlyAdministratorsDeleteCentres() {
		long centre = people.centre("Bangalore");
		assertError(http.delete("/mibo/api/centres/" + centre).token(mibo.staff(2).token()).send(), 403, "FORBIDDEN");
		assertError(http.delete("/mibo/api/centres/" + centre).token(centreManagerOf(centre)).send(), 403, "FORBIDDEN");
		assertError(http.delete("/mibo/api/centres/abc").token(admin).send(), 400, "VALIDATION_ERROR");
	}

	@Test
	void toggleActiveSwitchesTheCentreOffAndOn() {
		long centre = people.centre("Bangalore");

		var off = http.patch("/mibo/api/centres/" + centre + "/toggle-active").token(admin).send();
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(keys(off.data())).containsExactly(CENTRE_KEYS);
		assertThat(off.data().path("isActive").asBoolean()).isFalse();
		assertThat(http.get("/mibo/api/centres/" + centre).token(admin).send().data().path("isActive").asBoolean())
			.isFalse();

		var on = http.patch("/mibo/api/centres/" + centre + "/toggle-active").token(mibo.staff(2).token()).send();
		assertThat(on.data().path("isActive").asBoolean()).isTrue();
	}

	@Test
	void toggleActiveIsForAdministratorsAndManagers() {
		long centre = people.centre("Bangalore");
		assertError(http.patch("/mibo/api/centres/" + centre + "/toggle-active").token(centreManagerOf(centre)).send(),
				403, "FORBIDDEN");
		assertError(http.patch("/mibo/api/centres/" + centre + "/toggle-active").send(), 401, "UNAUTHORIZED");
		assertError(http.patch("/mibo/api/centres/987654321/toggle-active").token(admin).send(), 404, "NOT_FOUND");
	}
}
