package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/**
 * The admin panel's dialect (the original Mibo backend's), served beside mibo.md: the fields it reads, the spellings
 * it sends, the paths it calls.
 */
class MiboAdminPanelTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	MiboClient mibo;
	MiboPeople people;
	AppointmentFixture given;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		given = new AppointmentFixture(clinic, staff, sessions, book, mibo);
		admin = people.admin();
	}

	static void assertValidation(Http.Res res, String field, String message) {
		assertThat(res.status()).as(res.toString()).isEqualTo(400);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(res.json().path("error").path("details").path(field).asString()).as(res.toString())
			.isEqualTo(message);
	}

	static void assertForbidden(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(403);
		assertThat(res.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
	}

	// POST /api/auth/login/*, GET /api/auth/me: the panel reads user.role, name, full_name, its centre

	@Test
	void theSignedInUserCarriesThePanelsRoleNameAndCentre() {
		long centre = people.centre("Kochi");
		String phone = MiboClient.newPhone();
		var created = http.post("/mibo/api/users/front-desk", Map.of("full_name", "Farah Desk", "phone", phone,
				"username", MiboPeople.unique("desk"), "password", "SecurePassword123", "centreId", centre))
			.token(admin).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		var login = http.post("/mibo/api/auth/login/phone-password", Map.of("phone", phone, "password",
				"SecurePassword123")).send();

		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		JsonNode user = login.data().path("user");
		assertThat(keys(user)).containsExactly("assignedCentreId", "centreIds", "clinicianId", "email", "fullName",
				"full_name", "id", "name", "phone", "role", "roleId", "roleName", "username");
		assertThat(user.path("role").asString()).isEqualTo("FRONT_DESK");
		assertThat(user.path("roleName").asString()).isEqualTo("FRONT_DESK");
		assertThat(user.path("roleId").asInt()).isEqualTo(6);
		assertThat(user.path("name").asString()).isEqualTo("Farah Desk");
		assertThat(user.path("full_name").asString()).isEqualTo("Farah Desk");
		assertThat(user.path("assignedCentreId").asLong()).isEqualTo(centre);
		assertThat(user.path("centreIds").get(0).asLong()).isEqualTo(centre);
		assertThat(user.path("clinicianId").isNull()).isTrue();

		var me = http.get("/mibo/api/auth/me").token(login.data().path("accessToken").asString()).send();
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(keys(me.data())).containsExactly("assignedCentreId", "centreIds", "clinicianId", "email",
				"fullName", "full_name", "id", "isActive", "name", "phone", "role", "roleId", "roleName", "username");
		assertThat(me.data().path("role").asString()).isEqualTo("FRONT_DESK");
		assertThat(me.data().path("assignedCentreId").asLong()).isEqualTo(centre);

		// the administrator works at no centre; a clinician's profile id comes along
		var adminMe = http.get("/mibo/api/auth/me").token(admin).send();
		assertThat(adminMe.data().path("role").asString()).isEqualTo("ADMIN");
		assertThat(adminMe.data().path("centreIds").size()).isZero();
		var clinician = given.clinician();
		var clinicianMe = http.get("/mibo/api/auth/me").token(given.token(clinician)).send();
		assertThat(clinicianMe.data().path("clinicianId").asLong()).isEqualTo(clinician.id());
	}

	// POST /api/users/managers … with full_name, PUT /api/users/{id} from the panel's edit form

	@Test
	void staffAreCreatedAndEditedFromThePanelsForms() {
		long centre = people.centre("Bangalore");
		String username = MiboPeople.unique("mgr");
		var created = http.post("/mibo/api/users/managers", Map.of("full_name", "Meera Manager", "phone",
				MiboClient.newPhone(), "email", username + "@mibo.test", "username", username, "password",
				"SecurePassword123")).token(admin).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(keys(created.data())).containsExactly("centreId", "centreName", "createdAt", "email", "fullName",
				"full_name", "id", "isActive", "phone", "role", "roleId", "roleName", "username");
		assertThat(created.data().path("full_name").asString()).isEqualTo("Meera Manager");
		assertThat(created.data().path("fullName").asString()).isEqualTo("Meera Manager");
		assertThat(created.data().path("role").asString()).isEqualTo("MANAGER");
		assertThat(created.data().path("username").asString()).isEqualTo(username);
		long id = created.data().path("id").asLong();

		String renamed = MiboPeople.unique("mgr");
		var edited = http.put("/mibo/api/users/" + id, Map.of("full_name", "Meera M", "phone", MiboClient.newPhone(),
				"username", renamed, "password", "NewPassword456", "centre_ids", List.of(centre))).token(admin).send();

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.data().path("full_name").asString()).isEqualTo("Meera M");
		assertThat(edited.data().path("username").asString()).isEqualTo(renamed);
		assertThat(edited.data().path("centreId").asLong()).isEqualTo(centre);
		var signIn = http.post("/mibo/api/auth/login/username-password", Map.of("username", renamed, "password",
				"NewPassword456")).send();
		assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);

		// one centre per member of staff; a short password; a field the face does not know
		assertValidation(http.put("/mibo/api/users/" + id, Map.of("centre_ids", List.of(centre, centre + 1)))
			.token(admin).send(), "centre_ids", "A member of staff works at one centre");
		assertValidation(http.put("/mibo/api/users/" + id, Map.of("password", "short")).token(admin).send(),
				"password", "Password must be at least 8 characters");
		assertValidation(http.post("/mibo/api/users/managers", Map.of("full_name", "X", "phone", MiboClient.newPhone(),
				"password", "SecurePassword123", "designation", "Lead")).token(admin).send(), "designation",
				"Unknown field");
		// the role check comes first: the front desk is told 403, whatever the body
		String frontDesk = mibo.staff(6).token();
		assertForbidden(http.put("/mibo/api/users/" + id, Map.of("centre_ids", "not a list")).token(frontDesk).send());
		assertForbidden(http.post("/mibo/api/users/managers", Map.of("designation", 1)).token(frontDesk).send());
	}

	// POST/PUT /api/centres with addressLine1, addressLine2, pincode, contactPhone

	@Test
	void centresAreCreatedAndEditedFromThePanelsForm() {
		var created = http.post("/mibo/api/centres", Map.of("name", MiboPeople.unique("Mibo "), "city", "bangalore",
				"addressLine1", "12 MG Road", "addressLine2", "Indiranagar", "pincode", "560038", "contactPhone",
				"+918012345678")).token(admin).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(keys(created.data())).containsExactly(MiboCentreTests.CENTRE_KEYS);
		assertThat(created.data().path("address").asString()).isEqualTo("12 MG Road, Indiranagar");
		assertThat(created.data().path("pincode").asString()).isEqualTo("560038");
		assertThat(created.data().path("phone").asString()).isEqualTo("+918012345678");
		long id = created.data().path("id").asLong();

		var edited = http.put("/mibo/api/centres/" + id, Map.of("name", "Mibo Indiranagar", "city", "bangalore",
				"addressLine1", "14 MG Road", "addressLine2", "", "pincode", "560038", "contactPhone", "+918012340000"))
			.token(admin).send();
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.data().path("address").asString()).isEqualTo("14 MG Road");
		assertThat(edited.data().path("pincode").asString()).isEqualTo("560038");
		assertThat(edited.data().path("phone").asString()).isEqualTo("+918012340000");

		// the pincode alone changes; a second line alone cannot replace the address; a pincode is a postal code
		var moved = http.put("/mibo/api/centres/" + id, Map.of("pincode", "560001")).token(admin).send();
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.data().path("pincode").asString()).isEqualTo("560001");
		assertThat(moved.data().path("address").asString()).isEqualTo("14 MG Road");
		assertThat(http.get("/mibo/api/centres/" + id).token(admin).send().data().path("pincode").asString())
			.isEqualTo("560001");
		assertValidation(http.put("/mibo/api/centres/" + id, Map.of("addressLine2", "Indiranagar")).token(admin).send(),
				"addressLine1", "Address is required with addressLine2");
		assertValidation(http.put("/mibo/api/centres/" + id, Map.of("pincode", "560 001; DROP")).token(admin).send(),
				"pincode", "Pincode must be at most 12 letters, digits, spaces or hyphens");
		assertValidation(http.post("/mibo/api/centres", Map.of("name", "Mibo X", "city", "kochi", "location", "x"))
			.token(admin).send(), "location", "Unknown field");
		assertForbidden(http.post("/mibo/api/centres", Map.of("location", 1)).token(mibo.staff(6).token()).send());
	}

	// GET /api/analytics/dashboard, /top-doctors, /leads-by-source: the panel's tiles, card and chart

	@Test
	void theDashboardAnswersThePanelsFigures() {
		// a centre of its own, so that the clinician is in its top doctors whatever other tests booked
		var centre = clinic.centre("Top " + System.nanoTime());
		var clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
		book.book(io.polyclinic.scheduling.AppointmentRequest.onGrid(io.polyclinic.platform.Ref.id(given.patient().id()),
				io.polyclinic.platform.Ref.id(clinician.id()), centre.id(), AppointmentFixture.weekday(DayOfWeek.MONDAY),
				java.time.LocalTime.of(10, 0), io.polyclinic.scheduling.SessionType.IN_PERSON), clinic.admin());

		var dashboard = http.get("/mibo/api/analytics/dashboard").token(admin).send();
		assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
		assertThat(dashboard.data().path("activeDoctors").asLong())
			.isEqualTo(dashboard.data().path("totalDoctors").asLong()).isPositive();
		assertThat(dashboard.data().path("followUpsBooked").asLong())
			.isEqualTo(dashboard.data().path("totalFollowUps").asLong());

		var top = http.get("/mibo/api/analytics/top-doctors?limit=100&centreId=" + centre.id()).token(admin).send();
		assertThat(top.status()).as(top.toString()).isEqualTo(200);
		JsonNode doctor = null;
		for (JsonNode d : top.data()) {
			if (d.path("id").asLong() == clinician.id()) {
				doctor = d;
			}
		}
		assertThat(doctor).as(top.toString()).isNotNull();
		assertThat(keys(doctor)).containsExactly("avatar", "averageRating", "clinicianId", "clinicianName", "id",
				"name", "patientCount", "specialty", "totalAppointments", "totalRevenue");
		assertThat(doctor.path("name").asString()).isEqualTo(clinician.fullName());
		assertThat(doctor.path("specialty").asString()).isEqualTo("Clinical Psychologist");
		assertThat(doctor.path("patientCount").asLong()).isEqualTo(doctor.path("totalAppointments").asLong())
			.isEqualTo(1);

		var leads = http.get("/mibo/api/analytics/leads-by-source").token(admin).send();
		assertThat(leads.status()).as(leads.toString()).isEqualTo(200);
		assertThat(leads.data().size()).isPositive();
		for (JsonNode lead : leads.data()) {
			assertThat(keys(lead)).containsExactly("color", "count", "label", "percentage", "source", "value");
			assertThat(lead.path("label").asString()).isEqualTo(lead.path("source").asString());
			assertThat(lead.path("value").asLong()).isEqualTo(lead.path("count").asLong());
			assertThat(lead.path("color").asString()).matches("#[0-9a-f]{6}");
		}
		assertForbidden(http.get("/mibo/api/analytics/top-doctors?limit=abc").token(mibo.staff(6).token()).send());
	}

	// GET /api/appointments: the panel's snake_case row

	@Test
	void theAppointmentListCarriesThePanelsRow() {
		var clinician = given.clinician();
		var patient = given.patient();
		LocalDate monday = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		var booked = given.book(patient, clinician, monday, 11);

		var res = http.get("/mibo/api/appointments?clinicianId=" + clinician.id()).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		JsonNode row = res.data().get(0);
		assertThat(row.path("patient_id").asLong()).isEqualTo(patient.id());
		assertThat(row.path("patient_name").asString()).isEqualTo(row.path("patientName").asString()).isNotBlank();
		assertThat(row.path("patient_phone").asString()).isNotBlank();
		assertThat(row.path("clinician_id").asLong()).isEqualTo(clinician.id());
		assertThat(row.path("clinician_name").asString()).isEqualTo(clinician.fullName());
		assertThat(row.path("centre_id").isNull()).isTrue();
		assertThat(row.path("appointment_type").asString()).isEqualTo("ONLINE");
		// 11:00 in Kolkata is 05:30 UTC
		assertThat(row.path("scheduled_start_at").asString()).isEqualTo(monday + "T05:30:00Z");
		assertThat(row.path("scheduledStartAt").asString()).isEqualTo(monday + "T05:30:00Z");
		assertThat(row.path("scheduled_end_at").asString()).isEqualTo(monday + "T06:30:00Z");
		assertThat(row.path("duration_minutes").asInt()).isEqualTo(60);
		assertThat(row.path("created_at").asString()).endsWith("Z");
		assertThat(row.path("id").asLong()).isEqualTo(booked.id());
	}

	// GET /api/booking/clinician-slots: the booking wizard's and the clinician page's range of slots

	@Test
	void theWizardGetsTheClinicianSlotsOfARange() {
		Clinician clinician = given.clinician();
		LocalDate monday = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		given.book(given.patient(), clinician, monday, 10);
		String path = "/mibo/api/booking/clinician-slots?clinicianId=" + clinician.id() + "&startDate=" + monday
				+ "&endDate=" + monday.plusDays(6);

		// anonymous, as the original had it
		var res = http.get(path).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		// 09:00-17:00 Monday to Friday, an hour each: 8 slots on 5 days
		assertThat(res.data().size()).isEqualTo(40);
		JsonNode first = res.data().get(0);
		assertThat(keys(first)).containsExactly("centreId", "clinicianId", "date", "endTime", "mode", "startTime",
				"status");
		assertThat(first.path("date").asString()).isEqualTo(monday.toString());
		assertThat(first.path("startTime").asString()).isEqualTo("09:00");
		assertThat(first.path("endTime").asString()).isEqualTo("10:00");
		assertThat(first.path("status").asString()).isEqualTo("available");
		assertThat(first.path("mode").asString()).isEqualTo("ONLINE");
		assertThat(first.path("clinicianId").asLong()).isEqualTo(clinician.id());
		assertThat(res.data().get(1).path("status").asString()).isEqualTo("booked");
		assertThat(res.data().get(39).path("date").asString()).isEqualTo(monday.plusDays(4).toString());

		String base = "/mibo/api/booking/clinician-slots?clinicianId=" + clinician.id();
		assertValidation(http.get(base + "&startDate=15-03-2024&endDate=" + monday).send(), "startDate",
				"Must be a date as YYYY-MM-DD");
		assertValidation(http.get(base + "&startDate=" + monday + "&endDate=" + monday.minusDays(1)).send(),
				"endDate", "Must not be before startDate");
		assertValidation(http.get(base + "&startDate=" + monday + "&endDate=" + monday.plusDays(93)).send(),
				"endDate", "At most 93 days at once");
		assertValidation(http.get("/mibo/api/booking/clinician-slots?startDate=" + monday + "&endDate=" + monday)
			.send(), "clinicianId", "is required");
		var unknown = http.get("/mibo/api/booking/clinician-slots?clinicianId=999999&startDate=" + monday
				+ "&endDate=" + monday).send();
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
	}

	// a path that matches no route is 404, even where it looks like /{id}

	// POST /api/booking/front-desk as the wizard sends it: appointmentType, patientEmail; it reads appointment.id

	@Test
	void theWizardBooksAWalkInWithTheirEmailAndReadsTheAppointment() {
		Centre centre = clinic.centre("Thrissur");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		String phone = io.polyclinic.support.Phones.newPhone();
		Map<String, Object> body = new HashMap<>(Map.of("clinicianId", clinician.id(), "centreId", centre.id(),
				"patientPhone", phone, "patientName", "Walk In", "patientEmail", "walk.in@example.com",
				"appointmentType", "IN_PERSON", "appointmentDate", day.toString(), "appointmentTime", "10:00",
				"notes", "Anxious"));
		String frontDesk = given.staffToken(Role.FRONT_DESK);

		var res = http.post("/mibo/api/booking/front-desk", body).token(frontDesk).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		JsonNode appointment = res.data().path("appointment");
		assertThat(keys(appointment)).containsExactly("appointmentType", "durationMinutes", "id", "notes",
				"scheduledEndAt", "scheduledStartAt", "status");
		assertThat(appointment.path("id").asLong()).isEqualTo(res.data().path("appointmentId").asLong());
		assertThat(appointment.path("appointmentType").asString()).isEqualTo("IN_PERSON");
		JsonNode patient = res.data().path("patient");
		assertThat(keys(patient)).containsExactly("email", "id", "name", "phone");
		assertThat(patient.path("email").asString()).isEqualTo("walk.in@example.com");
		assertThat(patient.path("name").asString()).isEqualTo("Walk In");
		assertThat(res.data().path("isNewPatient").asBoolean()).isTrue();

		body.put("appointmentTime", "11:00");
		body.put("patientEmail", "not-an-email");
		assertValidation(http.post("/mibo/api/booking/front-desk", body).token(frontDesk).send(), "patientEmail",
				"Invalid email address");
		body.put("patientEmail", "walk.in@example.com");
		body.put("referrer", "google");
		assertValidation(http.post("/mibo/api/booking/front-desk", body).token(frontDesk).send(), "referrer",
				"Unknown field");
		body.remove("referrer");
		assertForbidden(http.post("/mibo/api/booking/front-desk", body).token(given.token(clinician)).send());
	}

	@Test
	void aPathOfNoRouteIsNotFound() {
		for (String path : new String[] { "/mibo/api/centres/abc/xyz", "/mibo/api/users/12/x",
				"/mibo/api/appointments/1/nothing/here" }) {
			var res = http.get(path).token(admin).send();
			assertThat(res.status()).as(path + " " + res).isEqualTo(404);
			assertThat(res.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
		}
		var anonymous = http.get("/mibo/api/centres/abc/xyz").send();
		assertThat(anonymous.status()).as(anonymous.toString()).isIn(401, 404);
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}
}
