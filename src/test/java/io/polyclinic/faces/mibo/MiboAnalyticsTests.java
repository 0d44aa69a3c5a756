package io.polyclinic.faces.mibo;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.analytics.AnalyticsFigures;
import io.polyclinic.analytics.KeptFigures;
import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
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

class MiboAnalyticsTests extends ApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	static final String[] ENDPOINTS = { "/mibo/api/analytics/dashboard", "/mibo/api/analytics/top-doctors",
			"/mibo/api/analytics/revenue", "/mibo/api/analytics/leads-by-source" };

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;
	@Autowired
	Accounts accounts;
	@Autowired
	SignIn signIn;
	@Autowired
	io.polyclinic.identity.accounts.VerifiedSessions sessions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	AnalyticsFigures figures;
	@Autowired
	StaffRegistry staff;

	Centre centre;
	Clinician busy;
	Clinician quiet;
	String manager;

	/**
	 * A centre of this test's own: one clinician with two appointments (one paid ₹1,500.50, reviewed 5 and 4), one
	 * with one appointment and no review; a Website patient and a WhatsApp one.
	 */
	@BeforeEach
	void setUp() {
		centre = clinic.centre("Indore");
		busy = clinic.clinician(centre.id(), "Asia/Kolkata");
		quiet = clinic.clinician(centre.id(), "Asia/Kolkata");
		Patient web = patient(LeadSource.WEBSITE);
		Patient whatsApp = patient(LeadSource.WHATSAPP);
		var first = book(web, busy, 9);
		book(web, busy, 10);
		book(whatsApp, quiet, 9);
		pay(first, 150_050, LocalDate.now(KOLKATA).atStartOfDay(KOLKATA).toInstant().plusSeconds(1));
		review(busy, web, 5);
		review(busy, whatsApp, 4);
		KeptFigures.rebuild(figures, jdbc);
		manager = token(Role.MANAGER);
	}

	Patient patient(LeadSource source) {
		String phone = MiboClient.newPhone();
		return patients.register(PatientDetails.named("Patient " + phone, phone), source, clinic.admin());
	}

	Appointment book(Patient patient, Clinician clinician, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(),
				Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY), LocalTime.of(hour, 0), SessionType.IN_PERSON), clinic.admin())
			.appointment();
	}

	void pay(Appointment appointment, long amountMinor, Instant paidAt) {
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO payments (public_id, appointment_id, patient_id, amount_minor, currency, status, provider,
				  provider_order_id, paid_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'INR', 'PAID', 'offline', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), appointment.id(), appointment.patientId(), amountMinor,
					"order_" + UUID.randomUUID(), paidAt.atOffset(ZoneOffset.UTC), now, now)
			.update();
	}

	void review(Clinician clinician, Patient patient, int rating) {
		jdbc.sql("""
				INSERT INTO clinician_reviews (public_id, clinician_id, patient_id, rating, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), clinician.id(), patient.id(), rating, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	String token(Role role) {
		String phone = MiboClient.newPhone();
		var account = accounts.open(new NewAccount("Staff " + phone, null, null, phone, "SecurePassword123", role));
		return sessions.start(account.id()).tokens().accessToken();
	}

	Http.Res get(String path, String token) {
		return http.get(path).token(token).send();
	}

	static void assertOk(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("data", "success");
		assertThat(res.json().path("success").asBoolean()).isTrue();
	}

	static void assertError(Http.Res res, int status, String code) {
		assertThat(res.status()).as(res.toString()).isEqualTo(status);
		assertThat(keys(res.json())).containsExactly("error", "success");
		assertThat(res.json().path("error").path("code").asString()).isEqualTo(code);
	}

	@Test
	void theDashboardShowsTheCentresFiguresWithRevenueInRupees() {
		var res = get("/mibo/api/analytics/dashboard?centreId=" + centre.id(), manager);

		assertOk(res);
		var data = res.data();
		assertThat(keys(data)).containsExactly("activeDoctors", "activeDoctorsChange", "appointmentsThisMonth",
				"appointmentsThisWeek", "appointmentsToday", "followUpsBooked", "followUpsBookedChange", "totalDoctors",
				"totalFollowUps", "totalPatients", "totalPatientsChange", "totalRevenue", "totalRevenueChange");
		assertThat(data.path("totalPatients").asLong()).isEqualTo(2);
		assertThat(data.path("totalDoctors").asLong()).isEqualTo(2);
		assertThat(data.path("totalFollowUps").asLong()).isEqualTo(1);
		assertThat(data.path("totalRevenue").isIntegralNumber()).isTrue();
		assertThat(data.path("totalRevenue").asLong()).isEqualTo(1501);
		assertThat(data.path("appointmentsToday").asLong()).isZero();
		assertThat(data.path("appointmentsThisWeek").asLong()).isZero();

		assertOk(get("/mibo/api/analytics/dashboard", token(Role.CENTRE_MANAGER)));
	}

	@Test
	void topDoctorsAreListedBusiestFirstWithTheirRating() {
		var res = get("/mibo/api/analytics/top-doctors?limit=5&centreId=" + centre.id(), token(Role.ADMIN));

		assertOk(res);
		assertThat(res.data().size()).isEqualTo(2);
		var first = res.data().get(0);
		assertThat(keys(first)).containsExactly("avatar", "averageRating", "clinicianId", "clinicianName", "id",
				"name", "patientCount", "specialty", "totalAppointments", "totalRevenue");
		assertThat(first.path("clinicianId").asLong()).isEqualTo(busy.id());
		assertThat(first.path("clinicianName").asString()).isEqualTo(busy.fullName());
		assertThat(first.path("totalAppointments").asLong()).isEqualTo(2);
		assertThat(first.path("totalRevenue").asLong()).isEqualTo(1501);
		assertThat(first.path("averageRating").isNumber()).isTrue();
		assertThat(first.path("averageRating").asDouble()).isEqualTo(4.5);
		var second = res.data().get(1);
		assertThat(keys(second)).containsExactly("avatar", "averageRating", "clinicianId", "clinicianName", "id",
				"name", "patientCount", "specialty", "totalAppointments", "totalRevenue");
		assertThat(second.path("clinicianId").asLong()).isEqualTo(quiet.id());
		assertThat(second.path("averageRating").isNull()).isTrue();
		assertThat(get("/mibo/api/analytics/top-doctors?limit=1&centreId=" + centre.id(), manager).data().size())
			.isEqualTo(1);
	}

	@Test
	void revenueIsShownByPeriodWithTheFirstDayOfEachBucket() {
		var res = get("/mibo/api/analytics/revenue?period=month&centreId=" + centre.id(), manager);

		assertOk(res);
		assertThat(keys(res.data())).containsExactly("period", "revenueByDate", "totalRevenue");
		assertThat(res.data().path("period").asString()).isEqualTo("month");
		assertThat(res.data().path("totalRevenue").asLong()).isEqualTo(1501);
		var buckets = res.data().path("revenueByDate");
		assertThat(buckets.size()).isEqualTo(12);
		assertThat(keys(buckets.get(0))).containsExactly("date", "revenue");
		LocalDate thisMonth = LocalDate.now(KOLKATA).withDayOfMonth(1);
		assertThat(buckets.get(11).path("date").asString()).isEqualTo(thisMonth.toString());
		assertThat(buckets.get(11).path("revenue").asLong()).isEqualTo(1501);
		assertThat(buckets.get(0).path("date").asString()).isEqualTo(thisMonth.minusMonths(11).toString());
		assertThat(buckets.get(0).path("revenue").asLong()).isZero();

		var days = get("/mibo/api/analytics/revenue?period=DAY&centreId=" + centre.id(), manager);
		assertThat(days.data().path("period").asString()).isEqualTo("day");
		assertThat(days.data().path("revenueByDate").size()).isEqualTo(30);
		assertThat(get("/mibo/api/analytics/revenue?period=week", manager).data().path("revenueByDate").size())
			.isEqualTo(12);
		assertThat(get("/mibo/api/analytics/revenue?period=year", manager).data().path("revenueByDate").size())
			.isEqualTo(5);
		assertThat(get("/mibo/api/analytics/revenue", manager).data().path("period").asString()).isEqualTo("month");
	}

	@Test
	void leadsAreShownBySourceLabelWithWholePercentages() {
		var res = get("/mibo/api/analytics/leads-by-source?centreId=" + centre.id(), manager);

		assertOk(res);
		assertThat(res.data().size()).isEqualTo(2);
		for (var lead : res.data()) {
			assertThat(keys(lead)).containsExactly("color", "count", "label", "percentage", "source", "value");
			assertThat(lead.path("count").asLong()).isEqualTo(1);
			assertThat(lead.path("percentage").asInt()).isEqualTo(50);
		}
		assertThat(res.data().get(0).path("source").asString()).isEqualTo("Website");
		assertThat(res.data().get(1).path("source").asString()).isEqualTo("WhatsApp");
	}

	@Test
	void badPeriodsLimitsAndCentresAreRefused() {
		var period = get("/mibo/api/analytics/revenue?period=fortnight", manager);
		assertError(period, 400, "VALIDATION_ERROR");
		assertThat(period.json().path("error").path("details").path("period").asString())
			.isEqualTo("Must be one of day, week, month, year");
		for (String limit : new String[] { "0", "101", "ten" }) {
			var res = get("/mibo/api/analytics/top-doctors?limit=" + limit, manager);
			assertError(res, 400, "VALIDATION_ERROR");
			assertThat(keys(res.json().path("error").path("details"))).containsExactly("limit");
		}
		assertError(get("/mibo/api/analytics/dashboard?centreId=abc", manager), 400, "VALIDATION_ERROR");
		var unknown = get("/mibo/api/analytics/leads-by-source?centreId=" + Long.MAX_VALUE, manager);
		assertError(unknown, 404, "NOT_FOUND");
		assertThat(unknown.json().path("error").path("message").asString()).isEqualTo("Centre not found");
	}

	@Test
	void coordinatorsFrontDeskCliniciansAndPatientsMayNotReadAnalytics() {
		String[] refused = { token(Role.CARE_COORDINATOR), token(Role.FRONT_DESK),
				sessions.start(busy.userId()).tokens().accessToken(),
				sessions.start(patient(LeadSource.PHONE).userId()).tokens().accessToken() };
		for (String endpoint : ENDPOINTS) {
			for (String token : refused) {
				assertError(get(endpoint, token), 403, "FORBIDDEN");
			}
			assertError(http.get(endpoint).send(), 401, "UNAUTHORIZED");
		}
	}

	@Test
	void aCentreManagerReadsOnlyTheirOwnCentre() {
		var theirs = clinic.centre("Bhopal");
		var doctor = clinic.clinician(theirs.id(), "Asia/Kolkata");
		Patient walkIn = patient(LeadSource.WALK_IN);
		book.book(AppointmentRequest.onGrid(Ref.id(walkIn.id()), Ref.id(doctor.id()), theirs.id(), Clinic.nextWeekday(KOLKATA,
				DayOfWeek.TUESDAY), LocalTime.of(11, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
		KeptFigures.awaitEvents(jdbc);
		String phone = MiboClient.newPhone();
		var member = staff.hire(new NewStaffMember("Manager " + phone, phone, null, null, "SecurePassword123",
				Role.CENTRE_MANAGER, theirs.id()), clinic.admin());
		String otherManager = sessions.start(member.id()).tokens().accessToken();

		for (String endpoint : ENDPOINTS) {
			assertError(get(endpoint + "?centreId=" + centre.id(), otherManager), 403, "FORBIDDEN");
		}
		var dashboard = get("/mibo/api/analytics/dashboard", otherManager);
		assertOk(dashboard);
		assertThat(dashboard.data().path("totalPatients").asLong()).isEqualTo(1);
		assertThat(dashboard.data().path("totalDoctors").asLong()).isEqualTo(1);
		assertThat(dashboard.data().path("totalFollowUps").asLong()).isZero();
		assertThat(dashboard.data().path("totalRevenue").asLong()).isZero();
		var top = get("/mibo/api/analytics/top-doctors", otherManager);
		assertOk(top);
		assertThat(top.data().size()).isEqualTo(1);
		assertThat(top.data().get(0).path("clinicianId").asLong()).isEqualTo(doctor.id());
		var revenue = get("/mibo/api/analytics/revenue", otherManager);
		assertOk(revenue);
		assertThat(revenue.data().path("totalRevenue").asLong()).isZero();
		var leads = get("/mibo/api/analytics/leads-by-source", otherManager);
		assertOk(leads);
		assertThat(leads.data().size()).isEqualTo(1);
		assertThat(leads.data().get(0).path("source").asString()).isEqualTo("Walk-in");
	}
}
