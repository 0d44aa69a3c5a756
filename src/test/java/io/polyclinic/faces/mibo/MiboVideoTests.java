package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.identity.SignIn;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

class MiboVideoTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	Accounts accounts;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;

	MiboClient mibo;
	Clinician clinician;
	Patient patient;
	Appointment appointment;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		clinician = clinic.clinician(null, "Asia/Kolkata");
		patient = clinic.patient();
		appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY), LocalTime.of(10, 0)),
				SessionType.ONLINE, null, null), clinic.admin()).appointment();
	}

	/** A signed-in account of the role, opened through the identity module (the staff API is another face's work). */
	String token(Role role) {
		String phone = MiboClient.newPhone();
		var account = accounts.open(new NewAccount("Staff " + phone, null, null, phone, "SecurePassword123", role));
		return sessions.start(account.id()).tokens().accessToken();
	}

	String tokenOf(long userId) {
		return sessions.start(userId).tokens().accessToken();
	}

	Http.Res generate(String token, long appointmentId) {
		return http.post("/mibo/api/video/generate-meet-link", Map.of("appointmentId", appointmentId, "summary",
				"Consultation with " + clinician.fullName(), "startTime", "2030-03-15T10:00:00Z", "endTime",
				"2030-03-15T11:00:00Z")).token(token).send();
	}

	String meetLinkPath(long appointmentId) {
		return "/mibo/api/video/appointment/" + appointmentId + "/meet-link";
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("success").asBoolean()).isFalse();
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	@Test
	void generatingAMeetLinkAnswersTheLinkAndTheEventId() {
		var res = generate(token(Role.FRONT_DESK), appointment.id());

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("data", "message", "success");
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(keys(res.data())).containsExactly("eventId", "meetLink");
		String link = res.data().path("meetLink").asString();
		assertThat(link).contains("/video/rooms/").endsWith("/" + res.data().path("eventId").asString());

		var again = generate(mibo.adminToken(), appointment.id());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().path("meetLink").asString()).isNotEqualTo(link);
	}

	@Test
	void generatingRefusesMissingAndMalformedFieldsAndUnknownAppointments() {
		String token = token(Role.CARE_COORDINATOR);

		var missing = http.post("/mibo/api/video/generate-meet-link", Map.of("summary", "x")).token(token).send();
		assertError(missing, 400, "VALIDATION_ERROR");
		assertThat(missing.json().path("error").path("details").path("appointmentId").asString())
			.isEqualTo("Appointment ID is required");

		var badTime = http.post("/mibo/api/video/generate-meet-link", Map.of("appointmentId", appointment.id(),
				"startTime", "tomorrow at ten", "endTime", "2030-03-15T11:00:00Z")).token(token).send();
		assertError(badTime, 400, "VALIDATION_ERROR");
		assertThat(keys(badTime.json().path("error").path("details"))).containsExactly("startTime");

		var backwards = http.post("/mibo/api/video/generate-meet-link", Map.of("appointmentId", appointment.id(),
				"startTime", "2030-03-15T11:00:00Z", "endTime", "2030-03-15T10:00:00Z")).token(token).send();
		assertError(backwards, 400, "VALIDATION_ERROR");
		assertThat(keys(backwards.json().path("error").path("details"))).containsExactly("endTime");

		var unknown = generate(token, Long.MAX_VALUE);
		assertError(unknown, 404, "NOT_FOUND");
		assertThat(unknown.json().path("error").path("message").asString()).isEqualTo("Appointment not found");
	}

	@Test
	void onlySchedulingStaffGenerateLinks() {
		assertError(generate(tokenOf(clinician.userId()), appointment.id()), 403, "FORBIDDEN");
		assertError(generate(tokenOf(patient.userId()), appointment.id()), 403, "FORBIDDEN");
		assertError(generate(token(Role.SECRETARY), appointment.id()), 403, "FORBIDDEN");
		assertError(http.post("/mibo/api/video/generate-meet-link", Map.of("appointmentId", appointment.id())).send(),
				401, "UNAUTHORIZED");
	}

	@Test
	void theLinkIsShownToStaffToTheAppointmentsPatientAndToItsClinicianOnly() {
		String link = generate(token(Role.FRONT_DESK), appointment.id()).data().path("meetLink").asString();

		for (String token : new String[] { tokenOf(patient.userId()), tokenOf(clinician.userId()), token(Role.FRONT_DESK) }) {
			var res = http.get(meetLinkPath(appointment.id())).token(token).send();
			assertThat(res.status()).as(res.toString()).isEqualTo(200);
			assertThat(keys(res.json())).containsExactly("data", "success");
			assertThat(keys(res.data())).containsExactly("meetLink");
			assertThat(res.data().path("meetLink").asString()).isEqualTo(link);
		}
		assertError(http.get(meetLinkPath(appointment.id())).token(tokenOf(clinic.patient().userId())).send(), 403,
				"FORBIDDEN");
		var otherClinician = clinic.clinician(null, "Asia/Kolkata");
		assertError(http.get(meetLinkPath(appointment.id())).token(tokenOf(otherClinician.userId())).send(), 403,
				"FORBIDDEN");
	}

	@Test
	void anAppointmentWithoutALinkOrWithoutExistenceIsNotFound() {
		var none = http.get(meetLinkPath(appointment.id())).token(tokenOf(patient.userId())).send();
		assertError(none, 404, "NOT_FOUND");
		assertThat(none.json().path("error").path("message").asString()).isEqualTo("Meeting link not found");

		var missing = http.get(meetLinkPath(Long.MAX_VALUE)).token(mibo.adminToken()).send();
		assertError(missing, 404, "NOT_FOUND");
		assertThat(missing.json().path("error").path("message").asString()).isEqualTo("Appointment not found");

		assertError(http.get("/mibo/api/video/appointment/abc/meet-link").token(mibo.adminToken()).send(), 400,
				"VALIDATION_ERROR");
	}

	@Test
	void managersSetALinkByHandAndItMustBeHttps() {
		String manager = token(Role.MANAGER);

		var res = http.put(meetLinkPath(appointment.id()), Map.of("meetLink", "https://meet.google.com/new-link-xyz"))
			.token(manager).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("data", "message", "success");
		assertThat(keys(res.data())).containsExactly("meetLink");
		assertThat(res.data().path("meetLink").asString()).isEqualTo("https://meet.google.com/new-link-xyz");
		assertThat(http.get(meetLinkPath(appointment.id())).token(tokenOf(patient.userId())).send().data()
			.path("meetLink").asString()).isEqualTo("https://meet.google.com/new-link-xyz");

		var plain = http.put(meetLinkPath(appointment.id()), Map.of("meetLink", "http://meet.google.com/abc"))
			.token(manager).send();
		assertError(plain, 400, "VALIDATION_ERROR");
		assertThat(plain.json().path("error").path("details").path("meetLink").asString()).isEqualTo("Must be an https URL");
		var blank = http.put(meetLinkPath(appointment.id()), Map.of("meetLink", " ")).token(manager).send();
		assertError(blank, 400, "VALIDATION_ERROR");
		assertThat(blank.json().path("error").path("details").path("meetLink").asString()).isEqualTo("Meet link is required");
		assertError(http.put(meetLinkPath(Long.MAX_VALUE), Map.of("meetLink", "https://meet.google.com/x"))
			.token(manager).send(), 404, "NOT_FOUND");
	}

	@Test
	void coordinatorsAndFrontDeskNeitherSetNorDeleteLinks() {
		generate(token(Role.FRONT_DESK), appointment.id());

		for (Role role : new Role[] { Role.CARE_COORDINATOR, Role.FRONT_DESK }) {
			assertError(http.put(meetLinkPath(appointment.id()), Map.of("meetLink", "https://meet.google.com/x"))
				.token(token(role)).send(), 403, "FORBIDDEN");
			assertError(http.delete(meetLinkPath(appointment.id())).token(token(role)).send(), 403, "FORBIDDEN");
		}
		assertError(http.delete(meetLinkPath(appointment.id())).token(tokenOf(patient.userId())).send(), 403,
				"FORBIDDEN");
	}

	@Test
	void aCentreManagerDeletesTheLinkAndThenThereIsNone() {
		generate(token(Role.FRONT_DESK), appointment.id());
		String centreManager = token(Role.CENTRE_MANAGER);

		var res = http.delete(meetLinkPath(appointment.id())).token(centreManager).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("message", "success");
		assertThat(res.json().path("message").asString()).isEqualTo("Meet link deleted successfully");
		assertError(http.get(meetLinkPath(appointment.id())).token(centreManager).send(), 404, "NOT_FOUND");
		var again = http.delete(meetLinkPath(appointment.id())).token(centreManager).send();
		assertError(again, 404, "NOT_FOUND");
		assertThat(again.json().path("error").path("message").asString()).isEqualTo("Meeting link not found");
	}

	@Test
	void administratorsListLinksFilteredByCreationDayAndProvider() {
		String url = "https://video.example.org/room/" + appointment.id();
		http.put(meetLinkPath(appointment.id()), Map.of("meetLink", url)).token(token(Role.ADMIN)).send();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String window = "startDate=" + today.minusDays(1) + "&endDate=" + today.plusDays(1);

		var res = http.get("/mibo/api/video/links?" + window + "&provider=custom&limit=100").token(token(Role.MANAGER))
			.send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("data", "success");
		assertThat(res.data().isArray()).isTrue();
		Map<Long, JsonNode> byAppointment = new HashMap<>();
		res.data().forEach(item -> byAppointment.put(item.path("appointmentId").asLong(), item));
		JsonNode mine = byAppointment.get(appointment.id());
		assertThat(mine).as(res.toString()).isNotNull();
		assertThat(keys(mine)).containsExactly("appointmentId", "createdAt", "meetLink", "provider");
		assertThat(mine.path("meetLink").asString()).isEqualTo(url);
		assertThat(mine.path("provider").asString()).isEqualTo("custom");
		assertThat(mine.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
		res.data().forEach(item -> assertThat(item.path("provider").asString()).isEqualTo("custom"));

		var earlier = http.get("/mibo/api/video/links?startDate=2020-01-01&endDate=2020-01-31").token(mibo.adminToken())
			.send();
		assertThat(earlier.status()).isEqualTo(200);
		assertThat(earlier.data().size()).isZero();
		var one = http.get("/mibo/api/video/links?limit=1").token(mibo.adminToken()).send();
		assertThat(one.data().size()).isEqualTo(1);
	}

	@Test
	void theLinkListRefusesBadFiltersAndCentreManagers() {
		String admin = mibo.adminToken();

		var badDate = http.get("/mibo/api/video/links?startDate=15-03-2024").token(admin).send();
		assertError(badDate, 400, "VALIDATION_ERROR");
		assertThat(badDate.json().path("error").path("details").path("startDate").asString())
			.isEqualTo("Must be a date as YYYY-MM-DD");
		assertError(http.get("/mibo/api/video/links?startDate=2024-03-31&endDate=2024-03-01").token(admin).send(), 400,
				"VALIDATION_ERROR");
		assertError(http.get("/mibo/api/video/links?provider=zoom").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/video/links?limit=0").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/video/links?limit=101").token(admin).send(), 400, "VALIDATION_ERROR");
		assertError(http.get("/mibo/api/video/links").token(token(Role.CENTRE_MANAGER)).send(), 403, "FORBIDDEN");
		assertError(http.get("/mibo/api/video/links").token(tokenOf(clinician.userId())).send(), 403, "FORBIDDEN");
	}
}
