package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/doctors/{id}/reviews/}: the patient of a completed appointment with the doctor reviews it once; the
 * doctor's average and count follow; anyone reads a doctor's reviews, newest first, a DRF page.
 */
class HcpReviewTests extends HcpApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	int hour = 9;

	@Test
	void thePatientOfACompletedVisitReviewsItOnceAndTheDoctorsRatingFollows() {
		HcpPeople.Person doctor = people.doctor();
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person stranger = people.patient();
		Appointment done = appointment(patient, doctor, true);
		Appointment open = appointment(patient, doctor, false);
		String path = API + "/doctors/" + doctor.doctorId() + "/reviews/create/";

		// only the appointment's patient
		drfError(http.post(path, review(done.id(), 5)).token(stranger.token()).send(), 403);
		drfError(http.post(path, review(done.id(), 5)).token(doctor.token()).send(), 403);
		drfError(http.post(path, review(done.id(), 5)).token(people.admin().token()).send(), 403);
		drfError(http.post(path, review(done.id(), 5)).send(), 401);

		Map<String, Object> body = review(done.id(), 4);
		body.put("comment", "Listened carefully");
		body.put("communication_rating", 5);
		JsonNode created = data(http.post(path, body).token(patient.token()).send(), 201);
		assertThat(Http.keys(created)).containsExactlyInAnyOrder("id", "doctor", "appointment", "patient_name",
				"rating", "comment", "communication_rating", "treatment_rating", "punctuality_rating", "is_anonymous",
				"created_at", "average_rating", "total_reviews");
		assertThat(created.path("doctor").asLong()).isEqualTo(doctor.doctorId());
		assertThat(created.path("appointment").asLong()).isEqualTo(done.id());
		assertThat(created.path("patient_name").asString()).startsWith("Pat Ient");
		assertThat(created.path("rating").asInt()).isEqualTo(4);
		assertThat(created.path("communication_rating").asInt()).isEqualTo(5);
		assertThat(created.path("treatment_rating").isNull()).isTrue();
		assertThat(created.path("is_anonymous").asBoolean()).isFalse();
		assertThat(created.path("average_rating").asString()).isEqualTo("4.00");
		assertThat(created.path("total_reviews").asInt()).isEqualTo(1);

		// once per appointment; a completed one only; ratings 1..5; the appointment is required
		assertThat(fieldError(http.post(path, review(done.id(), 5)).token(patient.token()).send(), "appointment"))
			.isEqualTo("Review already exists for this appointment.");
		assertThat(fieldError(http.post(path, review(open.id(), 5)).token(patient.token()).send(), "appointment"))
			.isEqualTo("Only a completed appointment can be reviewed.");
		Appointment another = appointment(patient, doctor, true);
		assertThat(fieldError(http.post(path, review(another.id(), 6)).token(patient.token()).send(), "rating"))
			.isEqualTo("Rating must be between 1 and 5.");
		JsonNode missing = drfError(http.post(path, Map.of("comment", "no rating")).token(patient.token()).send(), 400);
		assertThat(Http.keys(missing)).containsExactlyInAnyOrder("appointment", "rating");
		// the original app's name of the field, anonymously
		JsonNode anonymous = data(http.post(path, Map.of("appointment_id", another.id(), "rating", 2, "is_anonymous",
				true)).token(patient.token()).send(), 201);
		assertThat(anonymous.path("patient_name").asString()).isEqualTo("Anonymous");
		assertThat(anonymous.path("average_rating").asString()).isEqualTo("3.00");
		assertThat(anonymous.path("total_reviews").asInt()).isEqualTo(2);

		JsonNode reviews = page(http.get(API + "/doctors/" + doctor.doctorId() + "/reviews/").send());
		assertThat(reviews.path("count").asInt()).isEqualTo(2);
		assertThat(reviews.path("results").get(0).path("rating").asInt()).isEqualTo(2);
		assertThat(reviews.path("results").get(1).path("comment").asString()).isEqualTo("Listened carefully");
		assertThat(Http.keys(reviews.path("results").get(0))).containsExactlyInAnyOrder("id", "doctor",
				"appointment", "patient_name", "rating", "comment", "communication_rating", "treatment_rating",
				"punctuality_rating", "is_anonymous", "created_at");
		JsonNode detail = data(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 200);
		assertThat(detail.path("average_rating").asString()).isEqualTo("3.00");
		assertThat(detail.path("total_reviews").asInt()).isEqualTo(2);
		assertThat(detail.path("reviews").size()).isEqualTo(2);

		// a doctor the public may not see has no public reviews
		drfError(http.get(API + "/doctors/" + people.registeredDoctor().doctorId() + "/reviews/").send(), 404);
		// with another doctor
		HcpPeople.Person otherDoctor = people.doctor();
		Appointment elsewhere = appointment(patient, otherDoctor, true);
		assertThat(fieldError(http.post(path, review(elsewhere.id(), 5)).token(patient.token()).send(),
				"appointment")).isEqualTo("This appointment is not with this doctor.");
	}

	@Test
	void aDoctorsDetailIsTheWholeProfileWithItsWeekAndItsReviews() {
		HcpPeople.Person doctor = people.doctor();
		HcpPeople.Person patient = people.patient();
		Appointment done = appointment(patient, doctor, true);
		Map<String, Object> body = review(done.id(), 5);
		body.put("comment", "Clear and kind");
		data(http.post(API + "/doctors/" + doctor.doctorId() + "/reviews/create/", body).token(patient.token()).send(),
				201);

		JsonNode detail = data(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 200);

		assertThat(Http.keys(detail)).containsExactlyInAnyOrderElementsOf(HcpDoctorTests.DOCTOR_FIELDS);
		JsonNode me = data(http.get(API + "/auth/me/").token(doctor.token()).send(), 200);
		assertThat(Http.keys(detail.path("user"))).isEqualTo(Http.keys(me));
		assertThat(detail.path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(detail.path("id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(detail.path("kyc_status").asString()).isEqualTo("verified");
		assertThat(detail.path("timezone").asString()).isEqualTo("Asia/Kolkata");
		assertThat(detail.path("average_rating").asString()).isEqualTo("5.00");
		assertThat(detail.path("total_reviews").asInt()).isEqualTo(1);

		// Monday to Friday, 09:00 to 17:00
		JsonNode week = detail.path("availability");
		assertThat(week.size()).isEqualTo(5);
		assertThat(Http.keys(week.get(0))).containsExactlyInAnyOrder("id", "day_of_week", "start_time", "end_time",
				"is_available", "break_times");
		assertThat(week.findValuesAsString("start_time")).containsOnly("09:00:00");
		assertThat(week.path(0).path("break_times").isArray()).isTrue();

		JsonNode reviews = detail.path("reviews");
		assertThat(reviews.size()).isEqualTo(1);
		assertThat(Http.keys(reviews.get(0))).containsExactlyInAnyOrder("id", "doctor", "appointment", "patient_name",
				"rating", "comment", "communication_rating", "treatment_rating", "punctuality_rating", "is_anonymous",
				"created_at");
		assertThat(reviews.get(0).path("comment").asString()).isEqualTo("Clear and kind");
		assertThat(reviews.get(0).path("appointment").asLong()).isEqualTo(done.id());
	}

	@Test
	void theReviewsOfAnUnknownDoctorAreNotFound_andABadPageIsADrfError() {
		HcpPeople.Person doctor = people.doctor();
		drfError(http.get(API + "/doctors/99999999/reviews/").send(), 404);
		drfError(http.get(API + "/doctors/99999999/reviews/").token(people.admin().token()).send(), 404);
		String reviews = API + "/doctors/" + doctor.doctorId() + "/reviews/";
		assertThat(fieldError(http.get(reviews + "?page=0").send(), "page")).isEqualTo("Page must be 1 or more");
		assertThat(fieldError(http.get(reviews + "?page_size=1000").send(), "page_size"))
			.isEqualTo("Page size must be between 1 and 100");
		JsonNode none = page(http.get(reviews + "?page_size=5").send());
		assertThat(none.path("count").asInt()).isZero();
		assertThat(none.path("next").isNull()).isTrue();
	}

	private static Map<String, Object> review(long appointment, int rating) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appointment", appointment);
		body.put("rating", rating);
		return body;
	}

	private Appointment appointment(HcpPeople.Person patient, HcpPeople.Person doctor, boolean completed) {
		long patientId = patients.forUser(patient.id()).orElseThrow().id();
		var date = Clinic.nextWeekday(doctor.clinician().timeZone(), DayOfWeek.WEDNESDAY);
		Appointment booked = book.book(AppointmentRequest.onGrid(Ref.id(patientId), Ref.id(doctor.doctorId()), null,
				date, LocalTime.of(hour++, 0), SessionType.ONLINE), clinic.admin()).appointment();
		return completed ? book.complete(Ref.id(booked.id()), clinic.admin()) : booked;
	}
}
