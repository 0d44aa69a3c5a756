package io.polyclinic.faces.mibo;

import static io.polyclinic.faces.mibo.MiboAdminPanelTests.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/** The dashboard tiles' trends: {@code totalPatientsChange} and the others, in percent, this month against last. */
class MiboAdminPanelTrendTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	AppointmentBook book;
	@Autowired
	JdbcClient jdbc;

	MiboClient mibo;
	String admin;

	@BeforeEach
	void setUp() {
		mibo = new MiboClient(http);
		admin = new MiboPeople(http, mibo).admin();
	}

	@Test
	void theTilesTrendsCompareThisMonthWithLastMonth() {
		long centre = clinic.centre("Kannur").id();
		Clinician clinician = clinic.clinician(centre, AppointmentFixture.KOLKATA.getId());
		Patient now1 = clinic.patient();
		Patient now2 = clinic.patient();
		Patient before = clinic.patient();
		for (Patient p : new Patient[] { now1, now2, before }) {
			book.book(AppointmentRequest.onGrid(Ref.id(p.id()), Ref.id(clinician.id()), centre,
					AppointmentFixture.weekday(DayOfWeek.MONDAY), LocalTime.of(9 + (int) (p.id() % 7), 0),
					SessionType.IN_PERSON), clinic.admin());
		}
		Instant lastMonth = LocalDate.now(AppointmentFixture.KOLKATA).withDayOfMonth(1).minusMonths(1)
			.atStartOfDay(AppointmentFixture.KOLKATA).toInstant().plusSeconds(60);
		jdbc.sql("UPDATE patients SET created_at = ? WHERE id = ?")
			.params(lastMonth.atOffset(ZoneOffset.UTC), before.id()).update();

		var res = http.get("/mibo/api/analytics/dashboard?centreId=" + centre).token(admin).send();

		assertThat(res.status()).as(res.toString()).isEqualTo(200);
		// two patients registered this month against one in last month's stretch; a clinician joined from none
		assertThat(res.data().path("totalPatientsChange").isNumber()).isTrue();
		assertThat(res.data().path("totalPatientsChange").asDouble()).isEqualTo(100.0);
		assertThat(res.data().path("activeDoctorsChange").asDouble()).isEqualTo(100.0);
		assertThat(res.data().path("followUpsBookedChange").asDouble()).isZero();
		assertThat(res.data().path("totalRevenueChange").asDouble()).isZero();
		assertThat(res.data().path("totalPatients").asLong()).isEqualTo(3);

		assertThat(http.get("/mibo/api/analytics/dashboard?centreId=abc").token(admin).send().status())
			.isEqualTo(400);
		assertForbidden(http.get("/mibo/api/analytics/dashboard?centreId=" + centre).token(mibo.staff(6).token())
			.send());
	}
}
