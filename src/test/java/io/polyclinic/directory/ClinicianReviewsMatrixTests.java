package io.polyclinic.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may review a visit, asked of the directory without a face (the appointment book answers what a visit is): only
 * the patient of a completed appointment, with the clinician it was with, once; every review and every DiabCare
 * rating count once in the clinician's one average.
 */
class ClinicianReviewsMatrixTests extends ApiTest {

	@Autowired
	ClinicianReviews reviews;
	@Autowired
	ClinicianRatings ratings;
	@Autowired
	AppointmentBook book;
	@Autowired
	Clinic clinic;

	int hour = 9;

	@Test
	void onlyThePatientOfACompletedVisitReviewsItOnceAndEveryScoreFeedsOneAverage() {
		Clinician doctor = clinic.clinician(null, "Asia/Kolkata");
		Clinician otherDoctor = clinic.clinician(null, "Asia/Kolkata");
		Patient a = clinic.patient();
		Patient b = clinic.patient();
		Actor patientA = clinic.actorOf(a.userId(), Role.PATIENT);
		Actor patientB = clinic.actorOf(b.userId(), Role.PATIENT);
		Appointment done = completed(a, doctor);
		Appointment open = booked(a, doctor);
		Appointment withOther = completed(a, otherDoctor);
		Appointment doneB = completed(b, doctor);

		// everyone but patient A is refused A's visit, before anything is written
		for (Actor refused : List.of(patientB, clinic.actorOf(doctor.userId(), Role.CLINICIAN),
				clinic.actorOf(otherDoctor.userId(), Role.CLINICIAN), clinic.admin(),
				clinic.actorOf(999_999L, Role.FRONT_DESK), Actor.system())) {
			assertThatThrownBy(() -> reviews.write(doctor.id(), review(done, 5), refused))
				.as(refused.toString())
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		}
		assertThat(reviews.of(doctor.id(), PageRequest.of(0, 10), null).getTotalElements()).isZero();

		var written = reviews.write(doctor.id(), new ClinicianReviews.NewReview(done.id(), 5, "Very kind", 5, 4, null,
				false), patientA);
		assertThat(written.review().patientName()).isEqualTo(a.fullName());
		assertThat(written.review().rating()).isEqualTo(5);
		assertThat(written.review().treatmentRating()).isEqualTo(4);
		assertThat(written.review().punctualityRating()).isNull();
		assertThat(written.clinicianRating()).isEqualTo(new ClinicianRatings.Rating(5.0, 1));

		// one review per appointment; only a completed one, with this clinician; ratings 1..5
		assertThatThrownBy(() -> reviews.write(doctor.id(), review(done, 4), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("appointment"));
		assertThatThrownBy(() -> reviews.write(doctor.id(), review(open, 4), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("appointment"));
		assertThatThrownBy(() -> reviews.write(doctor.id(), review(withOther, 4), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("appointment"));
		assertThatThrownBy(() -> reviews.write(doctor.id(), new ClinicianReviews.NewReview(Long.MAX_VALUE, 4, null,
				null, null, null, false), patientA))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("appointment"));
		assertThatThrownBy(() -> reviews.write(doctor.id(), review(doneB, 6), patientB))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("rating"));
		assertThatThrownBy(() -> reviews.write(doctor.id(), new ClinicianReviews.NewReview(doneB.id(), 4, null, 0,
				null, null, false), patientB))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.fields()).containsKey("communicationRating"));

		// B reviews anonymously; a DiabCare rating of B counts once more in the same average: (5 + 2 + 2) / 3
		var anonymous = reviews.write(doctor.id(), new ClinicianReviews.NewReview(doneB.id(), 2, "Late", null, null, 1,
				true), patientB);
		assertThat(anonymous.review().patientName()).isNull();
		assertThat(anonymous.clinicianRating()).isEqualTo(new ClinicianRatings.Rating(3.5, 2));
		assertThat(ratings.rate(doctor.accountId(), BigDecimal.valueOf(2), patientB))
			.isEqualTo(new ClinicianRatings.Rating(3.0, 3));

		var page = reviews.of(doctor.id(), PageRequest.of(0, 1), clinic.actorOf(otherDoctor.userId(), Role.CLINICIAN));
		assertThat(page.getTotalElements()).isEqualTo(2);
		assertThat(page.getContent()).extracting(ClinicianReviews.Review::comment).containsExactly("Late");
		assertThat(reviews.of(doctor.id(), PageRequest.of(1, 1), null).getContent())
			.extracting(ClinicianReviews.Review::comment).containsExactly("Very kind");
	}

	private ClinicianReviews.NewReview review(Appointment appointment, int rating) {
		return new ClinicianReviews.NewReview(appointment.id(), rating, null, null, null, null, false);
	}

	private Appointment booked(Patient patient, Clinician clinician) {
		var date = Clinic.nextWeekday(clinician.timeZone(), DayOfWeek.TUESDAY);
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), null, date,
				LocalTime.of(hour++, 0), SessionType.ONLINE), clinic.admin()).appointment();
	}

	private Appointment completed(Patient patient, Clinician clinician) {
		Appointment appointment = booked(patient, clinician);
		return book.complete(Ref.id(appointment.id()), clinic.actorOf(clinician.userId(), Role.CLINICIAN));
	}
}
