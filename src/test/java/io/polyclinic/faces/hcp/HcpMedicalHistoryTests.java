package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/emr/medical-history/{patient_id}/}: empty until written, written by the patient and by their doctor
 * (what a write leaves out stays), read by them, refused to anyone else.
 */
class HcpMedicalHistoryTests extends HcpApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	HcpPeople.Person patient;
	HcpPeople.Person doctor;

	@BeforeEach
	void cast() {
		patient = people.patient();
		doctor = people.doctor();
		HcpChartFixtures.visit(book, patients, clinic, patient, doctor);
	}

	@Test
	void aHistoryIsEmptyUntilWrittenThenKeepsWhatEachWriteLeavesOut() {
		String path = API + "/emr/medical-history/" + patient.id() + "/";
		JsonNode empty = data(http.get(path).token(patient.token()).send(), 200);
		assertThat(Http.keys(empty)).containsExactlyInAnyOrder("id", "patient", "chronic_conditions", "allergies",
				"current_medications", "surgical_history", "immunizations", "family_history", "smoking_status",
				"alcohol_consumption", "exercise_habits", "created_at", "updated_at");
		assertThat(empty.path("id").isNull()).isTrue();
		assertThat(empty.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(empty.path("allergies").isArray()).isTrue();
		assertThat(empty.path("allergies").size()).isZero();
		assertThat(empty.path("family_history").asString()).isEmpty();
		assertThat(empty.path("created_at").isNull()).isTrue();

		Map<String, Object> mine = new LinkedHashMap<>();
		mine.put("chronic_conditions", List.of("asthma"));
		mine.put("allergies", List.of(Map.of("allergen", "penicillin", "severity", "severe")));
		mine.put("family_history", "Father: type 2 diabetes");
		mine.put("smoking_status", "never");
		JsonNode written = data(http.put(path, mine).token(patient.token()).send(), 200);
		assertThat(written.path("id").isNumber()).isTrue();
		assertThat(written.path("allergies").get(0).path("allergen").asString()).isEqualTo("penicillin");

		JsonNode completed = data(http.put(API + "/emr/medical-history/" + patient.id(),
				Map.of("current_medications", List.of("salbutamol inhaler"), "exercise_habits", "walks daily"))
			.token(doctor.token()).send(), 200);
		assertThat(completed.path("id").asLong()).isEqualTo(written.path("id").asLong());
		assertThat(completed.path("chronic_conditions").get(0).asString()).isEqualTo("asthma");
		assertThat(completed.path("current_medications").get(0).asString()).isEqualTo("salbutamol inhaler");
		assertThat(completed.path("smoking_status").asString()).isEqualTo("never");
		assertThat(completed.path("exercise_habits").asString()).isEqualTo("walks daily");
		assertThat(completed.path("updated_at").asString()).endsWith("Z");

		assertThat(data(http.get(path).token(doctor.token()).send(), 200)).isEqualTo(completed);
	}

	@Test
	void badFieldsAreDrfErrorsAndStrangersAreRefused() {
		String path = API + "/emr/medical-history/" + patient.id() + "/";
		JsonNode details = drfError(http.put(path, Map.of("allergies", "penicillin", "smoking_status",
				"x".repeat(21))).token(patient.token()).send(), 400);
		assertThat(details.path("allergies").get(0).asString())
			.isEqualTo("Expected a list of items but got type \"str\".");
		assertThat(details.path("smoking_status").get(0).asString())
			.isEqualTo("Ensure this field has no more than 20 characters.");

		HcpPeople.Person other = people.patient();
		drfError(http.get(path).token(other.token()).send(), 403);
		drfError(http.put(path, Map.of("family_history", "none")).token(other.token()).send(), 403);
		drfError(http.get(path).token(people.doctor().token()).send(), 403);
		drfError(http.get(path).send(), 401);
		drfError(http.get(API + "/emr/medical-history/" + doctor.id() + "/").token(people.admin().token()).send(),
				404);
		assertThat(data(http.get(path).token(people.admin().token()).send(), 200).path("patient").asLong())
			.isEqualTo(patient.id());
	}
}
