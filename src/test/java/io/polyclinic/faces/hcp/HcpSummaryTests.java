package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/** {@code /api/emr/summary/{patient_id}/}: the patient's chart in one read, for the patient, their doctor, admin. */
class HcpSummaryTests extends HcpApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	HcpPeople.Person patient;
	HcpPeople.Person doctor;
	long appointment;

	@BeforeEach
	void cast() {
		patient = people.patient();
		doctor = people.doctor();
		appointment = HcpChartFixtures.visit(book, patients, clinic, patient, doctor);
	}

	@Test
	void theSummaryGathersTheHistoryTheLatestVitalsAndTheNewestDocuments() {
		String path = API + "/emr/summary/" + patient.id() + "/";
		JsonNode empty = data(http.get(path).token(patient.token()).send(), 200);
		assertThat(Http.keys(empty)).containsExactlyInAnyOrder("patient", "medical_history", "latest_vitals",
				"recent_encounters", "recent_prescriptions", "recent_documents", "total_encounters",
				"total_prescriptions", "total_documents", "total_vitals");
		assertThat(empty.path("recent_encounters").size()).isZero();
		assertThat(empty.path("total_prescriptions").asLong()).isZero();
		assertThat(empty.path("patient").path("id").asLong()).isEqualTo(patient.id());
		assertThat(empty.path("patient").path("role").asString()).isEqualTo("patient");
		assertThat(empty.path("medical_history").path("id").isNull()).isTrue();
		assertThat(empty.path("latest_vitals").isNull()).isTrue();
		assertThat(empty.path("recent_documents").size()).isZero();
		assertThat(empty.path("total_documents").asLong()).isZero();

		data(http.put(API + "/emr/medical-history/" + patient.id() + "/", Map.of("allergies", List.of("latex")))
			.token(patient.token()).send(), 200);
		for (int i = 1; i <= 6; i++) {
			data(HcpChartFixtures.upload(port, API + "/emr/documents/", doctor.token(), Map.of("document_type",
					"lab_report", "title", "Report " + i, "owner", String.valueOf(patient.id())), "r.pdf",
					TestImages.pdf()), 201);
		}
		data(http.post(API + "/emr/vitals/", Map.of("patient", patient.id(), "heart_rate", 70)).token(doctor.token())
			.send(), 201);
		long latest = data(http.post(API + "/emr/vitals/", Map.of("weight", "70", "height", "175"))
			.token(patient.token()).send(), 201).path("id").asLong();

		long encounter = data(http.post(API + "/emr/encounters/", Map.of("appointment", appointment,
				"chief_complaint", "Cough", "assessment", "Bronchitis", "plan", "Rest")).token(doctor.token()).send(),
				201).path("id").asLong();
		long prescription = data(http.post(API + "/emr/prescriptions/", Map.of("encounter", encounter,
				"medications", List.of(Map.of("name", "Amoxicillin", "dosage", "500mg", "frequency", "thrice daily",
						"duration", "5 days")), "instructions", "After meals")).token(doctor.token()).send(), 201)
			.path("id").asLong();

		JsonNode summary = data(http.get(path).token(doctor.token()).send(), 200);
		assertThat(summary.path("total_encounters").asLong()).isEqualTo(1);
		assertThat(summary.path("recent_encounters").get(0).path("id").asLong()).isEqualTo(encounter);
		assertThat(summary.path("recent_encounters").get(0).path("chief_complaint").asString()).isEqualTo("Cough");
		assertThat(summary.path("total_prescriptions").asLong()).isEqualTo(1);
		assertThat(summary.path("recent_prescriptions").get(0).path("id").asLong()).isEqualTo(prescription);
		assertThat(summary.path("recent_prescriptions").get(0).path("medications").get(0).path("name").asString())
			.isEqualTo("Amoxicillin");
		assertThat(summary.path("medical_history").path("allergies").get(0).asString()).isEqualTo("latex");
		assertThat(summary.path("latest_vitals").path("id").asLong()).isEqualTo(latest);
		assertThat(summary.path("latest_vitals").path("bmi").asString()).isEqualTo("22.9");
		assertThat(summary.path("recent_documents").findValuesAsString("title")).containsExactly("Report 6",
				"Report 5", "Report 4", "Report 3", "Report 2");
		assertThat(summary.path("total_documents").asLong()).isEqualTo(6);
		assertThat(summary.path("total_vitals").asLong()).isEqualTo(2);
		assertThat(data(http.get(path).token(people.admin().token()).send(), 200).path("total_vitals").asLong())
			.isEqualTo(2);
	}

	@Test
	void strangersAreRefusedAndAUserWhoIsNoPatientIsNotFound() {
		String path = API + "/emr/summary/" + patient.id() + "/";
		drfError(http.get(path).token(people.patient().token()).send(), 403);
		drfError(http.get(path).token(people.doctor().token()).send(), 403);
		drfError(http.get(path).send(), 401);
		drfError(http.get(API + "/emr/summary/" + doctor.id()).token(people.admin().token()).send(), 404);
	}
}
