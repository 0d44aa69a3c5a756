package io.polyclinic.faces.sos;

import static io.polyclinic.support.Http.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.polyclinic.directory.Clinician;
import io.polyclinic.support.Clinic;

class SosAvailabilityTests extends SosApiTest {

	String token;

	@BeforeEach
	void setUp() {
		var patient = people.patient("Tourist " + System.nanoTime());
		token = SosPeopleFixture.token(http, patient.email(), SosPeopleFixture.PASSWORD);
	}

	@Test
	void weeklyHoursAreExpandedDayByDayOnTheDoctorsClock() {
		Clinician doctor = people.doctor("Dr. Hours", "General Practice", "Indian/Mauritius", "eur", List.of("English"));
		LocalDate monday = Clinic.nextWeekday(ZoneId.of("Indian/Mauritius"), DayOfWeek.MONDAY);

		var res = http.get("/sos/api/v1/availabilities?doctorId=" + doctor.accountId() + "&startDate=" + monday
				+ "&endDate=" + monday.plusDays(6)).token(token).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(keys(res.json())).containsExactly("availabilities");
		var entries = res.json().path("availabilities");
		assertThat(entries.size()).isEqualTo(5);
		var first = entries.get(0);
		assertThat(keys(first)).containsExactly("consultation_types", "created_at", "end_date", "end_time", "id",
				"is_recurring", "recurrence", "recurrence_end_date", "start_date", "start_time", "updated_at", "user_id");
		assertThat(first.path("user_id").asString()).isEqualTo(doctor.accountId().toString());
		assertThat(first.path("start_date").asString()).isEqualTo(monday.toString());
		assertThat(first.path("start_time").asString()).isEqualTo("09:00:00");
		assertThat(first.path("end_time").asString()).isEqualTo("17:00:00");
		assertThat(first.path("is_recurring").asBoolean()).isTrue();
		assertThat(entries.get(4).path("start_date").asString()).isEqualTo(monday.plusDays(4).toString());
		// the same window on the same day keeps its id
		var again = http.get("/sos/api/v1/availabilities?doctorId=" + doctor.accountId() + "&startDate=" + monday
				+ "&endDate=" + monday).token(token).send();
		assertThat(again.json().path("availabilities").get(0).path("id").asString())
			.isEqualTo(first.path("id").asString());
	}

	@Test
	void withoutADoctorTheListedDoctorsAppear() {
		Clinician doctor = people.doctor("Dr. Everyone", "General Practice", "Indian/Mauritius", "eur", List.of("English"));
		LocalDate tuesday = Clinic.nextWeekday(ZoneId.of("Indian/Mauritius"), DayOfWeek.TUESDAY);

		var res = http.get("/sos/api/v1/availabilities?startDate=" + tuesday + "&endDate=" + tuesday
				+ "&consultationType=video").token(token).send();

		assertThat(res.status()).isEqualTo(200);
		assertThat(res.json().path("availabilities").valueStream()
			.anyMatch(e -> e.path("user_id").asString().equals(doctor.accountId().toString()))).isTrue();
	}

	@Test
	void badInputIs400AndUnknownDoctorsAre404() {
		assertThat(http.get("/sos/api/v1/availabilities?startDate=tomorrow").token(token).send().status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/availabilities?consultationType=teleport").token(token).send().status())
			.isEqualTo(400);
		assertThat(http.get("/sos/api/v1/availabilities?startDate=2030-01-10&endDate=2030-01-01").token(token).send()
			.status()).isEqualTo(400);
		assertThat(http.get("/sos/api/v1/availabilities?doctorId=7d0c5f8e-0000-4000-8000-000000000000").token(token)
			.send().status()).isEqualTo(404);
		assertThat(http.get("/sos/api/v1/availabilities").send().status()).isEqualTo(401);
	}
}
