package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SosDashboardTests extends SosApiTest {

	private static final String BASE = "/sos/api/v1/admin/dashboard";

	String admin;

	@BeforeEach
	void setUp() {
		admin = SosPeopleFixture.adminToken(http);
	}

	@Test
	void theStatsTotalsEqualTheTotalsOfTheLists() {
		people.doctor("Dr. Counted", "Dermatology", "Indian/Mauritius", "eur", List.of("English"));
		people.patient("Counted Patient");

		var res = http.get(BASE + "/stats").token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("stats");
		var stats = res.json().path("stats");
		assertThat(keys(stats)).containsExactly("appointments", "doctors", "medicalRecords", "payments", "users");
		assertThat(keys(stats.path("users"))).containsExactly("active", "blocked", "pending", "total");
		assertThat(keys(stats.path("doctors"))).containsExactly("listed", "total", "unlisted");
		assertThat(keys(stats.path("appointments"))).containsExactly("cancelled", "completed", "confirmed", "pending",
				"total");
		assertThat(keys(stats.path("payments"))).containsExactly("failed", "refunded", "successful", "totalRevenue");
		assertThat(keys(stats.path("medicalRecords"))).containsExactly("private", "shared", "total");
		assertThat(stats.path("users").path("total").asLong()).isEqualTo(total("/sos/api/v1/users"));
		assertThat(stats.path("doctors").path("total").asLong()).isEqualTo(total("/sos/api/v1/doctors"));
		assertThat(stats.path("doctors").path("listed").asLong()).isEqualTo(total("/sos/api/v1/doctors?isListed=true"));
		assertThat(stats.path("appointments").path("total").asLong()).isEqualTo(total("/sos/api/v1/appointments/all"));
		assertThat(stats.path("medicalRecords").path("total").asLong()).isEqualTo(total("/sos/api/v1/medical-records"));
		assertThat(stats.path("users").path("active").asLong() + stats.path("users").path("blocked").asLong())
			.isEqualTo(stats.path("users").path("total").asLong());
	}

	@Test
	void analyticsAreBucketedByPeriodWithEveryBucketOfTheRange() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		var res = http.get(BASE + "/analytics?period=day&startDate=" + today.minusDays(6) + "&endDate=" + today)
			.token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		var body = res.json();
		assertThat(keys(body)).containsExactly("data", "dateRange", "period", "summary");
		assertThat(body.path("period").asString()).isEqualTo("day");
		assertThat(body.path("data").size()).isEqualTo(7);
		assertThat(keys(body.path("data").get(0))).containsExactly("averageAmount", "count", "currencies", "date",
				"failed", "pending", "successful", "totalAmount");
		assertThat(body.path("data").get(6).path("date").asString()).isEqualTo(today.toString());
		assertThat(keys(body.path("summary"))).containsExactly("averagePayment", "currencies", "failedPayments",
				"pendingPayments", "successfulPayments", "totalAmount", "totalPayments");
		assertThat(keys(body.path("dateRange"))).containsExactly("end", "start");
		assertThat(body.path("dateRange").path("start").asString()).startsWith(today.minusDays(6).toString());

		var months = http.get(BASE + "/analytics").token(admin).send().json();
		assertThat(months.path("period").asString()).isEqualTo("month");
		assertThat(months.path("data").size()).isEqualTo(12);
		assertThat(months.path("data").get(11).path("date").asString()).isEqualTo(today.toString().substring(0, 7));
		assertThat(http.get(BASE + "/analytics?period=year").token(admin).send().json().path("data").size())
			.isEqualTo(5);
	}

	@Test
	void badInputIs400() {
		assertThat(http.get(BASE + "/analytics?period=fortnight").token(admin).send().status()).isEqualTo(400);
		assertThat(http.get(BASE + "/analytics?startDate=yesterday").token(admin).send().status()).isEqualTo(400);
		assertThat(http.get(BASE + "/analytics?startDate=2026-02-01&endDate=2026-01-01").token(admin).send().status())
			.isEqualTo(400);
		assertThat(http.get(BASE + "/recent-activity?limit=51").token(admin).send().status()).isEqualTo(400);
	}

	@Test
	void onlyAdministratorsAndSecretariesSeeTheDashboard() {
		var patient = people.patient("Dashboard Patient");
		var doctor = people.doctor("Dr. Dashboard", "Cardiology", "Indian/Mauritius", "eur", List.of("English"));
		String patientToken = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
		String doctorToken = SosPeopleFixture.token(http, doctor.email(), SosPeopleFixture.PASSWORD);

		for (String path : List.of("/stats", "/analytics", "/recent-activity")) {
			assertThat(http.get(BASE + path).token(patientToken).send().status()).as(path).isEqualTo(403);
			assertThat(http.get(BASE + path).token(doctorToken).send().status()).as(path).isEqualTo(403);
			assertThat(http.get(BASE + path).send().status()).as(path).isEqualTo(401);
		}
	}

	@Test
	void recentActivityShowsTheNewestOfEachAtMostTheLimit() {
		var patient = people.patient("Newest Patient " + System.nanoTime());

		var res = http.get(BASE + "/recent-activity?limit=3").token(admin).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("recentAppointments", "recentPayments", "recentUsers");
		var users = res.json().path("recentUsers");
		assertThat(users.size()).isLessThanOrEqualTo(3);
		assertThat(keys(users.get(0))).containsExactly("created_at", "email", "id", "name", "phone", "role",
				"updated_at");
		assertThat(users.get(0).path("name").asString()).isEqualTo(patient.fullName());
	}

	private long total(String path) {
		return http.get(path).token(admin).send().json().path("pagination").path("total").asLong();
	}
}
