package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.NewEncounter;
import io.polyclinic.directory.ClinicianRatings;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/professionals/me/dashboard} against hand counts of what the doctor was given and did, and the house's
 * {@code PUT /api/professionals/me/volunteer}; only a doctor has either.
 */
class ClinicoDashboardTests extends ClinicoApiTest {

	@Autowired
	Availability availability;
	@Autowired
	AppointmentBook book;
	@Autowired
	Encounters encounters;
	@Autowired
	ClinicianRatings ratings;
	@Autowired
	JdbcClient jdbc;

	/** A zone where it is early morning now: the doctor's whole working day is still ahead of them. */
	private static ZoneId dawn() {
		int hour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
		int offset = 5 - hour;
		return ZoneOffset.ofHours(offset < -12 ? offset + 24 : offset > 14 ? offset - 24 : offset);
	}

	@Test
	void aNewDoctorsDashboardIsAllZeros() {
		var doctor = people.doctor();

		JsonNode dashboard = ok(http.get(API + "/professionals/me/dashboard").token(doctor.token()).send(), 200);

		assertThat(Http.keys(dashboard)).containsExactlyInAnyOrder("rating", "total_reviews", "patients_treated",
				"verification_status", "is_volunteer", "appointments_today_count", "pending_reports_count");
		assertThat(dashboard.path("rating").isNumber()).isTrue();
		assertThat(dashboard.path("rating").asDouble()).isZero();
		assertThat(dashboard.path("total_reviews").asInt()).isZero();
		assertThat(dashboard.path("patients_treated").asInt()).isZero();
		assertThat(dashboard.path("verification_status").asString()).isEqualTo("Verified");
		assertThat(dashboard.path("is_volunteer").asBoolean()).isFalse();
		assertThat(dashboard.path("appointments_today_count").asInt()).isZero();
		assertThat(dashboard.path("pending_reports_count").asInt()).isZero();
	}

	@Test
	void theDashboardCountsWhatTheDoctorWasGivenAndDid() {
		ZoneId zone = dawn();
		var doctor = people.doctor(zone.getId());
		everyDay(doctor);
		var first = people.patient();
		var second = people.patient();
		var third = people.patient();
		LocalDate today = LocalDate.now(zone);
		// today on the doctor's clock: three booked, one cancelled; and some on other days
		Appointment seenToday = visit(first, doctor, today, 9);
		visit(second, doctor, today, 11);
		visit(third, doctor, today, 15);
		book.cancel(visit(third, doctor, today, 13).id(), "Travel", clinic.admin());
		Appointment later = visit(second, doctor, today.plusDays(2), 10);
		Appointment again = visit(first, doctor, today.plusDays(3), 10);
		visit(third, doctor, today.plusDays(4), 10);
		// two patients rate the doctor: 4 and 5
		ratings.rate(doctor.accountId(), BigDecimal.valueOf(4), first.actor());
		ratings.rate(doctor.accountId(), BigDecimal.valueOf(5), second.actor());
		// three consultations saved, of two patients
		for (Appointment seen : new Appointment[] { seenToday, later, again }) {
			encounters.write(new NewEncounter(seen.id(), null, "Cough", null, null, null, "Viral", null, "Rest", null,
					null), doctor.actor());
		}
		// three lab-report requests, one of them answered
		for (var patient : new ClinicoPeople.Person[] { first, second, third }) {
			ok(http.post(API + "/upload-report-requests", Map.of("patient_id", patient.requirePatient().id(),
					"requested_tests", "CBC", "due_date", today.plusDays(5).toString())).token(doctor.token()).send(),
					201);
		}
		jdbc.sql("UPDATE upload_report_requests SET status = 'SUBMITTED' WHERE patient_id = ?")
			.param(third.requirePatient().id()).update();
		ok(http.put(API + "/professionals/me/volunteer", Map.of("is_volunteer", true)).token(doctor.token()).send(),
				200);

		JsonNode dashboard = ok(http.get(API + "/professionals/me/dashboard").token(doctor.token()).send(), 200);

		assertThat(dashboard.path("rating").asDouble()).isEqualTo(4.5);
		assertThat(dashboard.path("total_reviews").asInt()).isEqualTo(2);
		assertThat(dashboard.path("patients_treated").asInt()).isEqualTo(2);
		assertThat(dashboard.path("verification_status").asString()).isEqualTo("Verified");
		assertThat(dashboard.path("is_volunteer").asBoolean()).isTrue();
		assertThat(dashboard.path("appointments_today_count").asInt()).isEqualTo(3);
		assertThat(dashboard.path("pending_reports_count").asInt()).isEqualTo(2);
	}

	@Test
	void aDoctorWhoRegisteredThemselfIsPendingUntilVerified() {
		var doctor = people.doctor();
		jdbc.sql("UPDATE clinicians SET kyc_status = 'PENDING' WHERE id = ?").param(doctor.requireClinician().id())
			.update();

		JsonNode dashboard = ok(http.get(API + "/professionals/me/dashboard").token(doctor.token()).send(), 200);

		assertThat(dashboard.path("verification_status").asString()).isEqualTo("Pending");
	}

	@Test
	void volunteeringIsSaidWithABoolean() {
		var doctor = people.doctor();

		JsonNode said = ok(http.put(API + "/professionals/me/volunteer", Map.of("is_volunteer", true))
			.token(doctor.token()).send(), 200);
		assertThat(Http.keys(said)).containsExactly("is_volunteer");
		assertThat(said.path("is_volunteer").asBoolean()).isTrue();
		assertThat(error(http.put(API + "/professionals/me/volunteer", Map.of()).token(doctor.token()).send(), 400,
				"INVALID_INPUT")).contains("is_volunteer");
		ok(http.put(API + "/professionals/me/volunteer", Map.of("is_volunteer", false)).token(doctor.token()).send(),
				200);
		assertThat(ok(http.get(API + "/professionals/me/dashboard").token(doctor.token()).send(), 200)
			.path("is_volunteer").asBoolean()).isFalse();
	}

	@Test
	void onlyADoctorHasADashboard() {
		var patient = people.patient();
		var admin = people.admin();

		error(http.get(API + "/professionals/me/dashboard").token(patient.token()).send(), 403, "FORBIDDEN");
		error(http.get(API + "/professionals/me/dashboard").token(admin.token()).send(), 403, "FORBIDDEN");
		error(http.put(API + "/professionals/me/volunteer", Map.of("is_volunteer", true)).token(patient.token())
			.send(), 403, "FORBIDDEN");
		assertThat(http.get(API + "/professionals/me/dashboard").send().status()).isEqualTo(401);
	}

	private void everyDay(ClinicoPeople.Person doctor) {
		availability.replaceRules(doctor.requireClinician().id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null)).toList(),
				clinic.admin());
	}

	private Appointment visit(ClinicoPeople.Person patient, ClinicoPeople.Person doctor, LocalDate day, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.requirePatient().id()),
				Ref.id(doctor.requireClinician().id()), null, day, LocalTime.of(hour, 0), SessionType.IN_PERSON),
				clinic.admin()).appointment();
	}
}
