package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertValidation;
import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/**
 * The admin panel's clinician pages: {@code /api/users/clinicians} create, edit, delete, credentials, weekly hours
 * and a day's slots, with the panel's own bodies.
 */
class MiboAdminPanelClinicianTests extends ApiTest {

	static final String[] CLINICIAN_KEYS = { "bio", "consultationFee", "consultationModes",
			"defaultConsultationDurationMinutes", "defaultDurationMinutes", "designation", "email", "expertise",
			"fullName", "full_name", "id", "isActive", "languages", "name", "phone", "primaryCentreId", "qualification",
			"registrationNumber", "specialization", "userId", "yearsOfExperience", "profilePictureUrl" };

	static final String[] RULE_KEYS = { "centreId", "centre_id", "clinicianId", "clinician_id", "consultation_mode",
			"dayOfWeek", "day_of_week", "endTime", "end_time", "isActive", "isAvailable", "mode", "slotDurationMinutes",
			"slot_duration_minutes", "startTime", "start_time" };

	@Autowired
	Clinic clinic;

	MiboClient mibo;
	MiboPeople people;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		admin = people.admin();
	}

	/** The create form's body, as the panel's clinician page sends it. */
	static Map<String, Object> createForm(long centre, String phone) {
		Map<String, Object> body = new HashMap<>();
		body.put("full_name", "Dr. Asha Rao");
		body.put("phone", phone);
		body.put("email", phone.substring(1) + "@clinician.test");
		body.put("username", MiboPeople.unique("asha"));
		body.put("password", "SecurePassword123");
		body.put("role_ids", List.of(4));
		body.put("centre_ids", List.of(centre));
		body.put("designation", "Clinical Psychologist");
		body.put("primary_centre_id", centre);
		body.put("specialization", List.of("Clinical Psychologist"));
		body.put("registration_number", "RCI-12345");
		body.put("years_of_experience", 9);
		body.put("consultation_fee", 1800);
		body.put("bio", "Works with adults.");
		body.put("consultation_modes", List.of("IN_PERSON", "ONLINE"));
		body.put("default_consultation_duration_minutes", 30);
		body.put("qualification", List.of("M.Phil"));
		body.put("expertise", List.of("Anxiety", "Depression"));
		body.put("languages", List.of("English"));
		body.put("availability_slots", List.of(
				Map.of("id", "2030-01-07-10:00", "dayOfWeek", 1, "startTime", "10:00", "endTime", "10:30",
						"consultationMode", "IN_PERSON"),
				Map.of("id", "2030-01-08-11:00", "dayOfWeek", 2, "startTime", "11:00", "endTime", "11:30",
						"consultationMode", "ONLINE")));
		return body;
	}

	// POST /api/users/clinicians, PUT /api/users/clinicians/{id}, PATCH …/credentials, DELETE …/{id}

	@Test
	void cliniciansAreCreatedEditedAndRemovedFromThePanelsForms() {
		long centre = people.centre("Bangalore");
		String phone = MiboClient.newPhone();
		var created = http.post("/mibo/api/users/clinicians", createForm(centre, phone)).token(admin).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("message").asString()).isEqualTo("Clinician created successfully");
		JsonNode c = created.data();
		assertThat(keys(c)).containsExactlyInAnyOrder(CLINICIAN_KEYS);
		assertThat(c.path("full_name").asString()).isEqualTo("Dr. Asha Rao");
		assertThat(c.path("name").asString()).isEqualTo("Dr. Asha Rao");
		assertThat(c.path("primaryCentreId").asLong()).isEqualTo(centre);
		assertThat(c.path("designation").asString()).isEqualTo("Clinical Psychologist");
		assertThat(c.path("registrationNumber").asString()).isEqualTo("RCI-12345");
		assertThat(c.path("yearsOfExperience").asInt()).isEqualTo(9);
		assertThat(c.path("consultationFee").asLong()).isEqualTo(1800);
		assertThat(c.path("bio").asString()).isEqualTo("Works with adults.");
		assertThat(c.path("consultationModes").toString()).isEqualTo("[\"IN_PERSON\",\"ONLINE\"]");
		assertThat(c.path("expertise").toString()).isEqualTo("[\"Anxiety\",\"Depression\"]");
		assertThat(c.path("defaultDurationMinutes").asInt()).isEqualTo(30);
		assertThat(c.path("isActive").asBoolean()).isTrue();
		long id = c.path("id").asLong();

		// the calendar's picks became the weekly hours: Monday in person at the centre, Tuesday online
		var hours = http.get("/mibo/api/users/clinicians/" + id + "/availability").send();
		assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
		assertThat(hours.data().size()).isEqualTo(2);
		JsonNode monday = hours.data().get(0);
		assertThat(keys(monday)).containsExactlyInAnyOrder(RULE_KEYS);
		assertThat(monday.path("day_of_week").asInt()).isEqualTo(1);
		assertThat(monday.path("start_time").asString()).isEqualTo("10:00");
		assertThat(monday.path("end_time").asString()).isEqualTo("10:30");
		assertThat(monday.path("centre_id").asLong()).isEqualTo(centre);
		assertThat(monday.path("mode").asString()).isEqualTo("IN_PERSON");
		assertThat(monday.path("slot_duration_minutes").asInt()).isEqualTo(30);
		assertThat(hours.data().get(1).path("mode").asString()).isEqualTo("ONLINE");
		assertThat(hours.data().get(1).path("centre_id").isNull()).isTrue();

		// the edit form (camelCase); a blank email leaves it
		Map<String, Object> edit = new HashMap<>();
		edit.put("phone", phone);
		edit.put("email", "");
		edit.put("primaryCentreId", centre);
		edit.put("specialization", List.of("Child Psychologist"));
		edit.put("registrationNumber", "RCI-999");
		edit.put("yearsOfExperience", 10);
		edit.put("consultationFee", 2000);
		edit.put("bio", "Children too.");
		edit.put("consultationModes", List.of("ONLINE"));
		edit.put("defaultDurationMinutes", 45);
		edit.put("profilePictureUrl", "https://example.com/asha.jpg");
		edit.put("qualification", List.of("PhD"));
		edit.put("expertise", List.of("ADHD"));
		edit.put("languages", List.of("English", "Kannada"));
		var edited = http.put("/mibo/api/users/clinicians/" + id, edit).token(admin).send();
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.data().path("email").asString()).isEqualTo(phone.substring(1) + "@clinician.test");
		assertThat(edited.data().path("registrationNumber").asString()).isEqualTo("RCI-999");
		assertThat(edited.data().path("consultationFee").asLong()).isEqualTo(2000);
		assertThat(edited.data().path("consultationModes").toString()).isEqualTo("[\"ONLINE\"]");
		assertThat(edited.data().path("expertise").toString()).isEqualTo("[\"ADHD\"]");
		assertThat(edited.data().path("defaultDurationMinutes").asInt()).isEqualTo(45);
		assertThat(edited.data().path("designation").asString()).isEqualTo("Clinical Psychologist");
		// the contract's own profile shows the same clinician
		var profile = http.get("/mibo/api/clinicians/" + id).send();
		assertThat(profile.data().path("consultationFee").asLong()).isEqualTo(2000);
		assertThat(profile.data().path("defaultConsultationDurationMinutes").asInt()).isEqualTo(45);

		// a new sign-in
		String username = MiboPeople.unique("asha");
		var credentials = http.patch("/mibo/api/users/clinicians/" + id + "/credentials",
				Map.of("username", username, "password", "NewPassword456")).token(admin).send();
		assertThat(credentials.status()).as(credentials.toString()).isEqualTo(200);
		assertThat(credentials.data().path("id").asLong()).isEqualTo(id);
		var signIn = http.post("/mibo/api/auth/login/username-password",
				Map.of("username", username, "password", "NewPassword456")).send();
		assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
		assertThat(signIn.data().path("user").path("clinicianId").asLong()).isEqualTo(id);

		var deleted = http.delete("/mibo/api/users/clinicians/" + id).token(admin).send();
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().path("message").asString()).isEqualTo("Clinician deleted successfully");
		assertThat(http.get("/mibo/api/clinicians/" + id).send().status()).isEqualTo(404);
		assertThat(http.delete("/mibo/api/users/clinicians/" + id).token(admin).send().status()).isEqualTo(404);
	}

	@Test
	void thePanelsClinicianBodiesAreChecked() {
		long centre = people.centre("Kochi");
		var body = createForm(centre, MiboClient.newPhone());
		body.put("consultation_modes", List.of("HOME_VISIT"));
		assertValidation(http.post("/mibo/api/users/clinicians", body).token(admin).send(), "consultation_modes",
				"Mode must be IN_PERSON or ONLINE");

		body = createForm(centre, MiboClient.newPhone());
		body.put("centre_ids", List.of(centre, centre + 1));
		assertValidation(http.post("/mibo/api/users/clinicians", body).token(admin).send(), "centre_ids",
				"A clinician has one centre, their primary centre");

		body = createForm(centre, MiboClient.newPhone());
		body.put("availability_slots", List.of(Map.of("dayOfWeek", 7, "startTime", "10:00", "endTime", "10:30")));
		assertValidation(http.post("/mibo/api/users/clinicians", body).token(admin).send(),
				"availability_slots[0].dayOfWeek", "Day of week must be 0 (Sunday) to 6 (Saturday)");

		body = createForm(centre, MiboClient.newPhone());
		body.put("npi", "x");
		assertValidation(http.post("/mibo/api/users/clinicians", body).token(admin).send(), "npi", "Unknown field");

		body = createForm(centre, MiboClient.newPhone());
		body.remove("full_name");
		assertValidation(http.post("/mibo/api/users/clinicians", body).token(admin).send(), "fullName",
				"Full name is required");

		var id = http.post("/mibo/api/users/clinicians", createForm(centre, MiboClient.newPhone())).token(admin).send()
			.data().path("id").asLong();
		assertValidation(http.patch("/mibo/api/users/clinicians/" + id + "/credentials", Map.of("password", "short"))
			.token(admin).send(), "password", "Password must be at least 8 characters");
		assertValidation(http.patch("/mibo/api/users/clinicians/" + id + "/credentials", Map.of()).token(admin).send(),
				"username", "A username or a password is required");
		assertValidation(http.put("/mibo/api/users/clinicians/" + id, Map.of("email", "not-an-email")).token(admin)
			.send(), "email", MiboFormats.INVALID_EMAIL);
		assertThat(http.put("/mibo/api/users/clinicians/999999999", Map.of("bio", "x")).token(admin).send().status())
			.isEqualTo(404);
	}

	@Test
	void onlyTheClinicianKeepersUseThePanelsClinicianPaths() {
		long centre = people.centre("Pune");
		long other = people.centre("Pune");
		var id = http.post("/mibo/api/users/clinicians", createForm(centre, MiboClient.newPhone())).token(admin).send()
			.data().path("id").asLong();
		String frontDesk = mibo.staff(6).token();
		// the role check comes before the body's
		assertForbidden(http.post("/mibo/api/users/clinicians", Map.of("npi", 1)).token(frontDesk).send());
		assertForbidden(http.put("/mibo/api/users/clinicians/" + id, Map.of("bio", "x")).token(frontDesk).send());
		assertForbidden(http.patch("/mibo/api/users/clinicians/" + id + "/credentials",
				Map.of("password", "NewPassword456")).token(frontDesk).send());
		assertForbidden(http.put("/mibo/api/users/clinicians/" + id + "/availability",
				Map.of("availability_rules", List.of())).token(frontDesk).send());
		assertForbidden(http.delete("/mibo/api/users/clinicians/" + id).token(frontDesk).send());
		assertForbidden(http.post("/mibo/api/users/clinicians/" + id + "/availability/delete-by-day",
				Map.of("dayOfWeek", "x")).token(frontDesk).send());
		assertThat(http.post("/mibo/api/users/clinicians", createForm(centre, MiboClient.newPhone())).send().status())
			.isEqualTo(401);

		// a centre manager keeps only the clinicians of their own centre
		String otherManager = staffToken(Role.CENTRE_MANAGER, other);
		assertForbidden(http.put("/mibo/api/users/clinicians/" + id, Map.of("bio", "x")).token(otherManager).send());
		String ownManager = staffToken(Role.CENTRE_MANAGER, centre);
		var edited = http.put("/mibo/api/users/clinicians/" + id, Map.of("bio", "Mine")).token(ownManager).send();
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.data().path("bio").asString()).isEqualTo("Mine");
	}

	// GET/PUT /api/users/clinicians/{id}/availability, GET …/slots

	@Test
	void theClinicianPageKeepsWeeklyHoursAndShowsADaysSlots() {
		long centre = people.centre("Chennai");
		var body = createForm(centre, MiboClient.newPhone());
		body.remove("availability_slots");
		long id = http.post("/mibo/api/users/clinicians", body).token(admin).send().data().path("id").asLong();

		// the panel sends its merged rules back: ids as strings, both spellings of the centre and the mode
		var put = http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of("availability_rules", List.of(
				Map.of("centreId", String.valueOf(centre), "centre_id", String.valueOf(centre), "dayOfWeek", 3,
						"startTime", "09:00", "endTime", "11:00", "slotDurationMinutes", 60, "mode", "IN_PERSON",
						"consultationMode", "IN_PERSON"),
				Map.of("centreId", String.valueOf(centre), "dayOfWeek", 0, "startTime", "18:00", "endTime", "19:00",
						"slotDurationMinutes", 60, "mode", "ONLINE")))).token(admin).send();
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.data().size()).isEqualTo(2);
		JsonNode wednesday = put.data().get(0);
		assertThat(keys(wednesday)).containsExactlyInAnyOrder(RULE_KEYS);
		assertThat(wednesday.path("dayOfWeek").asInt()).isEqualTo(3);
		assertThat(wednesday.path("centreId").asLong()).isEqualTo(centre);
		assertThat(wednesday.path("slotDurationMinutes").asInt()).isEqualTo(60);
		JsonNode sunday = put.data().get(1);
		assertThat(sunday.path("day_of_week").asInt()).isZero();
		assertThat(sunday.path("mode").asString()).isEqualTo("ONLINE");
		assertThat(sunday.path("centreId").isNull()).isTrue();
		// the agreed slot length became the clinician's consultation length
		assertThat(http.get("/mibo/api/clinicians/" + id).send().data().path("defaultConsultationDurationMinutes")
			.asInt()).isEqualTo(60);

		LocalDate nextWednesday = LocalDate.now().plusDays(1).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
		var slots = http.get("/mibo/api/users/clinicians/" + id + "/slots?date=" + nextWednesday).send();
		assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
		assertThat(slots.data().size()).isEqualTo(2);
		JsonNode first = slots.data().get(0);
		assertThat(keys(first)).containsExactly("centreId", "clinicianId", "date", "endTime", "mode", "startTime",
				"status");
		assertThat(first.path("date").asString()).isEqualTo(nextWednesday.toString());
		assertThat(first.path("startTime").asString()).isEqualTo("09:00");
		assertThat(first.path("endTime").asString()).isEqualTo("10:00");
		assertThat(first.path("status").asString()).isEqualTo("available");
		assertThat(first.path("mode").asString()).isEqualTo("IN_PERSON");

		// the "delete by day" dialog: the rules by day, then a day cleared
		var byDay = http.get("/mibo/api/users/clinicians/" + id + "/availability/by-day?centreId=" + centre).token(admin)
			.send();
		assertThat(byDay.status()).as(byDay.toString()).isEqualTo(200);
		assertThat(keys(byDay.data())).containsExactly("0", "3");
		assertThat(byDay.data().path("3").get(0).path("start_time").asString()).isEqualTo("09:00");
		assertThat(byDay.data().path("0").get(0).path("mode").asString()).isEqualTo("ONLINE");
		var cleared = http.post("/mibo/api/users/clinicians/" + id + "/availability/delete-by-day",
				Map.of("dayOfWeek", 0, "centreId", centre)).token(admin).send();
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		assertThat(cleared.json().path("message").asString()).isEqualTo("Deleted the Sunday availability");
		assertThat(cleared.data().size()).isEqualTo(1);
		assertThat(cleared.data().get(0).path("dayOfWeek").asInt()).isEqualTo(3);
		assertValidation(http.post("/mibo/api/users/clinicians/" + id + "/availability/delete-by-day",
				Map.of("dayOfWeek", 9)).token(admin).send(), "dayOfWeek", "Day of week must be 0 (Sunday) to 6 (Saturday)");
		assertValidation(http.post("/mibo/api/users/clinicians/" + id + "/availability/delete-by-day",
				Map.of("centreId", centre)).token(admin).send(), "dayOfWeek", "Day of week is required");

		assertValidation(http.get("/mibo/api/users/clinicians/" + id + "/slots?date=tomorrow").send(), "date",
				"Must be a date as YYYY-MM-DD");
		assertValidation(http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of("availability_rules",
				List.of(Map.of("dayOfWeek", 1, "startTime", "09:00", "endTime", "10:00", "slotDurationMinutes", 30),
						Map.of("dayOfWeek", 2, "startTime", "09:00", "endTime", "10:00", "slotDurationMinutes", 45))))
			.token(admin).send(), "availability_rules[1].slotDurationMinutes",
				"Every rule has the clinician's one consultation length");
		// a refused rule changes nothing, not even the consultation length
		assertValidation(http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of("availability_rules",
				List.of(Map.of("dayOfWeek", 1, "startTime", "10:00", "endTime", "09:00", "slotDurationMinutes", 20))))
			.token(admin).send(), "availability_rules[0].endTime", "Must be after startTime");
		assertThat(http.get("/mibo/api/clinicians/" + id).send().data().path("defaultConsultationDurationMinutes")
			.asInt()).isEqualTo(60);
		assertValidation(http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of("availability_rules",
				List.of(Map.of("dayOfWeek", 1, "startTime", "09:00", "endTime", "10:00", "mode", "PHONE"))))
			.token(admin).send(), "availability_rules[0].mode", "Mode must be IN_PERSON or ONLINE");
		assertValidation(http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of("availability_rules",
				List.of(Map.of("dayOfWeek", 1, "startTime", "09:00", "endTime", "10:00", "isBlocked", true))))
			.token(admin).send(), "availability_rules[0].isBlocked", "Unknown field");
		assertValidation(http.put("/mibo/api/users/clinicians/" + id + "/availability", Map.of()).token(admin).send(),
				"availability_rules", "Availability rules are required");
		assertThat(http.get("/mibo/api/users/clinicians/999999999/availability").send().status()).isEqualTo(404);
	}

	private String staffToken(Role role, long centre) {
		String phone = MiboClient.newPhone();
		var res = http.post("/mibo/api/users", Map.of("fullName", "Staff " + phone, "phone", phone, "password",
				"SecurePassword123", "roleId", MiboRoles.id(role), "centreId", centre)).token(admin).send();
		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		return mibo.login(phone, "SecurePassword123");
	}
}
