package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /clinico/api/appointments/{id}/cancel}: the doctor's and the patient's cancellation, the slot bookable
 * again at once, the other party told in the app — and who may not, what is unknown, what is no longer open.
 */
class ClinicoCancelTests extends ClinicoApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	InAppNotifications notifications;

	@Test
	void theDoctorCancels_theSlotIsFreeAgainAtOnce_andThePatientIsToldItWasCancelled() {
		var doctor = people.doctor();
		var patient = people.patient();
		LocalDate day = Clinic.nextWeekday(ClinicoAvailabilityTests.KOLKATA, DayOfWeek.TUESDAY);
		Appointment a = booked(patient, doctor, day, 10);

		JsonNode body = ok(http.post(API + "/appointments/" + a.id() + "/cancel",
				Map.of("reason", "Emergency surgery required")).token(doctor.token()).send(), 200);

		assertThat(Http.keys(body)).containsExactlyInAnyOrder("appointment_id", "status", "slot_released");
		assertThat(body.path("appointment_id").isIntegralNumber()).isTrue();
		assertThat(body.path("appointment_id").asLong()).isEqualTo(a.id());
		assertThat(body.path("status").asString()).isEqualTo("Cancelled");
		assertThat(body.path("slot_released").asBoolean()).isTrue();
		Appointment after = book.require(a.id());
		assertThat(after.status()).isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(after.cancellationReason()).isEqualTo("Emergency surgery required");
		// another patient books the same time through Mibo at once
		var again = http.post("/mibo/api/booking/create", Map.of("clinicianId", doctor.requireClinician().id(),
				"appointmentDate", day.toString(), "appointmentTime", "10:00:00", "sessionType", "ONLINE"))
			.token(people.patient().token()).send();
		assertThat(again.status()).as(again.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(cancellations(patient)).singleElement()
			.satisfies(n -> {
				assertThat(n.type()).isEqualTo(InAppNotification.Type.APPOINTMENT);
				assertThat(n.title()).containsIgnoringCase("cancelled");
				assertThat(n.message()).containsIgnoringCase("cancelled");
			}));
		assertThat(cancellations(doctor)).as("the doctor who cancelled is not told").isEmpty();
		// clinico's own list shows it as an appointment notification that says it was cancelled
		JsonNode listed = ok(http.get(API + "/notifications?notification_type=Appointment").token(patient.token())
			.send(), 200);
		// (beside the booking's notice, which its listener may write after the cancellation's: no order between them)
		List<JsonNode> cancelled = new ArrayList<>();
		listed.forEach(n -> {
			if (n.path("title").asString().toLowerCase(java.util.Locale.ROOT).contains("cancelled")) {
				cancelled.add(n);
			}
		});
		assertThat(cancelled).singleElement().satisfies(n -> {
			assertThat(n.path("notification_type").asString()).isEqualTo("Appointment");
			assertThat(n.path("message").asString()).containsIgnoringCase("cancelled");
		});
	}

	@Test
	void thePatientCancelsTheirOwn_andTheDoctorIsTold() {
		var doctor = people.doctor();
		var patient = people.patient();
		Appointment a = booked(patient, doctor, Clinic.nextWeekday(ClinicoAvailabilityTests.KOLKATA,
				DayOfWeek.WEDNESDAY), 11);

		JsonNode body = ok(http.post(API + "/appointments/" + a.id() + "/cancel", Map.of("reason", "Feeling better"))
			.token(patient.token()).send(), 200);

		assertThat(body.path("status").asString()).isEqualTo("Cancelled");
		assertThat(body.path("slot_released").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> !cancellations(doctor).isEmpty());
		assertThat(cancellations(patient)).as("the patient who cancelled is not told in the app").isEmpty();
	}

	@Test
	void othersAreRefused_theUnknownIsNotFound_andWhatIsNoLongerOpenIsAConflict() {
		var doctor = people.doctor();
		var patient = people.patient();
		LocalDate day = Clinic.nextWeekday(ClinicoAvailabilityTests.KOLKATA, DayOfWeek.THURSDAY);
		Appointment a = booked(patient, doctor, day, 9);
		String cancel = API + "/appointments/" + a.id() + "/cancel";

		for (String stranger : List.of(people.patient().token(), people.doctor().token(), people.admin().token())) {
			error(http.post(cancel, Map.of("reason", "Not mine")).token(stranger).send(), 403, "FORBIDDEN");
		}
		error(http.post(cancel, Map.of("reason", "Anyone")).send(), 401);
		assertThat(book.require(a.id()).status()).isEqualTo(AppointmentStatus.PENDING);
		error(http.post(API + "/appointments/987654321/cancel", Map.of("reason", "x")).token(doctor.token()).send(),
				404, "NOT_FOUND");
		error(http.post(cancel, Map.of("reason", "x".repeat(501))).token(doctor.token()).send(), 400);
		error(http.post(API + "/appointments/abc/cancel", Map.of()).token(doctor.token()).send(), 400);

		ok(http.post(cancel, Map.of()).token(patient.token()).send(), 200);
		error(http.post(cancel, Map.of("reason", "Twice")).token(doctor.token()).send(), 409,
				"INVALID_STATUS_TRANSITION");
		Appointment done = booked(patient, doctor, day, 12);
		book.complete(Ref.id(done.id()), doctor.actor());
		error(http.post(API + "/appointments/" + done.id() + "/cancel", Map.of()).token(patient.token()).send(), 409,
				"INVALID_STATUS_TRANSITION");
	}

	private Appointment booked(ClinicoPeople.Person patient, ClinicoPeople.Person doctor, LocalDate day, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.requirePatient().id()),
				Ref.id(doctor.requireClinician().id()), null, day, LocalTime.of(hour, 0), SessionType.ONLINE),
				clinic.admin()).appointment();
	}

	private List<InAppNotification> cancellations(ClinicoPeople.Person person) {
		return notifications.list(InAppNotifications.Filter.newestFirst(), PageRequest.of(0, 50), person.actor())
			.getContent()
			.stream()
			.filter(n -> "appointment_cancelled".equals(n.topic()))
			.toList();
	}
}
