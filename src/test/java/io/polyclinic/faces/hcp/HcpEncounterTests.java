package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** {@code /api/emr/encounters/}: one per appointment, written by its doctor, read by those who may see the patient. */
class HcpEncounterTests extends HcpApiTest {

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	HcpEmrVisits visits;

	@BeforeEach
	void visits() {
		visits = new HcpEmrVisits(book, patients, clinic);
	}

	static Map<String, Object> encounter(long appointment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appointment", appointment);
		body.put("encounter_type", "follow_up");
		body.put("chief_complaint", "Persistent cough");
		body.put("history_of_present_illness", "Two weeks, worse at night");
		body.put("vital_signs", Map.of("temperature", 37.9, "blood_pressure", "120/80"));
		body.put("physical_examination", "Scattered wheeze");
		body.put("assessment", "Acute bronchitis");
		body.put("diagnosis_codes", List.of("J20.9"));
		body.put("plan", "Inhaler, rest, review in a week");
		body.put("clinical_notes", "Non-smoker");
		body.put("follow_up_instructions", "Return if fever rises");
		return body;
	}

	@Test
	void theDoctorWritesTheEncounterOfTheirAppointmentInTheOriginalsShape() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);

		JsonNode written = data(http.post(API + "/emr/encounters/", encounter(visit.id())).token(doctor.token())
			.send(), 201);

		assertThat(Http.keys(written)).containsExactlyInAnyOrder("id", "appointment", "patient", "doctor",
				"encounter_type", "chief_complaint", "history_of_present_illness", "vital_signs",
				"physical_examination", "assessment", "diagnosis_codes", "plan", "clinical_notes",
				"follow_up_instructions", "created_by", "created_at", "updated_at");
		assertThat(written.path("id").isIntegralNumber()).isTrue();
		assertThat(written.path("appointment").asLong()).isEqualTo(visit.id());
		assertThat(written.path("patient").asLong()).isEqualTo(patient.id());
		assertThat(written.path("doctor").asLong()).isEqualTo(doctor.requireDoctorId());
		assertThat(written.path("created_by").asLong()).isEqualTo(doctor.id());
		assertThat(written.path("encounter_type").asString()).isEqualTo("follow_up");
		assertThat(written.path("chief_complaint").asString()).isEqualTo("Persistent cough");
		assertThat(written.path("vital_signs").path("blood_pressure").asString()).isEqualTo("120/80");
		assertThat(written.path("vital_signs").path("temperature").asDouble()).isEqualTo(37.9);
		assertThat(written.path("diagnosis_codes").get(0).asString()).isEqualTo("J20.9");
		assertThat(written.path("follow_up_instructions").asString()).isEqualTo("Return if fever rises");
		assertThat(written.path("created_at").asString()).endsWith("Z");
		assertThat(Instant.parse(written.path("updated_at").asString())).isNotNull();

		long id = written.path("id").asLong();
		for (HcpPeople.Person reader : List.of(patient, doctor, people.admin())) {
			JsonNode read = data(http.get(API + "/emr/encounters/" + id).token(reader.token()).send(), 200);
			assertThat(read).isEqualTo(written);
		}
	}

	@Test
	void onlyTheAppointmentsDoctorWritesAndOnceOnly() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person doctor = people.doctor();
		HcpPeople.Person otherDoctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);

		drfError(http.post(API + "/emr/encounters/", encounter(visit.id())).token(patient.token()).send(), 403);
		drfError(http.post(API + "/emr/encounters/", encounter(visit.id())).token(otherDoctor.token()).send(), 403);
		drfError(http.post(API + "/emr/encounters/", encounter(visit.id())).token(people.admin().token()).send(), 403);
		drfError(http.post(API + "/emr/encounters/", encounter(visit.id())).send(), 401);

		long id = data(http.post(API + "/emr/encounters", encounter(visit.id())).token(doctor.token()).send(), 201)
			.path("id").asLong();
		assertThat(fieldError(http.post(API + "/emr/encounters/", encounter(visit.id())).token(doctor.token()).send(),
				"appointment")).isEqualTo("encounter with this appointment already exists.");

		drfError(http.put(API + "/emr/encounters/" + id + "/", Map.of("plan", "Mine now")).token(otherDoctor.token())
			.send(), 403);
		drfError(http.put(API + "/emr/encounters/" + id + "/", Map.of("plan", "Mine now")).token(patient.token())
			.send(), 403);
		drfError(http.get(API + "/emr/encounters/" + id + "/").token(otherDoctor.token()).send(), 403);
		drfError(http.get(API + "/emr/encounters/" + id + "/").token(people.patient().token()).send(), 403);
		drfError(http.get(API + "/emr/encounters/" + (id + 1_000_000) + "/").token(doctor.token()).send(), 404);

		JsonNode changed = data(http.put(API + "/emr/encounters/" + id + "/",
				Map.of("plan", "Inhaler twice daily", "clinical_notes", "")).token(doctor.token()).send(), 200);
		assertThat(changed.path("plan").asString()).isEqualTo("Inhaler twice daily");
		assertThat(changed.path("clinical_notes").asString()).isEmpty();
		assertThat(changed.path("chief_complaint").asString()).isEqualTo("Persistent cough");
		assertThat(changed.path("appointment").asLong()).isEqualTo(visit.id());
	}

	@Test
	void badInputIsNamedFieldByFieldAsDrfDoes() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);

		Map<String, Object> blank = new LinkedHashMap<>(encounter(visit.id()));
		blank.put("chief_complaint", " ");
		blank.remove("assessment");
		blank.put("vital_signs", List.of(1, 2));
		JsonNode details = drfError(http.post(API + "/emr/encounters/", blank).token(doctor.token()).send(), 400);
		assertThat(Http.keys(details)).containsExactlyInAnyOrder("chief_complaint", "assessment", "vital_signs");
		assertThat(details.path("assessment").get(0).asString()).isEqualTo("This field is required.");

		Map<String, Object> badType = new LinkedHashMap<>(encounter(visit.id()));
		badType.put("encounter_type", "house_call");
		assertThat(fieldError(http.post(API + "/emr/encounters/", badType).token(doctor.token()).send(),
				"encounter_type")).isEqualTo("\"house_call\" is not a valid choice.");

		assertThat(fieldError(http.post(API + "/emr/encounters/", encounter(visit.id() + 1_000_000))
			.token(doctor.token()).send(), "appointment")).startsWith("Invalid pk");
		Map<String, Object> noAppointment = new LinkedHashMap<>(encounter(visit.id()));
		noAppointment.remove("appointment");
		assertThat(fieldError(http.post(API + "/emr/encounters/", noAppointment).token(doctor.token()).send(),
				"appointment")).isEqualTo("This field is required.");
		Map<String, Object> notANumber = new LinkedHashMap<>(encounter(visit.id()));
		notANumber.put("appointment", "tomorrow");
		assertThat(drfError(http.post(API + "/emr/encounters/", notANumber).token(doctor.token()).send(), 400)
			.has("appointment")).isTrue();
	}

	@Test
	void aChangeIsCheckedFieldByFieldAsAWriteIs() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person doctor = people.doctor();
		Appointment visit = visits.visit(patient, doctor);
		long id = data(http.post(API + "/emr/encounters/", encounter(visit.id())).token(doctor.token()).send(), 201)
			.path("id").asLong();
		String path = API + "/emr/encounters/" + id + "/";

		assertThat(fieldError(http.put(path, Map.of("encounter_type", "house_call")).token(doctor.token()).send(),
				"encounter_type")).isEqualTo("\"house_call\" is not a valid choice.");
		assertThat(fieldError(http.put(path, Map.of("chief_complaint", " ")).token(doctor.token()).send(),
				"chief_complaint")).isNotBlank();
		assertThat(fieldError(http.put(path, Map.of("vital_signs", List.of(1, 2))).token(doctor.token()).send(),
				"vital_signs")).isNotBlank();
		drfError(http.put(API + "/emr/encounters/" + (id + 1_000_000) + "/", Map.of("plan", "Lost"))
			.token(doctor.token()).send(), 404);

		JsonNode kept = data(http.get(path).token(doctor.token()).send(), 200);
		assertThat(kept.path("encounter_type").asString()).isEqualTo("follow_up");
		assertThat(kept.path("chief_complaint").asString()).isEqualTo("Persistent cough");
		assertThat(data(http.put(path, Map.of("encounter_type", "emergency")).token(doctor.token()).send(), 200)
			.path("encounter_type").asString()).isEqualTo("emergency");
		// its appointment never changes: another one named in a change is ignored
		Appointment other = visits.visit(patient, doctor);
		assertThat(data(http.put(path, Map.of("appointment", other.id(), "plan", "Moved?")).token(doctor.token())
			.send(), 200).path("appointment").asLong()).isEqualTo(visit.id());
	}

	@Test
	void theListShowsEachCallerWhatTheyMaySeeFilteredOrderedAndPaged() {
		HcpPeople.Person patient = people.patient();
		HcpPeople.Person otherPatient = people.patient();
		HcpPeople.Person doctor = people.doctor();
		HcpPeople.Person otherDoctor = people.doctor();
		Appointment first = visits.visit(patient, doctor);
		Appointment second = visits.visit(patient, doctor);
		Appointment others = visits.visit(otherPatient, doctor);
		for (Appointment visit : List.of(first, second, others)) {
			data(http.post(API + "/emr/encounters/", encounter(visit.id())).token(doctor.token()).send(), 201);
		}

		JsonNode own = page(http.get(API + "/emr/encounters/").token(patient.token()).send());
		assertThat(own.path("count").asLong()).isEqualTo(2);
		assertThat(own.path("results").get(0).path("appointment").asLong()).isEqualTo(second.id());
		assertThat(page(http.get(API + "/emr/encounters/").token(otherDoctor.token()).send()).path("count").asLong())
			.isZero();
		assertThat(page(http.get(API + "/emr/encounters/?patient=" + patient.id()).token(doctor.token()).send())
			.path("count").asLong()).isEqualTo(2);
		assertThat(page(http.get(API + "/emr/encounters/?patient=" + otherPatient.id()).token(patient.token())
			.send()).path("count").asLong()).isZero();

		JsonNode byAppointment = page(http.get(API + "/emr/encounters/?appointment=" + first.id())
			.token(people.admin().token()).send());
		assertThat(byAppointment.path("count").asLong()).isEqualTo(1);
		assertThat(byAppointment.path("results").get(0).path("appointment").asLong()).isEqualTo(first.id());

		JsonNode paged = page(http.get(API + "/emr/encounters/?ordering=created_at&page_size=1&patient="
				+ patient.id()).token(doctor.token()).send());
		assertThat(paged.path("count").asLong()).isEqualTo(2);
		assertThat(paged.path("results").get(0).path("appointment").asLong()).isEqualTo(first.id());
		assertThat(paged.path("next").asString()).contains("page=2");
		assertThat(paged.path("previous").isNull()).isTrue();

		assertThat(drfError(http.get(API + "/emr/encounters/?ordering=plan").token(doctor.token()).send(), 400)
			.has("ordering")).isTrue();
		drfError(http.get(API + "/emr/encounters/").send(), 401);
	}
}
