package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The DiabCare story end to end over HTTP: a patient registers and logs readings, asks a doctor to follow them; the
 * doctor accepts, reads the readings and is alerted to a critical one; they chat; the patient books and the doctor
 * confirms — each step told to the other party.
 */
class DiabcareStoryTests extends DiabcareApiTest {

	@Test
	void aPatientAndTheirDoctorFromSignUpToAConfirmedAppointment() {
		DiabcarePeople.Person patient = people.patient("Yasmine", "Chaabane", "TYPE_1", "2000-01-15T00:00:00.000");
		DiabcarePeople.Person doctor = people.medecin("Riadh", "Gharsalli", "Endocrinologie");

		// readings before any doctor follows her: one in mg/dL, one in mmol/L
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThat(http.post(API + "/glucose", Map.of("value", 118, "measuredAt", now.minus(2, ChronoUnit.HOURS)
			.toString(), "period", "fasting")).token(patient.token()).send().status()).isEqualTo(201);
		assertThat(http.post(API + "/glucose", Map.of("value", 7.5, "unit", "mmol/L", "measuredAt",
				now.minus(1, ChronoUnit.HOURS).toString(), "period", "after_meal")).token(patient.token()).send()
			.status()).isEqualTo(201);

		// the doctor cannot read them yet
		nestError(http.get(API + "/glucose/patient/" + patient.id() + "/records").token(doctor.token()).send(), 403,
				"Forbidden");

		// she asks the doctor to follow her; he is told and sees her request
		Http.Res asked = http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id(), "urgentNote", "Hypos at night")).token(patient.token()).send();
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String requestId = asked.json().path("_id").asString();
		assertThat(notifications(doctor, "new_request")).anySatisfy(n -> assertThat(n.path("relatedId").asString())
			.isEqualTo(requestId));
		JsonNode pending = http.get(API + "/doctors/" + doctor.id() + "/patient-requests").token(doctor.token()).send()
			.json();
		assertThat(pending.path("total").asLong()).isEqualTo(1);
		JsonNode request = pending.path("requests").get(0);
		assertThat(request.path("patientId").asString()).isEqualTo(patient.id());
		assertThat(request.path("diabetesType").asString()).isEqualTo("TYPE_1");
		assertThat(request.path("hasUrgentNote").asBoolean()).isTrue();
		assertThat(request.path("age").asInt()).isBetween(25, 27);

		// he accepts: she is his patient, he reads her readings
		Http.Res accepted = http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + requestId + "/accept",
				Map.of()).token(doctor.token()).send();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().path("success").asBoolean()).isTrue();
		Http.Res readings = http.get(API + "/glucose/patient/" + patient.id() + "/records").token(doctor.token())
			.send();
		assertThat(readings.status()).as(readings.body()).isEqualTo(200);
		assertThat(readings.body()).contains("mmol/L");

		// a critical reading alerts him, naming the value
		assertThat(http.post(API + "/glucose", Map.of("value", 262, "measuredAt", now.toString()))
			.token(patient.token()).send().status()).isEqualTo(201);
		List<JsonNode> alerts = notifications(doctor, "patient_alert");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
		assertThat(alerts.get(0).path("message").asString()).contains("262");

		// they chat: he is told of her message and reads it
		Http.Res opened = http.post(API + "/conversations", Map.of("patientId", patient.id(), "doctorId", doctor.id()))
			.token(patient.token()).send();
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String conversation = opened.json().path("_id").asString();
		assertThat(http.post(API + "/conversations/" + conversation + "/messages", Map.of("content",
				"Bonjour docteur, ma glycémie est à 262")).token(patient.token()).send().status()).isEqualTo(201);
		assertThat(notifications(doctor, "message")).hasSize(1);
		JsonNode doctorsList = http.get(API + "/doctors/" + doctor.id() + "/conversations").token(doctor.token())
			.send().json().path("conversations");
		assertThat(doctorsList.get(0).path("unreadCount").asInt()).isEqualTo(1);
		assertThat(doctorsList.get(0).path("lastMessage").asString()).contains("262");
		JsonNode history = http.get(API + "/conversations/" + conversation + "/messages").token(doctor.token()).send()
			.json();
		assertThat(history.path("messages").get(0).path("senderId").asString()).isEqualTo(patient.id());
		assertThat(http.post(API + "/conversations/" + conversation + "/messages", Map.of("content",
				"Prenons rendez-vous")).token(doctor.token()).send().status()).isEqualTo(201);

		// she books; he is told, confirms, and she is told with the appointment's id
		String at = now.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
		Http.Res booked = http.post(API + "/appointments", Map.of("patientId", patient.id(), "doctorId", doctor.id(),
				"dateTime", at, "type", "Online", "notes", "Suivi glycémie")).token(patient.token()).send();
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String appointment = booked.json().path("_id").asString();
		assertThat(booked.json().path("status").asString()).isEqualTo("Pending");
		assertThat(notifications(doctor, "appointment")).anySatisfy(n -> assertThat(n.path("relatedId").asString())
			.isEqualTo(appointment));

		Http.Res confirmed = http.patch(API + "/appointments/" + appointment, Map.of("status", "Confirmed"))
			.token(doctor.token()).send();
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("Confirmed");
		assertThat(notifications(patient, "appointment")).anySatisfy(n -> assertThat(n.path("relatedId").asString())
			.isEqualTo(appointment));
		assertThat(notifications(patient, "message")).hasSize(1);

		JsonNode hers = http.get(API + "/patients/" + patient.id() + "/appointments").token(patient.token()).send()
			.json();
		assertThat(hers.path("total").asLong()).isEqualTo(1);
		assertThat(hers.path("data").get(0).path("status").asString()).isEqualTo("Confirmed");
		assertThat(hers.path("data").get(0).path("doctorName").asString()).contains("Gharsalli");
	}

	/**
	 * The person's notifications of a type, once there are any: notify hears of things after their transaction
	 * commits, on its own thread, so a notification follows the answer that caused it by a moment.
	 */
	private List<JsonNode> notifications(DiabcarePeople.Person who, String type) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (true) {
			Http.Res res = http.get(API + "/notifications?type=" + type).token(who.token()).send();
			assertThat(res.status()).as(res.body()).isEqualTo(200);
			List<JsonNode> found = res.json().path("notifications").valueStream().toList();
			if (!found.isEmpty() || System.nanoTime() > deadline) {
				return found;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}
}
