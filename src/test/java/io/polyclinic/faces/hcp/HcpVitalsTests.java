package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/emr/vitals/}: recorded by the patient or their doctor with the BMI computed (70 kg at 175 cm is
 * 70 / 1.75² = 22.857… → "22.9"), impossible values refused field by field, listed by patient in pages, read and
 * corrected.
 */
class HcpVitalsTests extends HcpApiTest {

	static final String VITALS = API + "/emr/vitals/";

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
	void aDoctorRecordsTheirPatientsVitalsWithTheBmiComputed() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("patient", patient.id());
		body.put("blood_pressure_systolic", 120);
		body.put("blood_pressure_diastolic", 80);
		body.put("heart_rate", 72);
		body.put("temperature", "98.6");
		body.put("respiratory_rate", 16);
		body.put("oxygen_saturation", 98);
		body.put("weight", 70);
		body.put("height", "175");
		body.put("pain_level", 2);
		body.put("notes", "after a walk");
		body.put("bmi", 99.9); // read-only: computed, never taken

		JsonNode v = data(http.post(VITALS, body).token(doctor.token()).send(), 201);

		assertThat(Http.keys(v)).containsExactlyInAnyOrder("id", "patient", "recorded_by", "recorded_by_name",
				"blood_pressure_systolic", "blood_pressure_diastolic", "heart_rate", "temperature", "respiratory_rate",
				"oxygen_saturation", "weight", "height", "bmi", "pain_level", "notes", "recorded_at");
		assertThat(v.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(v.path("recorded_by").asLong()).isEqualTo(doctor.id());
		assertThat(v.path("recorded_by_name").asString()).startsWith("Dr. ");
		assertThat(v.path("blood_pressure_systolic").asInt()).isEqualTo(120);
		assertThat(v.path("temperature").asString()).isEqualTo("98.6");
		assertThat(v.path("weight").asString()).isEqualTo("70.00");
		assertThat(v.path("height").asString()).isEqualTo("175.00");
		assertThat(v.path("bmi").asString()).isEqualTo("22.9");
		assertThat(v.path("notes").asString()).isEqualTo("after a walk");
		assertThat(v.path("recorded_at").asString()).endsWith("Z");

		long id = v.path("id").asLong();
		assertThat(data(http.get(VITALS + id + "/").token(patient.token()).send(), 200)).isEqualTo(v);

		// 82.5 / 1.75² = 26.938… → 26.9; what the correction leaves out stays
		JsonNode corrected = data(http.put(VITALS + id + "/", Map.of("weight", "82.5")).token(doctor.token()).send(),
				200);
		assertThat(corrected.path("bmi").asString()).isEqualTo("26.9");
		assertThat(corrected.path("weight").asString()).isEqualTo("82.50");
		assertThat(corrected.path("heart_rate").asInt()).isEqualTo(72);
	}

	@Test
	void aPatientRecordsTheirOwnWithoutNamingThemselfAndOnlyTheirOwn() {
		JsonNode v = data(http.post(VITALS, Map.of("heart_rate", 64, "weight", "60", "height", "160"))
			.token(patient.token()).send(), 201);
		assertThat(v.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(v.path("recorded_by").asLong()).isEqualTo(patient.id());
		// 60 / 1.6² = 23.4375 → 23.4
		assertThat(v.path("bmi").asString()).isEqualTo("23.4");
		assertThat(v.path("temperature").isNull()).isTrue();
		assertThat(v.path("notes").asString()).isEmpty();

		HcpPeople.Person other = people.patient();
		drfError(http.post(VITALS, Map.of("patient", patient.id(), "heart_rate", 70)).token(other.token()).send(),
				403);
		drfError(http.get(VITALS + v.path("id").asLong() + "/").token(other.token()).send(), 403);
		drfError(http.put(VITALS + v.path("id").asLong() + "/", Map.of("heart_rate", 70)).token(other.token())
			.send(), 403);
		drfError(http.post(VITALS, Map.of("patient", patient.id(), "heart_rate", 70)).token(people.doctor().token())
			.send(), 403);
		assertThat(fieldError(http.post(VITALS, Map.of("heart_rate", 70)).token(doctor.token()).send(), "patient"))
			.isEqualTo("This field is required.");
	}

	@Test
	void impossibleValuesAreDrfFieldErrors() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("patient", patient.id());
		body.put("blood_pressure_systolic", 400);
		body.put("heart_rate", 10);
		body.put("temperature", "37.0");
		body.put("oxygen_saturation", 101);
		body.put("weight", "70.123");
		body.put("height", 1000);
		body.put("pain_level", 11);

		JsonNode details = drfError(http.post(VITALS, body).token(doctor.token()).send(), 400);

		assertThat(details.path("blood_pressure_systolic").get(0).asString())
			.isEqualTo("Ensure this value is less than or equal to 300.");
		assertThat(details.path("heart_rate").get(0).asString())
			.isEqualTo("Ensure this value is greater than or equal to 30.");
		assertThat(details.path("temperature").get(0).asString())
			.isEqualTo("Ensure this value is greater than or equal to 90.0.");
		assertThat(details.path("oxygen_saturation").get(0).asString())
			.isEqualTo("Ensure this value is less than or equal to 100.");
		assertThat(details.path("weight").get(0).asString())
			.isEqualTo("Ensure that there are no more than 2 decimal places.");
		assertThat(details.path("height").get(0).asString())
			.isEqualTo("Ensure that there are no more than 3 digits before the decimal point.");
		assertThat(details.path("pain_level").get(0).asString())
			.isEqualTo("Ensure this value is less than or equal to 10.");

		assertThat(fieldError(http.post(VITALS, Map.of("patient", patient.id(), "blood_pressure_systolic", 80,
				"blood_pressure_diastolic", 90)).token(doctor.token()).send(), "blood_pressure_diastolic"))
			.contains("lower than the systolic");
		assertThat(Http.keys(drfError(http.post(VITALS, Map.of("patient", patient.id(), "heart_rate", "fast"))
			.token(doctor.token()).send(), 400))).contains("heart_rate");
	}

	@Test
	void theListIsTheCallersPatientsPagedNewestFirst() {
		for (int rate = 60; rate < 65; rate++) {
			data(http.post(VITALS, Map.of("patient", patient.id(), "heart_rate", rate)).token(doctor.token()).send(),
					201);
		}
		HcpPeople.Person other = people.patient();
		data(http.post(VITALS, Map.of("heart_rate", 90)).token(other.token()).send(), 201);

		JsonNode first = page(http.get(VITALS + "?patient=" + patient.id() + "&page_size=2").token(doctor.token())
			.send());
		assertThat(first.path("count").asLong()).isEqualTo(5);
		assertThat(first.path("results").findValuesAsString("heart_rate")).containsExactly("64", "63");
		assertThat(first.path("next").asString()).contains("page=2");
		assertThat(first.path("previous").isNull()).isTrue();
		JsonNode oldest = page(http.get(VITALS + "?patient=" + patient.id() + "&ordering=recorded_at&page_size=1")
			.token(patient.token()).send());
		assertThat(oldest.path("results").get(0).path("heart_rate").asInt()).isEqualTo(60);
		assertThat(page(http.get(VITALS + "?patient=" + patient.id() + "&recorded_after=2000-01-01T00:00:00Z")
			.token(doctor.token()).send()).path("count").asLong()).isEqualTo(5);
		assertThat(page(http.get(VITALS + "?patient=" + patient.id() + "&recorded_before=2000-01-01T00:00:00Z")
			.token(doctor.token()).send()).path("count").asLong()).isZero();

		// the doctor reaches only their patients; the other patient sees only their own
		assertThat(page(http.get(VITALS + "?patient=" + other.id()).token(doctor.token()).send()).path("count")
			.asLong()).isZero();
		assertThat(page(http.get(VITALS).token(other.token()).send()).path("count").asLong()).isEqualTo(1);
		assertThat(page(http.get(VITALS + "?recorded_by=" + doctor.id()).token(people.admin().token()).send())
			.path("count").asLong()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void theListNeedsASignedInCallerAndRefusesBadFiltersAndOrderings() {
		Http.Res anonymous = http.get(VITALS).send();
		drfError(anonymous, 401);
		assertThat(anonymous.json().path("error").asString()).isEqualTo("Authentication credentials were not provided.");
		drfError(http.get(VITALS + "?patient=" + patient.id()).token("not-a-token").send(), 401);

		assertThat(fieldError(http.get(VITALS + "?ordering=heart_rate").token(doctor.token()).send(), "ordering"))
			.isNotBlank();
		assertThat(fieldError(http.get(VITALS + "?recorded_after=yesterday").token(doctor.token()).send(),
				"recorded_after")).isEqualTo("Enter a valid date/time.");
		assertThat(fieldError(http.get(VITALS + "?recorded_before=31-12-2030").token(doctor.token()).send(),
				"recorded_before")).isEqualTo("Enter a valid date/time.");
		assertThat(fieldError(http.get(VITALS + "?page=0").token(patient.token()).send(), "page"))
			.isEqualTo("Page must be 1 or more");
		assertThat(page(http.get(VITALS + "?ordering=-recorded_at").token(patient.token()).send()).path("count")
			.asLong()).isZero();
	}

	@Test
	void theListsBoundsAreInstantsWithTheirOffsetOrDays() {
		data(http.post(VITALS, Map.of("heart_rate", 66)).token(patient.token()).send(), 201);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		String mine = VITALS + "?patient=" + patient.id();

		assertThat(count(mine + "&recorded_after=" + today.minusDays(1))).isEqualTo(1);
		assertThat(count(mine + "&recorded_after=" + today.plusDays(1))).isZero();
		assertThat(count(mine + "&recorded_before=" + today.plusDays(1))).isEqualTo(1);
		assertThat(count(mine + "&recorded_before=" + today.minusDays(1))).isZero();
		// an offset other than Z, its + sent encoded
		assertThat(count(mine + "&recorded_after=" + today.minusDays(1) + "T00:00:00%2B05:30")).isEqualTo(1);
		assertThat(count(mine + "&recorded_after=" + today.plusDays(1) + "T00:00:00.000Z")).isZero();
	}

	private long count(String path) {
		return page(http.get(path).token(patient.token()).send()).path("count").asLong();
	}

	@Test
	void anUnknownReadingIsNotFound_andACorrectionIsCheckedAsARecordingIs() {
		drfError(http.get(VITALS + "99999999/").token(doctor.token()).send(), 404);
		drfError(http.put(VITALS + "99999999/", Map.of("heart_rate", 70)).token(doctor.token()).send(), 404);

		long id = data(http.post(VITALS, Map.of("patient", patient.id(), "heart_rate", 72, "weight", "70")).token(
				doctor.token()).send(), 201).path("id").asLong();
		assertThat(fieldError(http.put(VITALS + id + "/", Map.of("heart_rate", 500)).token(doctor.token()).send(),
				"heart_rate")).isEqualTo("Ensure this value is less than or equal to 300.");
		assertThat(fieldError(http.put(VITALS + id + "/", Map.of("oxygen_saturation", 20)).token(doctor.token())
			.send(), "oxygen_saturation")).isEqualTo("Ensure this value is greater than or equal to 50.");
		assertThat(fieldError(http.put(VITALS + id + "/", Map.of("weight", "0")).token(doctor.token()).send(),
				"weight")).isNotBlank();
		// the doctor's reading is corrected by its recorder or the patient's carers, not by the patient
		drfError(http.put(VITALS + id + "/", Map.of("heart_rate", 60)).token(patient.token()).send(), 403);
		assertThat(Http.keys(drfError(http.put(VITALS + id + "/", Map.of("heart_rate", "fast")).token(
				doctor.token()).send(), 400))).contains("heart_rate");

		// the refused corrections changed nothing
		JsonNode kept = data(http.get(VITALS + id + "/").token(doctor.token()).send(), 200);
		assertThat(kept.path("heart_rate").asInt()).isEqualTo(72);
		assertThat(kept.path("weight").asString()).isEqualTo("70.00");
	}
}
