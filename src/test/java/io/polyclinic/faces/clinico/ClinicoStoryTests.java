package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * A day at Clinico, end to end over HTTP: a doctor opens a batch of slots, a patient books one and writes to the
 * doctor, they meet in the same room, the doctor saves the consultation and a prescription, the patient logs a dose of
 * the medicine, and the doctor asks for a lab report — every step seen by the other party and on the dashboard.
 */
class ClinicoStoryTests extends ClinicoApiTest {

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	private static final List<String> EVERY_DAY = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
			"Saturday", "Sunday");

	@Test
	void aConsultationFromBatchToLabRequest() {
		var doctor = people.doctor();
		var patient = people.patient();

		// the doctor opens 45-minute slots every day of the coming four weeks
		JsonNode batch = ok(http.post(API + "/availability/batch", Map.of("days_of_week", EVERY_DAY, "start_time",
				"08:00:00", "end_time", "11:00:00", "slot_duration_minutes", 45)).token(doctor.token()).send(), 201);
		assertThat(batch.path("slots_created").asInt()).isGreaterThanOrEqualTo(27 * 4);

		// the patient finds tomorrow's 08:00 slot among the doctor's free ones and books it
		LocalDate tomorrow = LocalDate.now(KOLKATA).plusDays(1);
		JsonNode free = ok(http.get(API + "/professionals/" + doctor.requireClinician().id() + "/availability")
			.token(patient.token()).send(), 200);
		JsonNode slot = free.valueStream()
			.filter(s -> s.path("start_time").asString()
				.equals(tomorrow.atTime(8, 0).atZone(KOLKATA).toInstant().toString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no 08:00 slot tomorrow in " + free));
		assertThat(Duration.between(java.time.Instant.parse(slot.path("start_time").asString()),
				java.time.Instant.parse(slot.path("end_time").asString()))).isEqualTo(Duration.ofMinutes(45));
		long appointmentId = ok(http.post(API + "/appointments",
				Map.of("slotId", slot.path("slot_id").asLong(), "patientNotes", "Dry cough for a week"))
			.token(patient.token()).send(), 201).path("appointmentId").asLong();

		// booking opened their conversation; the patient writes, the doctor reads it
		JsonNode conversation = await().atMost(Duration.ofSeconds(10))
			.until(() -> ok(http.get(API + "/conversations").token(patient.token()).send(), 200), l -> l.size() == 1)
			.get(0);
		assertThat(conversation.path("conversation_type").asString()).isEqualTo("Appointment");
		assertThat(conversation.path("other_user_name").asString()).isEqualTo(doctor.name());
		String conversationId = conversation.path("conversation_id").asString();
		ok(http.post(API + "/conversations/" + conversationId + "/messages",
				Map.of("message_content", "I have my old X-ray with me", "message_type", "Text"))
			.token(patient.token()).send(), 201);
		JsonNode messages = ok(http.get(API + "/conversations/" + conversationId + "/messages").token(doctor.token())
			.send(), 200);
		assertThat(messages.valueStream().map(m -> m.path("message_content").asString()))
			.contains("I have my old X-ray with me");
		assertThat(messages.valueStream().filter(m -> m.path("message_content").asString().startsWith("I have"))
			.findFirst().orElseThrow().path("sender_type").asString()).isEqualTo("Patient");

		// they meet in one room, whoever opens it
		Http.Res opened = http.post(API + "/signaling/room", Map.of("appointment_id", appointmentId))
			.token(patient.token()).send();
		assertThat(opened.status()).as(opened.body()).isIn(200, 201); // an online booking may have its room already
		JsonNode patientsRoom = opened.json();
		JsonNode doctorsRoom = ok(http.post(API + "/signaling/room", Map.of("appointment_id", appointmentId))
			.token(doctor.token()).send(), 200);
		String roomId = patientsRoom.path("room_id").asString();
		assertThat(doctorsRoom.path("room_id").asString()).isEqualTo(roomId);
		assertThat(patientsRoom.path("consultation_link").asString()).contains(roomId);
		JsonNode asDoctor = ok(http.get(API + "/signaling/validate/" + roomId).token(doctor.token()).send(), 200);
		assertThat(asDoctor.path("is_valid").asBoolean()).isTrue();
		assertThat(asDoctor.path("role").asString()).isEqualTo("Doctor");
		JsonNode asPatient = ok(http.get(API + "/signaling/validate/" + roomId).token(patient.token()).send(), 200);
		assertThat(asPatient.path("role").asString()).isEqualTo("Patient");
		assertThat(asPatient.path("identity_name").asString()).isEqualTo(patient.name());

		// the doctor looks at the patient's profile, then saves the consultation: the appointment is completed
		ok(http.get(API + "/patients/" + patient.requirePatient().id() + "/medical-profile").token(doctor.token())
			.send(), 200);
		JsonNode consultation = ok(http.post(API + "/consultations", Map.of("appointment_id", appointmentId,
				"diagnosis", "Acute Bronchitis", "doctor_recommendations", "Steam inhalation, rest.",
				"follow_up_instructions", "Visit again if fever persists > 3 days.", "notes", "Dry cough."))
			.token(doctor.token()).send(), 201);
		String consultationId = consultation.path("consultation_id_uuid").asString();
		JsonNode past = ok(http.get(API + "/appointments/me").token(patient.token()).send(), 200);
		assertThat(past.valueStream().filter(a -> a.path("appointment_id").asLong() == appointmentId).findFirst()
			.orElseThrow().path("status").asString()).isEqualTo("Completed");

		// a prescription gives the patient their medicine reminders; the patient takes a dose
		JsonNode prescription = ok(http.post(API + "/prescriptions", Map.of("consultation_id", consultationId,
				"medication_name", "Azithromycin", "dosage", "500mg", "frequency", "Once daily before food", "duration",
				"5 days", "medication_category", "Antibiotic", "doctor_notes", "Complete the full course",
				"important_notes", "May cause slight drowsiness"))
			.token(doctor.token()).send(), 201);
		assertThat(prescription.path("is_active").asBoolean()).isTrue();
		JsonNode reminder = ok(http.get(API + "/reminders").token(patient.token()).send(), 200).valueStream()
			.filter(r -> r.path("prescription_id_uuid").asString()
				.equals(prescription.path("prescription_id_uuid").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(reminder.path("medication_name").asString()).isEqualTo("Azithromycin");
		assertThat(reminder.path("last_status").isNull()).isTrue();
		JsonNode logged = ok(http.post(API + "/reminders/" + reminder.path("reminder_id").asString() + "/log",
				Map.of("status", "Taken", "notes", "Taken with water")).token(patient.token()).send(), 201);
		assertThat(logged.path("status").asString()).isEqualTo("Taken");
		assertThat(ok(http.get(API + "/reminders").token(patient.token()).send(), 200).valueStream()
			.filter(r -> r.path("reminder_id").asString().equals(reminder.path("reminder_id").asString()))
			.findFirst().orElseThrow().path("last_status").asString()).isEqualTo("Taken");
		// the medicine is the patient's current medication now
		JsonNode profile = ok(http.get(API + "/patients/" + patient.requirePatient().id() + "/medical-profile")
			.token(doctor.token()).send(), 200);
		assertThat(profile.path("current_medications").asString()).contains("Azithromycin");

		// the doctor asks for a lab report; the dashboard counts it and the patient treated
		JsonNode request = ok(http.post(API + "/upload-report-requests", Map.of("patient_id",
				patient.requirePatient().id(), "requested_tests", "CBC, Chest X-ray", "due_date",
				LocalDate.now(KOLKATA).plusDays(7).toString(), "additional_notes", "Fasting not required"))
			.token(doctor.token()).send(), 201);
		assertThat(request.path("request_code").asString()).matches("REQ-\\d{4}-\\d{3,}");
		assertThat(request.path("status").asString()).isEqualTo("Pending");
		JsonNode dashboard = ok(http.get(API + "/professionals/me/dashboard").token(doctor.token()).send(), 200);
		assertThat(dashboard.path("patients_treated").asLong()).isEqualTo(1);
		assertThat(dashboard.path("pending_reports_count").asLong()).isEqualTo(1);
		assertThat(dashboard.path("verification_status").asString()).isEqualTo("Verified");

		// and another patient sees none of it
		var stranger = people.patient();
		error(http.get(API + "/conversations/" + conversationId + "/messages").token(stranger.token()).send(), 403);
		error(http.get(API + "/signaling/validate/" + roomId).token(stranger.token()).send(), 403);
		Http.Res foreign = http.post(API + "/reminders/" + reminder.path("reminder_id").asString() + "/log",
				Map.of("status", "Taken")).token(stranger.token()).send();
		assertThat(foreign.status()).isIn(403, 404);
	}
}
