package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertForbidden;
import static io.polyclinic.faces.mibo.MiboAppointmentTests.assertValidation;
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
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.notify.Channel;
import io.polyclinic.notify.Message;
import io.polyclinic.notify.MessageKind;
import io.polyclinic.notify.Messenger;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/**
 * The patient website's dialect (NithinNazar/mibo-alt-v2 against the original backend), served beside mibo.md:
 * the calls it makes, the fields it reads, the inputs it sends under its own names.
 */
class MiboPatientSiteTests extends ApiTest {

	static final List<String> PUBLIC_CLINICIAN = List.of("bio", "consultationFee", "consultationModes",
			"defaultConsultationDurationMinutes", "defaultDurationMinutes", "fullName", "id", "isActive", "languages",
			"primaryCentreId", "primaryCentreName", "profilePictureUrl", "qualification", "specialization", "userId",
			"yearsOfExperience");

	static final List<String> PUBLIC_CENTRE = List.of("address", "address_line_1", "address_line_2", "city",
			"contact_phone", "id", "isActive", "is_active", "name", "phone", "pincode");

	static final List<String> SITE_LOGIN = List.of("accessToken", "isNewUser", "patient", "refreshToken",
			"requiresProfileCompletion", "user");

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;
	@Autowired
	Accounts accounts;
	@Autowired
	Messenger messenger;

	MiboClient mibo;
	MiboPeople people;
	AppointmentFixture given;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		people = new MiboPeople(http, mibo);
		given = new AppointmentFixture(clinic, staff, sessions, book, mibo);
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	/** The website's phone: country code and number, no {@code +}. */
	static String sitePhone(String phone) {
		return phone.replace("+", "");
	}

	// GET /api/users/clinicians, /api/users/clinicians/{id}

	@Test
	void theExpertListIsPublicWithTheCentresNameAndNoContactDetails() {
		Centre centre = clinic.centre("Bangalore");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());

		var anonymous = http.get("/mibo/api/users/clinicians?isActive=true&limit=100&centreId=" + centre.id()).send();
		var signedIn = http.get("/mibo/api/users/clinicians?isActive=true&centreId=" + centre.id())
			.token(given.token(given.patient())).send();

		for (Http.Res res : List.of(anonymous, signedIn)) {
			assertThat(res.status()).as(res.toString()).isEqualTo(200);
			assertThat(res.data().size()).isEqualTo(1);
			JsonNode c = res.data().get(0);
			assertThat(keys(c)).containsExactlyElementsOf(PUBLIC_CLINICIAN);
			assertThat(c.path("id").asLong()).isEqualTo(clinician.id());
			assertThat(c.path("fullName").asString()).isEqualTo(clinician.fullName());
			assertThat(c.path("primaryCentreId").asLong()).isEqualTo(centre.id());
			assertThat(c.path("primaryCentreName").asString()).isEqualTo(centre.name());
			assertThat(c.path("consultationFee").asLong()).isEqualTo(1500);
			assertThat(c.path("defaultDurationMinutes").asInt()).isEqualTo(60);
			assertThat(c.path("isActive").asBoolean()).isTrue();
			assertThat(c.path("specialization").get(0).asString()).isEqualTo("Clinical Psychologist");
			assertThat(c.path("consultationModes").toString()).isEqualTo("[\"IN_PERSON\",\"ONLINE\"]");
		}
	}

	@Test
	void oneExpertIsPublicAndAnUnlistedOneIsNotFound() {
		Centre centre = clinic.centre("Kochi");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());

		var res = http.get("/mibo/api/users/clinicians/" + clinician.id()).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactlyElementsOf(PUBLIC_CLINICIAN);
		assertThat(res.data().path("primaryCentreName").asString()).isEqualTo(centre.name());

		var off = http.patch("/mibo/api/clinicians/" + clinician.id() + "/toggle-active").token(people.admin()).send();
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertError(http.get("/mibo/api/users/clinicians/" + clinician.id()).send(), 404, "NOT_FOUND");
		assertThat(http.get("/mibo/api/users/clinicians?centreId=" + centre.id()).send().data().size()).isZero();
		assertError(http.get("/mibo/api/users/clinicians/987654321").send(), 404, "NOT_FOUND");
		assertValidation(http.get("/mibo/api/users/clinicians/abc").send(), "id");
	}

	@Test
	void onlyActiveExpertsAreListedPublicly() {
		assertValidation(http.get("/mibo/api/users/clinicians?isActive=false").send(), "isActive");
	}

	// GET /api/centres, /api/centres/{id} without a token

	@Test
	void aCentreIsPublicWithoutATokenInTheWebsitesNamesAndWithoutItsEmail() {
		long centre = people.centre("Mumbai");

		var anonymous = http.get("/mibo/api/centres/" + centre).send();

		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
		assertThat(keys(anonymous.data())).containsExactlyElementsOf(PUBLIC_CENTRE);
		assertThat(anonymous.data().path("address").asString()).isEqualTo("1 Main Road");
		assertThat(anonymous.data().path("address_line_1").asString()).isEqualTo("1 Main Road");
		assertThat(anonymous.data().path("address_line_2").isNull()).isTrue();
		assertThat(anonymous.data().path("pincode").isNull()).isTrue();
		assertThat(anonymous.data().path("contact_phone").asString()).isEqualTo("+918012345678");
		assertThat(anonymous.data().path("is_active").asBoolean()).isTrue();
		// with a token, mibo.md's centre as before
		var staffView = http.get("/mibo/api/centres/" + centre).token(people.admin()).send();
		assertThat(keys(staffView.data())).contains("email").doesNotContain("address_line_1");

		// the list stays mibo.md's, for signed-in callers only
		assertError(http.get("/mibo/api/centres?city=Mumbai").send(), 401, "UNAUTHORIZED");

		http.patch("/mibo/api/centres/" + centre + "/toggle-active").token(people.admin()).send();
		assertError(http.get("/mibo/api/centres/" + centre).send(), 404, "NOT_FOUND");
		assertError(http.get("/mibo/api/centres/" + centre).token("not-a-token").send(), 401, "INVALID_TOKEN");
	}

	// GET /api/booking/available-slots (slots), /api/booking/dates-with-slots

	@Test
	void theDaysSlotsCarryTheWebsitesStartAndEndTimes() {
		var clinician = given.clinician();
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.THURSDAY);
		given.book(given.patient(), clinician, day, 9);

		var res = http.get("/mibo/api/booking/available-slots?clinicianId=" + clinician.id() + "&centreId=1&date="
				+ day).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		JsonNode slots = res.data().path("slots");
		assertThat(slots.size()).isEqualTo(res.data().path("availableSlots").size()).isEqualTo(8);
		assertThat(keys(slots.get(0))).containsExactly("available", "endTime", "startTime");
		assertThat(slots.get(0).path("startTime").asString()).isEqualTo("09:00");
		assertThat(slots.get(0).path("endTime").asString()).isEqualTo("10:00");
		assertThat(slots.get(0).path("available").asBoolean()).isFalse();
		assertThat(slots.get(7).path("startTime").asString()).isEqualTo("16:00");
		assertThat(slots.get(7).path("available").asBoolean()).isTrue();
	}

	@Test
	void theCalendarsDaysWithFreeSlotsArePublic() {
		var clinician = given.clinician();
		LocalDate monday = AppointmentFixture.weekday(DayOfWeek.MONDAY);
		given.book(given.patient(), clinician, monday, 9);
		String path = "/mibo/api/booking/dates-with-slots?clinicianId=" + clinician.id() + "&centreId=1";

		var res = http.get(path + "&startDate=" + monday + "&endDate=" + monday.plusDays(6)).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(res.data().size()).isEqualTo(5);
		assertThat(keys(res.data().get(0))).containsExactly("date", "firstSlot", "slotCount");
		assertThat(res.data().get(0).path("date").asString()).isEqualTo(monday.toString());
		assertThat(res.data().get(0).path("slotCount").asInt()).isEqualTo(7);
		assertThat(res.data().get(0).path("firstSlot").asString()).isEqualTo("10:00");
		assertThat(res.data().get(1).path("firstSlot").asString()).isEqualTo("09:00");
		assertThat(res.data().get(4).path("date").asString()).isEqualTo(monday.plusDays(4).toString());

		assertValidation(http.get(path + "&startDate=" + monday).send(), "endDate");
		assertValidation(http.get(path + "&startDate=" + monday + "&endDate=" + monday.minusDays(1)).send(),
				"endDate");
		assertValidation(http.get(path + "&startDate=" + monday + "&endDate=" + monday.plusDays(120)).send(),
				"endDate");
		assertValidation(http.get(path + "&startDate=soon&endDate=" + monday).send(), "startDate");
		assertError(http.get("/mibo/api/booking/dates-with-slots?clinicianId=987654321&startDate=" + monday
				+ "&endDate=" + monday).send(), 404, "NOT_FOUND");
	}

	// POST /api/patient-auth/send-otp, verify-otp (the website's sign-up), login-with-password

	@Test
	void theWebsiteSignsUpByCodeWithItsOwnFieldsAndReadsUser() {
		String phone = MiboClient.newPhone();

		var sent = http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", sitePhone(phone))).send();

		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(keys(sent.data())).containsExactly("expiresIn", "isNewUser", "phone");
		assertThat(sent.data().path("phone").asString()).isEqualTo(phone);
		assertThat(sent.data().path("isNewUser").asBoolean()).isTrue();

		var body = new HashMap<String, Object>(Map.of("phone", sitePhone(phone), "otp", mibo.lastCode(phone),
				"first_name", "Asha", "last_name", "Rao", "email", "asha.rao@example.test", "age", 34, "gender",
				"NON_BINARY"));
		var res = http.post("/mibo/api/patient-auth/verify-otp", body).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactlyElementsOf(SITE_LOGIN);
		assertThat(res.data().path("isNewUser").asBoolean()).isTrue();
		assertThat(res.data().path("requiresProfileCompletion").asBoolean()).isFalse();
		JsonNode user = res.data().path("user");
		assertThat(keys(user)).containsExactly("email", "firstName", "fullName", "id", "lastName", "phone",
				"userType");
		assertThat(user.path("fullName").asString()).isEqualTo("Asha Rao");
		assertThat(user.path("firstName").asString()).isEqualTo("Asha");
		assertThat(user.path("lastName").asString()).isEqualTo("Rao");
		assertThat(user.path("phone").asString()).isEqualTo(phone);
		assertThat(user.path("userType").asString()).isEqualTo("PATIENT");
		JsonNode patient = res.data().path("patient");
		assertThat(keys(patient)).containsExactly("age", "bloodGroup", "dateOfBirth", "email", "fullName", "gender",
				"id", "isNewUser", "phone");
		assertThat(patient.path("gender").asString()).isEqualTo("OTHER");
		assertThat(patient.path("email").asString()).isEqualTo("asha.rao@example.test");
		assertThat(patient.path("age").isNull()).isTrue();

		// the token works on the patient's own pages
		var me = http.get("/mibo/api/patient-auth/me").token(res.data().path("accessToken").asString()).send();
		assertThat(me.data().path("fullName").asString()).isEqualTo("Asha Rao");

		// signing in again: not new, and the details sent again change nothing
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", sitePhone(phone))).send();
		body.putAll(Map.of("otp", mibo.lastCode(phone), "first_name", "Someone", "last_name", "Else"));
		var again = http.post("/mibo/api/patient-auth/verify-otp", body).send();
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.data().path("isNewUser").asBoolean()).isFalse();
		assertThat(again.data().path("user").path("fullName").asString()).isEqualTo("Asha Rao");
		assertThat(again.data().path("patient").path("id").asLong()).isEqualTo(patient.path("id").asLong());
	}

	@Test
	void aBadSignUpFieldIsNamedAndDoesNotSpendTheCode() {
		String phone = MiboClient.newPhone();
		http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", sitePhone(phone))).send();
		String code = mibo.lastCode(phone);

		var badGender = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", sitePhone(phone), "otp", code,
				"first_name", "Asha", "last_name", "Rao", "gender", "robot")).send();
		var badAge = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", sitePhone(phone), "otp", code,
				"first_name", "Asha", "last_name", "Rao", "age", 0)).send();
		var badEmail = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", sitePhone(phone), "otp", code,
				"first_name", "Asha", "email", "not-an-email")).send();

		assertValidation(badGender, "gender");
		assertValidation(badAge, "age");
		assertValidation(badEmail, "email");
		var ok = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", sitePhone(phone), "otp", code,
				"first_name", "Asha", "last_name", "Rao", "gender", "female")).send();
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		assertThat(ok.data().path("patient").path("gender").asString()).isEqualTo("FEMALE");
	}

	@Test
	void aPatientWithAPasswordSignsInByUsernameEmailOrPhoneAndStaffCannot() {
		Patient patient = given.patient();
		String username = "pt" + Long.toString(System.nanoTime(), 36);
		accounts.change(patient.userId(),
				new AccountChanges(null, username + "@example.test", null, username, "Patient123!", null));

		for (String login : List.of(username, username + "@example.test", sitePhone(patient.phone()))) {
			var res = http.post("/mibo/api/patient-auth/login-with-password",
					Map.of("username", login, "password", "Patient123!")).send();
			assertThat(res.status()).as(login + " " + res).isEqualTo(200);
			assertThat(res.json().path("message").asString()).isEqualTo("Login successful");
			assertThat(keys(res.data())).containsExactlyElementsOf(SITE_LOGIN);
			assertThat(res.data().path("isNewUser").asBoolean()).isFalse();
			assertThat(res.data().path("user").path("id").asLong()).isEqualTo(patient.userId());
			assertThat(res.data().path("patient").path("id").asLong()).isEqualTo(patient.id());
		}

		assertError(http.post("/mibo/api/patient-auth/login-with-password",
				Map.of("username", username, "password", "Wrong123!")).send(), 401, "INVALID_CREDENTIALS");
		// the demo administrator's right password is refused like a wrong one here
		assertError(http.post("/mibo/api/patient-auth/login-with-password",
				Map.of("username", "admin", "password", "Admin123!")).send(), 401, "INVALID_CREDENTIALS");
		assertValidation(http.post("/mibo/api/patient-auth/login-with-password", Map.of("username", username)).send(),
				"password");
	}

	// PUT /api/patient/profile as the website's forms send it

	@Test
	void theProfileTakesTheWebsitesFieldNames() {
		var patient = given.patient();
		String token = given.token(patient);

		var completion = http.put("/mibo/api/patient/profile", Map.of("firstName", "Meera", "lastName", "Nair",
				"dateOfBirth", "1991-02-03", "age", 34, "gender", "NON_BINARY")).token(token).send();
		var settings = http.put("/mibo/api/patient/profile", Map.of("blood_group", "B+", "emergency_contact_name",
				"Ravi Nair", "emergency_contact_phone", "+919812345678")).token(token).send();

		assertThat(completion.status()).as(completion.toString()).isEqualTo(200);
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		var profile = http.get("/mibo/api/patient/profile").token(token).send().data();
		assertThat(profile.path("fullName").asString()).isEqualTo("Meera Nair");
		assertThat(profile.path("dateOfBirth").asString()).isEqualTo("1991-02-03");
		assertThat(profile.path("gender").asString()).isEqualTo("OTHER");
		assertThat(profile.path("bloodGroup").asString()).isEqualTo("B+");
		assertThat(profile.path("emergencyContactName").asString()).isEqualTo("Ravi Nair");
		assertValidation(http.put("/mibo/api/patient/profile", Map.of("age", 200)).token(token).send(), "age");
		assertValidation(http.put("/mibo/api/patient/profile", Map.of("gender", "robot")).token(token).send(),
				"gender");
		assertForbidden(http.put("/mibo/api/patient/profile", Map.of("first_name", "X"))
			.token(given.staffToken(Role.FRONT_DESK)).send());
	}

	// POST /api/booking/create as the website sends it

	@Test
	void theWebsiteBooksWithItsOwnFieldNamesAndReadsTheAppointment() {
		Centre centre = clinic.centre("Bangalore");
		Clinician clinician = clinic.clinician(centre.id(), AppointmentFixture.KOLKATA.getId());
		String token = given.token(given.patient());
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.FRIDAY);
		Map<String, Object> body = new HashMap<>(Map.of("clinicianId", clinician.id(), "centreId", centre.id(),
				"appointmentDate", day.toString(), "appointmentTime", "11:00", "appointmentType", "IN_PERSON",
				"appointmentDateUTC", day + "T05:30:00.000Z", "patientNotes", "  First visit  "));

		var res = http.post("/mibo/api/booking/create", body).token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(201);
		assertThat(keys(res.data())).containsExactly("amount", "appointment", "appointmentId", "paymentOrderId");
		JsonNode appointment = res.data().path("appointment");
		assertThat(keys(appointment)).containsExactly("appointmentType", "durationMinutes", "id", "notes",
				"scheduledEndAt", "scheduledStartAt", "status");
		assertThat(appointment.path("id").asLong()).isEqualTo(res.data().path("appointmentId").asLong());
		assertThat(appointment.path("appointmentType").asString()).isEqualTo("IN_PERSON");
		assertThat(appointment.path("scheduledStartAt").asString()).isEqualTo(day + "T05:30:00Z");
		assertThat(appointment.path("durationMinutes").asInt()).isEqualTo(60);
		assertThat(appointment.path("status").asString()).isEqualTo("PENDING");
		assertThat(appointment.path("notes").asString()).isEqualTo("First visit");
		assertThat(res.data().path("amount").asLong()).isEqualTo(1500);

		body.put("appointmentTime", "12:00");
		body.put("appointmentDateUTC", "tomorrow");
		assertValidation(http.post("/mibo/api/booking/create", body).token(token).send(), "appointmentDateUTC");
		body.remove("appointmentType");
		body.put("appointmentDateUTC", day + "T06:30:00Z");
		assertValidation(http.post("/mibo/api/booking/create", body).token(token).send(), "sessionType");
		assertError(http.post("/mibo/api/booking/create", body).send(), 401, "UNAUTHORIZED");
	}

	// GET /api/patient/dashboard (patient, statistics, the website's names of the upcoming appointments)

	@Test
	void theDashboardGreetsThePatientAndCountsTheirAppointments() {
		var clinician = given.clinician();
		var patient = given.patient();
		String token = given.token(patient);
		LocalDate day = AppointmentFixture.weekday(DayOfWeek.TUESDAY);
		var next = given.book(patient, clinician, day, 14);
		given.book(patient, clinician, day, 15);

		var res = http.get("/mibo/api/patient/dashboard").token(token).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.data())).containsExactly("patient", "recentPayments", "statistics", "totalAppointments",
				"totalSpent", "upcomingAppointments");
		assertThat(keys(res.data().path("patient"))).containsExactly("email", "id", "name", "phone");
		assertThat(res.data().path("patient").path("id").asLong()).isEqualTo(patient.id());
		assertThat(res.data().path("patient").path("name").asString()).isEqualTo(patient.fullName());
		assertThat(res.data().path("patient").path("phone").asString()).isEqualTo(sitePhone(patient.phone()));
		JsonNode statistics = res.data().path("statistics");
		assertThat(keys(statistics)).containsExactly("completedAppointments", "totalAppointments", "totalSpent",
				"upcomingAppointments");
		assertThat(statistics.path("totalAppointments").asLong()).isEqualTo(2);
		assertThat(statistics.path("upcomingAppointments").asLong()).isEqualTo(2);
		assertThat(statistics.path("completedAppointments").asLong()).isZero();
		assertThat(statistics.path("totalSpent").asLong()).isZero();
		JsonNode first = res.data().path("upcomingAppointments").get(0);
		assertThat(keys(first)).containsExactly("appointmentDate", "appointmentTime", "appointment_type",
				"centre_name", "clinicianName", "clinician_name", "duration_minutes", "id", "scheduled_end_at",
				"scheduled_start_at", "sessionType", "status");
		assertThat(first.path("id").asLong()).isEqualTo(next.id());
		assertThat(first.path("clinician_name").asString()).isEqualTo(clinician.fullName());
		assertThat(first.path("appointment_type").asString()).isEqualTo("ONLINE");
		assertThat(first.path("scheduled_start_at").asString()).isEqualTo(next.startsAt().toString());
		assertThat(first.path("duration_minutes").asInt()).isEqualTo(60);
		assertThat(first.path("status").asString()).isEqualTo("PENDING");

		assertError(http.get("/mibo/api/patient/dashboard").send(), 401, "UNAUTHORIZED");
		assertForbidden(http.get("/mibo/api/patient/dashboard").token(given.staffToken(Role.FRONT_DESK)).send());
	}

	// GET /api/patient/notifications, /unread-count, PUT /{id}/read

	@Test
	void aPatientReadsTheirNotificationsAndMarksOneRead() {
		var patient = given.patient();
		String token = given.token(patient);
		var first = messenger.send(new Message(Channel.WHATSAPP, patient.phone(), "Appointment confirmed",
				"Your appointment is confirmed", MessageKind.APPOINTMENT_CONFIRMATION, patient.id(), null, false));
		var second = messenger.send(new Message(Channel.WHATSAPP, patient.phone(), null, "Your appointment is cancelled",
				MessageKind.APPOINTMENT_CANCELLATION, patient.id(), null, false));

		var list = http.get("/mibo/api/patient/notifications").token(token).send();

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(keys(list.data())).containsExactly("notifications", "total", "unread_count");
		assertThat(list.data().path("total").asLong()).isEqualTo(2);
		assertThat(list.data().path("unread_count").asLong()).isEqualTo(2);
		JsonNode newest = list.data().path("notifications").get(0);
		assertThat(keys(newest)).containsExactly("appointment_id", "blocked_slot_id", "created_at", "id", "is_read",
				"message", "metadata", "notification_type", "patient_id", "read_at", "title", "updated_at");
		assertThat(newest.path("id").asLong()).isEqualTo(second.deliveryId());
		assertThat(newest.path("notification_type").asString()).isEqualTo("APPOINTMENT_CANCELLED");
		assertThat(newest.path("title").asString()).isEqualTo("Appointment cancellation");
		assertThat(newest.path("message").asString()).isEqualTo("Your appointment is cancelled");
		assertThat(newest.path("patient_id").asLong()).isEqualTo(patient.id());
		assertThat(newest.path("is_read").asBoolean()).isFalse();
		assertThat(list.data().path("notifications").get(1).path("title").asString())
			.isEqualTo("Appointment confirmed");

		var read = http.put("/mibo/api/patient/notifications/" + first.deliveryId() + "/read", Map.of()).token(token)
			.send();
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(keys(read.json())).containsExactly("message", "success");
		var count = http.get("/mibo/api/patient/notifications/unread-count").token(token).send();
		assertThat(count.status()).as(count.toString()).isEqualTo(200);
		assertThat(keys(count.data())).containsExactly("unread_count");
		assertThat(count.data().path("unread_count").asLong()).isEqualTo(1);
		var unread = http.get("/mibo/api/patient/notifications?unread_only=true&limit=5&offset=0").token(token).send();
		assertThat(unread.data().path("notifications").size()).isEqualTo(1);
		var all = http.get("/mibo/api/patient/notifications").token(token).send();
		assertThat(all.data().path("notifications").get(1).path("is_read").asBoolean()).isTrue();
		assertThat(all.data().path("notifications").get(1).path("read_at").isNull()).isFalse();

		// someone else's notice is not theirs to mark; a bad limit is named; staff and strangers are refused
		String stranger = given.token(given.patient());
		assertError(http.put("/mibo/api/patient/notifications/" + second.deliveryId() + "/read", Map.of())
			.token(stranger).send(), 404, "NOT_FOUND");
		assertThat(http.get("/mibo/api/patient/notifications/unread-count").token(stranger).send().data()
			.path("unread_count").asLong()).isZero();
		assertValidation(http.get("/mibo/api/patient/notifications?limit=0").token(token).send(), "limit");
		String frontDesk = given.staffToken(Role.FRONT_DESK);
		assertForbidden(http.get("/mibo/api/patient/notifications").token(frontDesk).send());
		// the role is checked before the path is read
		assertForbidden(http.put("/mibo/api/patient/notifications/abc/read", Map.of()).token(frontDesk).send());
		assertValidation(http.put("/mibo/api/patient/notifications/abc/read", Map.of()).token(token).send(),
				"notificationId");
		assertError(http.get("/mibo/api/patient/notifications/unread-count").send(), 401, "UNAUTHORIZED");
	}
}
