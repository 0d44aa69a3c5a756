package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.scheduling.SlotId;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * A doctor's open slots: for one day ({@code /api/doctors/{id}/availability/?date=}) and as a page
 * ({@code /api/appointments/slots/}), public, computed from the doctor's weekly hours on their own clock, each with
 * an id that names the doctor and the start — and without the slots taken through any face.
 */
class HcpSlotTests extends HcpApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	AppointmentBook book;

	@Test
	void aDoctorsDayIsTheirOpenGridSlotsOnTheirClockEachWithAStableId() {
		var doctor = people.doctor();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);

		JsonNode data = data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=" + day).send(), 200);

		assertThat(Http.keys(data)).containsExactlyInAnyOrder("doctor_id", "date", "timezone", "available_slots");
		assertThat(data.path("doctor_id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(data.path("date").asString()).isEqualTo(day.toString());
		assertThat(data.path("timezone").asString()).isEqualTo("Asia/Kolkata");
		JsonNode slots = data.path("available_slots");
		assertThat(slots).hasSize(8); // 09:00 to 17:00, an hour each
		JsonNode first = slots.get(0);
		assertThat(Http.keys(first)).containsExactlyInAnyOrder("id", "doctor", "doctor_name", "start_time", "end_time",
				"date", "time", "end", "timezone", "status", "duration_minutes", "notes", "is_available");
		ZonedDateTime nine = ZonedDateTime.of(day, LocalTime.of(9, 0), KOLKATA);
		assertThat(first.path("id").asLong()).isEqualTo(new SlotId(doctor.doctorId(), nine.toInstant()).value());
		assertThat(first.path("doctor").asLong()).isEqualTo(doctor.doctorId());
		assertThat(first.path("doctor_name").asString()).isEqualTo(doctor.clinician().fullName());
		assertThat(first.path("start_time").asString()).isEqualTo(nine.toInstant().toString());
		assertThat(first.path("end_time").asString()).isEqualTo(nine.plusHours(1).toInstant().toString());
		assertThat(first.path("time").asString()).isEqualTo("09:00:00");
		assertThat(first.path("end").asString()).isEqualTo("10:00:00");
		assertThat(first.path("status").asString()).isEqualTo("open");
		assertThat(first.path("duration_minutes").asInt()).isEqualTo(60);
		assertThat(first.path("is_available").asBoolean()).isTrue();
		assertThat(slots.get(7).path("time").asString()).isEqualTo("16:00:00");

		// the same ids on every read, without the trailing slash too
		JsonNode again = data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability?date=" + day).send(), 200);
		assertThat(again.path("available_slots").get(0).path("id").asLong()).isEqualTo(first.path("id").asLong());
		// a Saturday has no hours
		LocalDate saturday = Clinic.nextWeekday(KOLKATA, DayOfWeek.SATURDAY);
		assertThat(data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=" + saturday).send(), 200)
			.path("available_slots")).isEmpty();
	}

	@Test
	void theDayIsRequiredAndWellFormedAndTheDoctorMustExist() {
		var doctor = people.doctor();

		assertThat(fieldError(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/").send(), "date"))
			.isEqualTo("This field is required.");
		fieldError(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=31-12-2030").send(), "date");
		drfError(http.get(API + "/doctors/99999999/availability/?date=2030-01-07").send(), 404);
		// a doctor who signed up through hcp has no open slots until an administrator verifies them
		var pending = people.registeredDoctor();
		drfError(http.get(API + "/doctors/" + pending.doctorId() + "/availability/?date=2030-01-07").send(), 404);
		drfError(http.get(API + "/appointments/slots/?doctor=" + pending.doctorId()).send(), 404);
	}

	@Test
	void theOpenSlotsAreAPublicDrfPageOfOneDoctorsDaysAndLeaveOutWhatAnotherFaceBooked() {
		var doctor = people.doctor();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);
		String path = API + "/appointments/slots/?doctor=" + doctor.doctorId() + "&date=" + day;

		JsonNode page = page(http.get(path).send());
		assertThat(page.path("count").asLong()).isEqualTo(8);
		assertThat(page.path("results").get(0).path("time").asString()).isEqualTo("09:00:00");

		JsonNode small = page(http.get(path + "&page_size=3&page=2").send());
		assertThat(small.path("count").asLong()).isEqualTo(8);
		assertThat(small.path("results")).hasSize(3);
		assertThat(small.path("results").get(0).path("time").asString()).isEqualTo("12:00:00");
		assertThat(small.path("next").asString()).contains("page=3");
		assertThat(small.path("previous").asString()).contains("page=1");

		// the front desk of another face books 10:00 on the doctor's grid
		var patient = clinic.patient();
		book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(doctor.doctorId()), null, day,
				LocalTime.of(10, 0), SessionType.IN_PERSON), clinic.admin());

		JsonNode after = page(http.get(API + "/appointments/slots?doctor_id=" + doctor.doctorId() + "&date=" + day)
			.send());
		assertThat(after.path("count").asLong()).isEqualTo(7);
		assertThat(after.path("results").valueStream().map(s -> s.path("time").asString()))
			.doesNotContain("10:00:00");
		JsonNode dayAfter = data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=" + day).send(),
				200);
		assertThat(dayAfter.path("available_slots").valueStream().map(s -> s.path("time").asString()))
			.doesNotContain("10:00:00");

		// a week from a Monday holds five working days, less the one booked if it falls in that week
		LocalDate monday = day.minusDays(2);
		JsonNode week = page(http.get(API + "/appointments/slots/?doctor=" + doctor.doctorId() + "&date_from=" + monday
				+ "&date_to=" + monday.plusDays(6) + "&page_size=100").send());
		assertThat(week.path("count").asLong()).isEqualTo(39);
	}

	@Test
	void theSlotListNeedsADoctorAndARangeItCanCompute() {
		var doctor = people.doctor();
		LocalDate day = Clinic.nextWeekday(KOLKATA, DayOfWeek.WEDNESDAY);

		assertThat(fieldError(http.get(API + "/appointments/slots/?date=" + day).send(), "doctor"))
			.isEqualTo("This field is required.");
		fieldError(http.get(API + "/appointments/slots/?doctor=" + doctor.doctorId() + "&date_from=" + day
				+ "&date_to=" + day.minusDays(1)).send(), "date_to");
		fieldError(http.get(API + "/appointments/slots/?doctor=" + doctor.doctorId() + "&date_from=" + day
				+ "&date_to=" + day.plusDays(60)).send(), "date_to");
		fieldError(http.get(API + "/appointments/slots/?doctor=" + doctor.doctorId() + "&date=tomorrow").send(), "date");
		drfError(http.get(API + "/appointments/slots/?doctor=99999999").send(), 404);
	}
}
