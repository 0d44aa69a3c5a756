package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * clinico.md's {@code POST /api/consultations}: saved by the appointment's doctor, once; it completes the appointment
 * and is the encounter hcp's EMR shows.
 */
class ClinicoConsultationTests extends ClinicoApiTest {

	@Autowired
	AppointmentBook book;

	ClinicoVisits visits;

	@BeforeEach
	void visits() {
		visits = new ClinicoVisits(book, clinic);
	}

	@Test
	void theDoctorSavesTheConsultationWhichCompletesTheAppointmentAndHcpShowsIt() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);
		assertThat(visit.startsAt()).isAfter(Instant.now());

		JsonNode saved = ok(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id()))
			.token(doctor.token()).send(), 201);

		assertThat(Http.keys(saved)).containsExactlyInAnyOrder("consultation_id_uuid", "created_at");
		assertThat(saved.path("consultation_id_uuid").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(saved.path("created_at").asString()).endsWith("Z");
		assertThat(Instant.parse(saved.path("created_at").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(book.require(visit.id()).status()).isEqualTo(AppointmentStatus.COMPLETED);

		// the same record through the hcp face, with the same token
		JsonNode page = ok(http.get("/hcp/api/emr/encounters/?appointment=" + visit.id()).token(doctor.token())
			.send(), 200).path("data");
		assertThat(page.path("count").asLong()).isEqualTo(1);
		JsonNode encounter = page.path("results").get(0);
		assertThat(encounter.path("appointment").asLong()).isEqualTo(visit.id());
		assertThat(encounter.path("patient").asLong()).isEqualTo(patient.userId());
		assertThat(encounter.path("assessment").asString()).isEqualTo("Acute Bronchitis");
		assertThat(encounter.path("plan").asString()).isEqualTo("Steam inhalation, rest.");
		assertThat(encounter.path("follow_up_instructions").asString())
			.isEqualTo("Visit again if fever persists > 3 days.");
		assertThat(encounter.path("clinical_notes").asString()).isEqualTo("Patient presented with dry cough.");
		assertThat(encounter.path("created_at").asString()).isEqualTo(saved.path("created_at").asString());
	}

	@Test
	void anAppointmentHasOneConsultation() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);
		ok(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id())).token(doctor.token()).send(), 201);

		error(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id())).token(doctor.token()).send(),
				409, "CONSULTATION_EXISTS");
	}

	@Test
	void aBadConsultationIsRefusedAndNothingCompletes() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);
		Map<String, Object> noDiagnosis = ClinicoVisits.consultation(visit.id());
		noDiagnosis.remove("diagnosis");
		noDiagnosis.put("doctor_recommendations", " ");

		String message = error(http.post(API + "/consultations", noDiagnosis).token(doctor.token()).send(), 400,
				"INVALID_INPUT");

		assertThat(message).contains("diagnosis", "doctor_recommendations");
		assertThat(book.require(visit.id()).status()).isNotEqualTo(AppointmentStatus.COMPLETED);
		Map<String, Object> notANumber = ClinicoVisits.consultation(visit.id());
		notANumber.put("appointment_id", "one-hundred-and-two");
		error(http.post(API + "/consultations", notANumber).token(doctor.token()).send(), 400);
		error(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id() + 1_000_000))
			.token(doctor.token()).send(), 400, "INVALID_INPUT");
	}

	@Test
	void onlyTheAppointmentsDoctorSavesIt() {
		var patient = people.patient();
		var doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);

		for (var outsider : java.util.List.of(patient, people.doctor(), people.admin(), people.patient())) {
			error(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id())).token(outsider.token())
				.send(), 403, "FORBIDDEN");
		}
		error(http.post(API + "/consultations", ClinicoVisits.consultation(visit.id())).send(), 401);
		assertThat(book.require(visit.id()).status()).isNotEqualTo(AppointmentStatus.COMPLETED);
	}
}
