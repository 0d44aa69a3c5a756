package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.clinical.DocumentType;
import io.polyclinic.clinical.Encounter;
import io.polyclinic.clinical.Encounters;
import io.polyclinic.clinical.MedicalDocument;
import io.polyclinic.clinical.MedicalDocuments;
import io.polyclinic.clinical.MedicalHistories;
import io.polyclinic.clinical.MedicalHistoryChanges;
import io.polyclinic.clinical.Medication;
import io.polyclinic.clinical.NewEncounter;
import io.polyclinic.clinical.NewMedicalDocument;
import io.polyclinic.clinical.NewPrescription;
import io.polyclinic.clinical.Prescriptions;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/patients/:id/medical-profile}: the same history, prescriptions and documents the other faces write,
 * for a doctor with an appointment with the patient alone.
 */
class ClinicoMedicalProfileTests extends ClinicoApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Autowired
	AppointmentBook book;
	@Autowired
	Encounters encounters;
	@Autowired
	Prescriptions prescriptions;
	@Autowired
	MedicalHistories histories;
	@Autowired
	MedicalDocuments documents;

	@Test
	void theDoctorSeesTheHistoryTheMedicinesInForceAndThePastRecords() {
		var doctor = people.doctor();
		var patient = people.patient();
		long patientId = patient.requirePatient().id();
		patientRegistry.change(patientId, new PatientDetails(null, null, null, null, null, "O+", null, null, null),
				clinic.admin());
		Appointment visit = visit(patient, doctor, 10);
		histories.change(patientId, new MedicalHistoryChanges("[\"Hypertension\", \"Asthma\"]", "[\"Penicillin\"]",
				"[]", null, null, null, "never", null, "sedentary"), patient.actor());
		Encounter seen = encounters.write(new NewEncounter(visit.id(), null, "Headache", null, null, null, "Tension",
				null, "Rest", null, null), doctor.actor());
		prescriptions.write(new NewPrescription(seen.id(), List.of(new Medication("Aspirin", "75mg", "Once daily",
				"30 days", null)), null, null, null, null, null, null, null), doctor.actor());
		MedicalDocument report = documents.upload(new NewMedicalDocument(patientId, DocumentType.LAB_REPORT, "CBC",
				null, null, TestImages.pdf(), "cbc.pdf"), patient.actor());

		JsonNode profile = ok(http.get(API + "/patients/" + patientId + "/medical-profile").token(doctor.token())
			.send(), 200);

		assertThat(Http.keys(profile)).containsExactlyInAnyOrder("patient_id", "blood_group", "chronic_conditions",
				"known_allergies", "current_medications", "lifestyle_notes", "past_records");
		assertThat(profile.path("patient_id").asLong()).isEqualTo(patientId);
		assertThat(profile.path("blood_group").asString()).isEqualTo("O+");
		assertThat(profile.path("chronic_conditions").asString()).isEqualTo("Hypertension, Asthma");
		assertThat(profile.path("known_allergies").asString()).isEqualTo("Penicillin");
		assertThat(profile.path("current_medications").asString()).isEqualTo("Aspirin 75mg");
		assertThat(profile.path("lifestyle_notes").asString()).isEqualTo("Smoking: never, Exercise: sedentary");
		JsonNode records = profile.path("past_records");
		assertThat(records.isArray()).isTrue();
		assertThat(records).hasSize(1);
		JsonNode record = records.get(0);
		assertThat(Http.keys(record)).containsExactlyInAnyOrder("record_id_uuid", "document_type", "document_url",
				"report_date");
		assertThat(record.path("record_id_uuid").asString()).isEqualTo(report.publicId().toString());
		assertThat(record.path("document_type").asString()).isEqualTo("Lab Report");
		assertThat(record.path("report_date").asString())
			.isEqualTo(report.createdAt().atZone(KOLKATA).toLocalDate().toString());
		String url = record.path("document_url").asString();
		assertThat(url).startsWith("http").contains("/files/" + report.fileId() + "?expires=");
		// the signed link serves the document's bytes, without a token
		Http.Res download = http.get(url.substring(url.indexOf("/files/"))).send();
		assertThat(download.status()).isEqualTo(200);
	}

	@Test
	void whatTheDoctorWritesThroughHcpIsTheProfileClinicoShows() {
		var doctor = people.doctor();
		var patient = people.patient();
		long patientId = patient.requirePatient().id();
		Appointment visit = visit(patient, doctor, 14);

		// through hcp, with the same tokens: the history, the encounter of the visit and its prescription
		Http.Res history = http.put("/hcp/api/emr/medical-history/" + patient.userId() + "/", Map.of(
				"chronic_conditions", List.of("Asthma"), "allergies", List.of(Map.of("allergen", "Penicillin",
						"severity", "severe")), "smoking_status", "never", "exercise_habits", "daily walks"))
			.token(doctor.token()).send();
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		Http.Res encounter = http.post("/hcp/api/emr/encounters/", Map.of("appointment", visit.id(),
				"encounter_type", "consultation", "chief_complaint", "Wheezing", "assessment", "Asthma flare", "plan", "Inhalers"))
			.token(doctor.token()).send();
		assertThat(encounter.status()).as(encounter.body()).isEqualTo(201);
		Http.Res prescription = http.post("/hcp/api/emr/prescriptions/", Map.of("encounter", encounter.json()
			.path("data").path("id").asLong(), "medications", List.of(Map.of("name", "Salbutamol", "dosage",
					"100mcg", "frequency", "When breathless", "duration", "30 days"), Map.of("name", "Budesonide",
							"dosage", "200mcg", "frequency", "Twice daily", "duration", "90 days")), "diagnosis",
				"Asthma")).token(doctor.token()).send();
		assertThat(prescription.status()).as(prescription.body()).isEqualTo(201);

		JsonNode profile = ok(http.get(API + "/patients/" + patientId + "/medical-profile").token(doctor.token())
			.send(), 200);

		assertThat(Http.keys(profile)).containsExactlyInAnyOrder("patient_id", "blood_group", "chronic_conditions",
				"known_allergies", "current_medications", "lifestyle_notes", "past_records");
		assertThat(profile.path("patient_id").asLong()).isEqualTo(patientId);
		assertThat(profile.path("chronic_conditions").asString()).isEqualTo("Asthma");
		assertThat(profile.path("known_allergies").asString()).isEqualTo("Penicillin");
		assertThat(profile.path("current_medications").asString()).isEqualTo("Salbutamol 100mcg, Budesonide 200mcg");
		assertThat(profile.path("lifestyle_notes").asString()).isEqualTo("Smoking: never, Exercise: daily walks");
		assertThat(profile.path("past_records")).isEmpty();

		// a prescription hcp marks completed is no longer in force
		long id = prescription.json().path("data").path("id").asLong();
		Http.Res done = http.patch("/hcp/api/emr/prescriptions/" + id + "/", Map.of("status", "completed"))
			.token(doctor.token()).send();
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(ok(http.get(API + "/patients/" + patientId + "/medical-profile").token(doctor.token()).send(), 200)
			.path("current_medications").isNull()).isTrue();
	}

	@Test
	void aPatientWithNothingOnFileHasNullTextsAndNoRecords() {
		var doctor = people.doctor();
		var patient = people.patient();
		visit(patient, doctor, 11);

		JsonNode profile = ok(http.get(API + "/patients/" + patient.requirePatient().id() + "/medical-profile")
			.token(doctor.token()).send(), 200);

		for (String field : List.of("blood_group", "chronic_conditions", "known_allergies", "current_medications",
				"lifestyle_notes")) {
			assertThat(profile.path(field).isNull()).as(field).isTrue();
		}
		assertThat(profile.path("past_records").isArray()).isTrue();
		assertThat(profile.path("past_records")).isEmpty();
	}

	@Test
	void onlyADoctorWithAnAppointmentWithThePatientSeesIt() {
		var doctor = people.doctor();
		var other = people.doctor();
		var cancelled = people.doctor();
		var patient = people.patient();
		long patientId = patient.requirePatient().id();
		visit(patient, doctor, 12);
		book.cancel(visit(patient, cancelled, 13).id(), "Travel", clinic.admin());
		String path = API + "/patients/" + patientId + "/medical-profile";

		ok(http.get(path).token(doctor.token()).send(), 200);
		error(http.get(path).token(other.token()).send(), 403, "FORBIDDEN");
		error(http.get(path).token(cancelled.token()).send(), 403, "FORBIDDEN");
		error(http.get(path).token(patient.token()).send(), 403, "FORBIDDEN");
		error(http.get(path).token(people.admin().token()).send(), 403, "FORBIDDEN");
		assertThat(http.get(path).send().status()).isEqualTo(401);
	}

	@Test
	void anUnknownPatientIs404AndABadIdIs400() {
		var doctor = people.doctor();

		error(http.get(API + "/patients/999999999/medical-profile").token(doctor.token()).send(), 404);
		error(http.get(API + "/patients/abc/medical-profile").token(doctor.token()).send(), 400);
	}

	private Appointment visit(ClinicoPeople.Person patient, ClinicoPeople.Person doctor, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.requirePatient().id()),
				Ref.id(doctor.requireClinician().id()), null, Clinic.nextWeekday(KOLKATA, DayOfWeek.TUESDAY),
				LocalTime.of(hour, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
	}
}
