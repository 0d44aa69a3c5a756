package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** The original Clinico client's booking by slot id and its "my appointments", under /clinico. */
class ClinicoOriginalAppointmentTests extends ClinicoApiTest {

	@Autowired
	ClinicianRegistry clinicians;

	@Autowired
	Availability availability;

	ClinicoOriginalPeople original;

	@BeforeEach
	void originalPeople() {
		original = new ClinicoOriginalPeople(http, clinic, clinicians, availability);
	}

	private JsonNode freeSlot(ClinicoOriginalPeople.Doctor doctor) {
		return ok(http.get(API + "/professionals/" + doctor.clinician().id() + "/availability").send(), 200).get(0);
	}

	private static Map<String, Object> booking(JsonNode slot) {
		Map<String, Object> body = new HashMap<>();
		body.put("slotId", slot.path("slot_id").asLong());
		body.put("patientNotes", "Follow-up for anxiety treatment");
		body.put("durationMinutes", 30);
		return body;
	}

	@Test
	void aPatientBooksAFreeSlotAndBothPartiesSeeIt() {
		var doctor = original.doctor("Psychiatrist");
		var patient = original.patient();
		JsonNode slot = freeSlot(doctor);
		JsonNode booked = ok(http.post(API + "/appointments", booking(slot)).token(patient.token()).send(), 201);
		assertThat(Http.keys(booked)).containsExactlyInAnyOrder("message", "appointmentId");
		assertThat(booked.path("message").asString()).isEqualTo("Appointment booked successfully!");
		long id = booked.path("appointmentId").asLong();
		// the slot is taken now, through every face
		JsonNode after = ok(http.get(API + "/professionals/" + doctor.clinician().id() + "/availability").send(), 200);
		after.forEach(s -> assertThat(s.path("slot_id").asLong()).isNotEqualTo(slot.path("slot_id").asLong()));

		JsonNode mine = ok(http.get(API + "/appointments/me?status=upcoming").token(patient.token()).send(), 200);
		assertThat(mine).hasSize(1);
		JsonNode row = mine.get(0);
		assertThat(Http.keys(row)).containsExactlyInAnyOrder("appointment_id", "appointment_id_uuid",
				"appointment_time", "status", "appointment_type", "duration_minutes", "patient_notes",
				"consultation_link", "professional_id", "patient_id", "professional_name", "specialty");
		assertThat(row.path("appointment_id").asLong()).isEqualTo(id);
		assertThat(Instant.parse(row.path("appointment_time").asString()))
			.isEqualTo(Instant.parse(slot.path("start_time").asString()));
		assertThat(row.path("status").asString()).isEqualTo("Scheduled");
		assertThat(row.path("appointment_type").asString()).isEqualTo("Virtual");
		assertThat(row.path("duration_minutes").asInt()).isEqualTo(30);
		assertThat(row.path("patient_notes").asString()).isEqualTo("Follow-up for anxiety treatment");
		assertThat(row.path("professional_id").asLong()).isEqualTo(doctor.clinician().id());
		assertThat(row.path("professional_name").asString()).isEqualTo(doctor.person().name());
		assertThat(row.path("specialty").asString()).isEqualTo("Psychiatrist");
		assertThat(ok(http.get(API + "/appointments/me?status=past").token(patient.token()).send(), 200)).isEmpty();

		JsonNode theirs = ok(http.get(API + "/appointments/me").token(doctor.person().token()).send(), 200);
		assertThat(theirs).hasSize(1);
		assertThat(theirs.get(0).path("appointment_id").asLong()).isEqualTo(id);
		assertThat(theirs.get(0).path("patient_name").asString()).isEqualTo(patient.name());
		assertThat(theirs.get(0).has("professional_name")).isFalse();
		// the same booking through another face: hcp's appointment of the patient
		var hcp = http.get("/hcp/api/appointments/" + id + "/").token(patient.token()).send();
		assertThat(hcp.status()).as(hcp.body()).isEqualTo(200);
	}

	@Test
	void aTakenSlotIsAConflictWhoeverAsks() {
		var doctor = original.doctor("Psychiatrist");
		JsonNode slot = freeSlot(doctor);
		ok(http.post(API + "/appointments", booking(slot)).token(original.patient().token()).send(), 201);
		error(http.post(API + "/appointments", booking(slot)).token(original.patient().token()).send(), 409,
				"SLOT_UNAVAILABLE");
	}

	@Test
	void onlyASignedInPatientBooksAndASlotIsRequired() {
		var doctor = original.doctor("Psychiatrist");
		JsonNode slot = freeSlot(doctor);
		error(http.post(API + "/appointments", booking(slot)).send(), 401);
		error(http.post(API + "/appointments", booking(slot)).token(doctor.person().token()).send(), 403);
		error(http.post(API + "/appointments", booking(slot)).token(original.admin().token()).send(), 403);
		var patient = original.patient();
		error(http.post(API + "/appointments", Map.of("patientNotes", "no slot")).token(patient.token()).send(), 400);
		error(http.post(API + "/appointments", Map.of("slotId", 12345)).token(patient.token()).send(), 400,
				"INVALID_INPUT");
		// none of these booked anything
		assertThat(ok(http.get(API + "/appointments/me").token(patient.token()).send(), 200)).isEmpty();
	}

	@Test
	void myAppointmentsAreOnlyTheCallersOwn() {
		var doctor = original.doctor("Psychiatrist");
		var patient = original.patient();
		ok(http.post(API + "/appointments", booking(freeSlot(doctor))).token(patient.token()).send(), 201);
		assertThat(ok(http.get(API + "/appointments/me").token(original.patient().token()).send(), 200)).isEmpty();
		assertThat(ok(http.get(API + "/appointments/me").token(original.doctor("Psychiatrist").person().token()).send(),
				200)).isEmpty();
		// the original lists nothing for its other roles
		assertThat(ok(http.get(API + "/appointments/me").token(original.admin().token()).send(), 200)).isEmpty();
		error(http.get(API + "/appointments/me").send(), 401);
		error(http.get(API + "/appointments/me?status=soon").token(patient.token()).send(), 400, "INVALID_INPUT");
	}
}
