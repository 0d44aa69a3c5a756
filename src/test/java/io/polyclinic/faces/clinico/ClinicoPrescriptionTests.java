package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * clinico.md's {@code POST /api/prescriptions}: one medicine at a consultation, by that consultation's doctor; a
 * prescription hcp's EMR shows.
 */
class ClinicoPrescriptionTests extends ClinicoApiTest {

	@Autowired
	AppointmentBook book;

	ClinicoVisits visits;

	@BeforeEach
	void visits() {
		visits = new ClinicoVisits(book, clinic);
	}

	private String consultation(ClinicoPeople.Person patient, ClinicoPeople.Person doctor) {
		return ok(http.post(API + "/consultations", ClinicoVisits.consultation(visits.visit(patient, doctor).id()))
			.token(doctor.token()).send(), 201).path("consultation_id_uuid").asString();
	}

	@Test
	void theDoctorIssuesOneMedicineWhichHcpShows() {
		var patient = people.patient();
		var doctor = people.doctor();
		String consultation = consultation(patient, doctor);

		JsonNode issued = ok(http.post(API + "/prescriptions", ClinicoVisits.prescription(consultation))
			.token(doctor.token()).send(), 201);

		assertThat(Http.keys(issued)).containsExactlyInAnyOrder("prescription_id_uuid", "is_active");
		assertThat(UUID.fromString(issued.path("prescription_id_uuid").asString())).isNotNull();
		assertThat(issued.path("is_active").isBoolean()).isTrue();
		assertThat(issued.path("is_active").asBoolean()).isTrue();

		JsonNode page = ok(http.get("/hcp/api/emr/prescriptions/").token(patient.token()).send(), 200)
			.path("data");
		assertThat(page.path("count").asLong()).isEqualTo(1);
		JsonNode prescription = page.path("results").get(0);
		assertThat(prescription.path("status").asString()).isEqualTo("active");
		assertThat(prescription.path("instructions").asString()).isEqualTo("May cause slight drowsiness");
		assertThat(prescription.path("notes").asString()).isEqualTo("Complete the full course");
		JsonNode medicine = prescription.path("medications").get(0);
		assertThat(medicine.path("name").asString()).isEqualTo("Azithromycin");
		assertThat(medicine.path("dosage").asString()).isEqualTo("500mg");
		assertThat(medicine.path("frequency").asString()).isEqualTo("Once daily before food");
		assertThat(medicine.path("duration").asString()).isEqualTo("5 days");
	}

	@Test
	void theConsultationMayBeNamedByItsIntegerIdAsTheDocumentsExampleDoes() {
		var patient = people.patient();
		var doctor = people.doctor();
		long visit = visits.visit(patient, doctor).id();
		ok(http.post(API + "/consultations", ClinicoVisits.consultation(visit)).token(doctor.token()).send(), 201);
		long id = ok(http.get("/hcp/api/emr/encounters/?appointment=" + visit).token(doctor.token()).send(), 200)
			.path("data").path("results").get(0).path("id").asLong();

		JsonNode issued = ok(http.post(API + "/prescriptions", ClinicoVisits.prescription(id)).token(doctor.token())
			.send(), 201);

		assertThat(issued.path("is_active").asBoolean()).isTrue();
	}

	@Test
	void aBadPrescriptionIsRefused() {
		var patient = people.patient();
		var doctor = people.doctor();
		String consultation = consultation(patient, doctor);
		Map<String, Object> noDosage = ClinicoVisits.prescription(consultation);
		noDosage.remove("dosage");

		assertThat(error(http.post(API + "/prescriptions", noDosage).token(doctor.token()).send(), 400,
				"INVALID_INPUT")).contains("dosage");
		error(http.post(API + "/prescriptions", ClinicoVisits.prescription("not-a-consultation"))
			.token(doctor.token()).send(), 400, "INVALID_INPUT");
		error(http.post(API + "/prescriptions", ClinicoVisits.prescription(UUID.randomUUID().toString()))
			.token(doctor.token()).send(), 400, "INVALID_INPUT");
		Map<String, Object> none = ClinicoVisits.prescription(consultation);
		none.remove("consultation_id");
		assertThat(error(http.post(API + "/prescriptions", none).token(doctor.token()).send(), 400, "INVALID_INPUT"))
			.contains("consultation_id");
	}

	@Test
	void onlyTheConsultationsDoctorIssues() {
		var patient = people.patient();
		var doctor = people.doctor();
		String consultation = consultation(patient, doctor);

		for (var outsider : List.of(patient, people.doctor(), people.admin())) {
			error(http.post(API + "/prescriptions", ClinicoVisits.prescription(consultation)).token(outsider.token())
				.send(), 403, "FORBIDDEN");
		}
		error(http.post(API + "/prescriptions", ClinicoVisits.prescription(consultation)).send(), 401);
		assertThat(ok(http.get("/hcp/api/emr/prescriptions/").token(patient.token()).send(), 200).path("data")
			.path("count").asLong()).isZero();
	}
}
