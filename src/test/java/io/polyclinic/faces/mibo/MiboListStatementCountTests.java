package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.VerifiedSessions;
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
import io.polyclinic.support.Phones;
import io.polyclinic.support.Statements.Counted;
import io.polyclinic.support.Statements;

/**
 * The directory's, billing's, notify's and video's Mibo lists run no more statements for a page of 50 than for a
 * page of 5, and never more than six — counted over the whole request, the session check included. The clinic has
 * twelve clinicians at three centres, a dozen staff, and a patient with twelve paid, linked and reminded visits, one
 * with each clinician, so that a list that looked its rows' names up one by one would show it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiboListStatementCountTests extends ApiTest {

	static final int LIST_LIMIT = MiboStatementCountTests.LIST_LIMIT;
	static final int VISITS = 12;

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	VerifiedSessions sessions;
	@Autowired
	AppointmentBook book;

	List<Centre> centres = new ArrayList<>();
	Patient patient;
	String admin;
	String patientToken;

	@BeforeAll
	void busyClinic() {
		http = new Http(port);
		var mibo = new MiboClient(http);
		admin = mibo.adminToken();
		for (String city : List.of("Kochi", "Mysuru", "Indore")) {
			centres.add(clinic.centre(city));
		}
		patient = clinic.patient();
		patientToken = sessions.start(patient.userId()).tokens().accessToken();
		LocalDate day = Clinic.nextWeekday(AppointmentFixture.KOLKATA, DayOfWeek.THURSDAY);
		for (int i = 0; i < VISITS; i++) {
			Centre centre = centres.get(i % centres.size());
			Clinician clinician = clinic.clinician(centre.id(), "Asia/Kolkata");
			String phone = Phones.newPhone();
			staff.hire(new NewStaffMember("Front Desk " + phone, phone, null, null, AppointmentFixture.PASSWORD,
					Role.FRONT_DESK, centre.id()), clinic.admin());
			Appointment visit = book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()),
					centre.id(), day.plusDays(i / 6), LocalTime.of(9 + i % 6, 0), SessionType.ONLINE), clinic.admin())
				.appointment();
			// the link before the payment: paying confirms, and the confirmation notice makes a link of its own
			ok(http.post("/mibo/api/video/generate-meet-link", Map.of("appointmentId", visit.id())).token(admin).send());
			pay(visit);
			ok(http.post("/mibo/api/notifications/appointment-reminder", Map.of("appointmentId", visit.id()))
				.token(admin).send());
		}
	}

	@Test
	void theDirectorysLists() {
		for (int limit : List.of(5, 50)) {
			assertList("/mibo/api/centres?limit=" + limit, admin, 3);
			assertList("/mibo/api/clinicians?limit=" + limit, admin, Math.min(limit, VISITS));
			assertList("/mibo/api/clinicians?centreId=" + centres.get(0).id() + "&limit=" + limit, admin,
					Math.min(limit, VISITS / 3));
			assertList("/mibo/api/users?limit=" + limit, admin, Math.min(limit, VISITS));
			assertList("/mibo/api/patients?limit=" + limit, admin, Math.min(limit, 1));
		}
	}

	@Test
	void aPatientsMoney() {
		for (int limit : List.of(5, 50)) {
			assertList("/mibo/api/payments/history?limit=" + limit, patientToken, Math.min(limit, VISITS));
			assertList("/mibo/api/payments/history?patientId=" + patient.id() + "&limit=" + limit, admin,
					Math.min(limit, VISITS));
		}
		assertList("/mibo/api/patient/payments", patientToken, VISITS);
	}

	@Test
	void aPatientsDashboard() {
		var dashboard = counted(http.get("/mibo/api/patient/dashboard").token(patientToken));
		assertThat(dashboard.result().status()).as(dashboard.result().toString()).isEqualTo(200);
		assertThat(dashboard.result().data().path("upcomingAppointments").size()).isPositive();
		assertThat(dashboard.result().data().path("recentPayments").size()).isPositive();
		assertThat(dashboard.count()).as(dashboard.toString()).isLessThanOrEqualTo(LIST_LIMIT);
	}

	@Test
	void meetingLinksAndNotices() {
		for (int limit : List.of(5, 50)) {
			assertList("/mibo/api/video/links?limit=" + limit, admin, Math.min(limit, VISITS), true);
			assertList("/mibo/api/notifications/history?patientId=" + patient.id() + "&limit=" + limit, admin,
					Math.min(limit, VISITS), true);
		}
		var stats = counted(http.get("/mibo/api/notifications/stats").token(admin));
		assertThat(stats.result().status()).as(stats.result().toString()).isEqualTo(200);
		assertThat(stats.count()).as(stats.toString()).isLessThanOrEqualTo(LIST_LIMIT);
	}

	private void pay(Appointment visit) {
		var order = http.post("/mibo/api/payments/create-order", Map.of("appointmentId", visit.id()))
			.token(patientToken).send();
		ok(order);
		String orderId = order.data().path("orderId").asString();
		String paymentId = "pay_count" + visit.id();
		ok(http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", orderId, "razorpayPaymentId", paymentId,
				"razorpaySignature", MiboPaymentTests.hmac(MiboPaymentTests.KEY_SECRET, orderId + "|" + paymentId)))
			.token(patientToken).send());
	}

	private void assertList(String path, String token, int expectedSize) {
		assertList(path, token, expectedSize, false);
	}

	/** {@code atLeast}: lists the whole suite writes to (links, notices) hold other tests' rows too. */
	private void assertList(String path, String token, int expectedSize, boolean atLeast) {
		var list = counted(http.get(path).token(token));
		assertThat(list.result().status()).as(list.result().toString()).isEqualTo(200);
		if (atLeast) {
			assertThat(list.result().data().size()).as(path).isGreaterThanOrEqualTo(expectedSize);
		}
		else if (!path.startsWith("/mibo/api/centres") && !path.startsWith("/mibo/api/users")
				&& !path.startsWith("/mibo/api/clinicians?limit") && !path.startsWith("/mibo/api/patients?")) {
			assertThat(list.result().data().size()).as(path).isEqualTo(expectedSize);
		}
		else {
			// the suite's other tests add centres, staff, clinicians and patients to the same database
			assertThat(list.result().data().size()).as(path).isGreaterThanOrEqualTo(expectedSize);
		}
		assertThat(list.count()).as(path + ": " + list).isLessThanOrEqualTo(LIST_LIMIT);
	}

	private static void ok(Http.Res res) {
		assertThat(res.status()).as(res.toString()).isBetween(200, 201);
	}

	private static Counted<Http.Res> counted(Http.Call call) {
		var counted = Statements.count(call);
		System.out.println("STATEMENTS " + counted.count() + " " + counted.result().response().request().method() + " "
				+ counted.result().response().uri().getRawPath() + "?" + counted.result().response().uri().getRawQuery());
		return counted;
	}
}
