package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
 * The caller's medicine reminders ({@code GET /api/reminders}, a house addition) started by a prescription, and
 * clinico.md's {@code POST /api/reminders/:id/log} by the reminder's patient only.
 */
class ClinicoReminderTests extends ClinicoApiTest {

	@Autowired
	AppointmentBook book;

	ClinicoVisits visits;

	@BeforeEach
	void visits() {
		visits = new ClinicoVisits(book, clinic);
	}

	/** A prescription of Azithromycin, once daily before food for five days: answers its UUID. */
	private String prescribe(ClinicoPeople.Person patient, ClinicoPeople.Person doctor) {
		String consultation = ok(http.post(API + "/consultations",
				ClinicoVisits.consultation(visits.visit(patient, doctor).id())).token(doctor.token()).send(), 201)
			.path("consultation_id_uuid").asString();
		return ok(http.post(API + "/prescriptions", ClinicoVisits.prescription(consultation)).token(doctor.token())
			.send(), 201).path("prescription_id_uuid").asString();
	}

	@Test
	void aPrescriptionGivesItsPatientAReminderWhoseDosesTheyLog() {
		var patient = people.patient();
		var doctor = people.doctor();
		String prescription = prescribe(patient, doctor);

		JsonNode list = ok(http.get(API + "/reminders").token(patient.token()).send(), 200);

		assertThat(list.isArray()).isTrue();
		assertThat(list).hasSize(1);
		JsonNode reminder = list.get(0);
		assertThat(Http.keys(reminder)).containsExactlyInAnyOrder("reminder_id", "prescription_id_uuid",
				"medication_name", "dosage", "frequency", "duration", "reminder_times", "time_zone",
				"next_reminder_time", "start_date", "end_date", "is_active", "last_status");
		assertThat(UUID.fromString(reminder.path("reminder_id").asString())).isNotNull();
		assertThat(reminder.path("prescription_id_uuid").asString()).isEqualTo(prescription);
		assertThat(reminder.path("medication_name").asString()).isEqualTo("Azithromycin");
		assertThat(reminder.path("dosage").asString()).isEqualTo("500mg");
		assertThat(reminder.path("frequency").asString()).isEqualTo("Once daily before food");
		assertThat(reminder.path("duration").asString()).isEqualTo("5 days");
		assertThat(reminder.path("reminder_times").get(0).asString()).isEqualTo("07:30");
		assertThat(reminder.path("reminder_times")).hasSize(1);
		assertThat(reminder.path("time_zone").asString()).isEqualTo("Asia/Kolkata");
		assertThat(Instant.parse(reminder.path("next_reminder_time").asString())).isAfter(Instant.now());
		// five daily doses: the last on the fifth day of the course
		assertThat(LocalDate.parse(reminder.path("end_date").asString()))
			.isEqualTo(LocalDate.parse(reminder.path("start_date").asString()).plusDays(4));
		assertThat(reminder.path("is_active").asBoolean()).isTrue();
		assertThat(reminder.path("last_status").isNull()).isTrue();
		String id = reminder.path("reminder_id").asString();

		JsonNode logged = ok(http.post(API + "/reminders/" + id + "/log",
				Map.of("status", "Taken", "taken_time", "2025-11-19T08:05:00Z", "notes", "Taken with water"))
			.token(patient.token()).send(), 201);

		assertThat(Http.keys(logged)).containsExactlyInAnyOrder("log_id", "status");
		assertThat(UUID.fromString(logged.path("log_id").asString())).isNotNull();
		assertThat(logged.path("status").asString()).isEqualTo("Taken");
		assertThat(ok(http.get(API + "/reminders").token(patient.token()).send(), 200).get(0).path("last_status")
			.asString()).isEqualTo("Taken");
		ok(http.post(API + "/reminders/" + id + "/log", Map.of("status", "Snoozed")).token(patient.token()).send(),
				201);
		assertThat(ok(http.get(API + "/reminders").token(patient.token()).send(), 200).get(0).path("last_status")
			.asString()).isEqualTo("Snoozed");
	}

	@Test
	void everyoneListsOnlyTheirOwn() {
		var patient = people.patient();
		var doctor = people.doctor();
		prescribe(patient, doctor);

		assertThat(ok(http.get(API + "/reminders").token(people.patient().token()).send(), 200)).isEmpty();
		assertThat(ok(http.get(API + "/reminders").token(doctor.token()).send(), 200)).isEmpty();
		error(http.get(API + "/reminders").send(), 401);
	}

	@Test
	void aBadStatusIsRefused() {
		var patient = people.patient();
		prescribe(patient, people.doctor());
		String id = ok(http.get(API + "/reminders").token(patient.token()).send(), 200).get(0).path("reminder_id")
			.asString();

		assertThat(error(http.post(API + "/reminders/" + id + "/log", Map.of("status", "Eaten"))
			.token(patient.token()).send(), 400, "INVALID_INPUT")).contains("status");
		error(http.post(API + "/reminders/" + id + "/log", Map.of("notes", "No status")).token(patient.token())
			.send(), 400, "INVALID_INPUT");
		error(http.post(API + "/reminders/" + id + "/log", Map.of("status", "Taken", "taken_time", "yesterday"))
			.token(patient.token()).send(), 400);
		error(http.post(API + "/reminders/not-a-uuid/log", Map.of("status", "Taken")).token(patient.token()).send(),
				400);
	}

	@Test
	void onlyTheRemindersPatientLogsOthersAreToldThereIsNone() {
		var patient = people.patient();
		var doctor = people.doctor();
		prescribe(patient, doctor);
		String id = ok(http.get(API + "/reminders").token(patient.token()).send(), 200).get(0).path("reminder_id")
			.asString();

		for (var outsider : List.of(people.patient(), doctor, people.admin())) {
			error(http.post(API + "/reminders/" + id + "/log", Map.of("status", "Taken")).token(outsider.token())
				.send(), 404, "NOT_FOUND");
		}
		error(http.post(API + "/reminders/" + UUID.randomUUID() + "/log", Map.of("status", "Taken"))
			.token(patient.token()).send(), 404, "NOT_FOUND");
		error(http.post(API + "/reminders/" + id + "/log", Map.of("status", "Taken")).send(), 401);
		assertThat(ok(http.get(API + "/reminders").token(patient.token()).send(), 200).get(0).path("last_status")
			.isNull()).isTrue();
	}
}
