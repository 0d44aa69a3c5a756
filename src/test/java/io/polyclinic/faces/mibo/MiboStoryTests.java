package io.polyclinic.faces.mibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import tools.jackson.databind.JsonNode;

/**
 * One visit, start to end, through the Mibo face only: a patient signs up by OTP, books, pays and is told over
 * WhatsApp; the clinician sees the visit and writes a note; the patient cancels and the slot is free again.
 */
class MiboStoryTests extends ApiTest {

	@Test
	void aPatientSignsUpBooksPaysAndCancels() {
		var mibo = new MiboClient(http);
		String admin = mibo.adminToken();

		// the clinic: a clinician with a login and weekday hours
		String clinicianPhone = MiboClient.newPhone();
		var clinician = http.post("/mibo/api/clinicians", Map.of("fullName", "Dr. Story " + clinicianPhone, "phone",
				clinicianPhone, "email", clinicianPhone.substring(1) + "@clinic.test", "password", "SecurePassword123",
				"specialization", List.of("Clinical Psychologist"), "consultationFee", 1500,
				"defaultConsultationDurationMinutes", 60)).token(admin).send();
		assertThat(clinician.status()).as(clinician.toString()).isEqualTo(201);
		long clinicianId = clinician.data().path("id").asLong();
		var hours = http.put("/mibo/api/clinicians/" + clinicianId + "/availability", Map.of("availabilityRules",
				List.of(Map.of("dayOfWeek", "MONDAY", "startTime", "09:00:00", "endTime", "17:00:00", "isAvailable", true),
						Map.of("dayOfWeek", "TUESDAY", "startTime", "09:00:00", "endTime", "17:00:00", "isAvailable",
								true))))
			.token(admin).send();
		assertThat(hours.status()).as(hours.toString()).isEqualTo(200);

		// a patient signs up with a code sent over WhatsApp
		String phone = MiboClient.newPhone();
		assertThat(http.post("/mibo/api/patient-auth/send-otp", Map.of("phone", phone, "fullName", "Jane Story")).send()
			.status()).isEqualTo(200);
		var signedUp = http.post("/mibo/api/patient-auth/verify-otp", Map.of("phone", phone, "otp", mibo.lastCode(phone)))
			.send();
		assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(200);
		assertThat(signedUp.data().path("patient").path("isNewUser").asBoolean()).isTrue();
		long patientId = signedUp.data().path("patient").path("id").asLong();
		String patient = signedUp.data().path("accessToken").asString();

		// finds a free slot and books it
		String day = Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.MONDAY).toString();
		assertThat(slot(clinicianId, day, "10:00:00").path("available").asBoolean()).isTrue();
		var booked = http.post("/mibo/api/booking/create", Map.of("clinicianId", clinicianId, "appointmentDate", day,
				"appointmentTime", "10:00:00", "sessionType", "ONLINE", "consultationFee", 1500)).token(patient).send();
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
		long appointmentId = booked.data().path("appointmentId").asLong();
		String orderId = booked.data().path("paymentOrderId").asString();
		assertThat(slot(clinicianId, day, "10:00:00").path("available").asBoolean()).isFalse();

		// pays through the checkout: the signed payment confirms the appointment
		String paymentId = "pay_story" + appointmentId;
		var paid = http.post("/mibo/api/payments/verify", Map.of("razorpayOrderId", orderId, "razorpayPaymentId", paymentId,
				"razorpaySignature", MiboPaymentTests.hmac(MiboPaymentTests.KEY_SECRET, orderId + "|" + paymentId),
				"appointmentId", appointmentId)).token(patient).send();
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			var mine = http.get("/mibo/api/booking/" + appointmentId).token(patient).send().data();
			assertThat(mine.path("status").asString()).isEqualTo("CONFIRMED");
			assertThat(mine.path("paymentStatus").asString()).isEqualTo("PAID");
			assertThat(mine.path("meetLink").asString()).isNotBlank();
		});

		// and is told over WhatsApp: the clinician, the date, the time and the link
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode outbox = http.get("/dev/outbox?to=" + phone.replace("+", "%2B")).send().json();
			assertThat(outbox).anySatisfy(m -> {
				assertThat(m.path("channel").asString()).isEqualTo("WHATSAPP");
				assertThat(m.path("body").asString()).contains("Dr. Story").contains("10:00 AM").contains("confirmed")
					.contains("/video/rooms/");
			});
		});

		// the clinician sees the visit coming up and writes a note
		String doctor = mibo.login(clinicianPhone, "SecurePassword123");
		var agenda = http.get("/mibo/api/appointments/my-appointments").token(doctor).send();
		assertThat(agenda.status()).isEqualTo(200);
		assertThat(agenda.data().path("upcoming")).anySatisfy(a -> {
			assertThat(a.path("id").asLong()).isEqualTo(appointmentId);
			assertThat(a.path("patientName").asString()).isEqualTo("Jane Story");
			assertThat(a.path("appointmentDate").asString()).isEqualTo(day);
		});
		var note = http.post("/mibo/api/patients/" + patientId + "/notes",
				Map.of("note", "Patient shows improvement in anxiety symptoms", "appointmentId", appointmentId))
			.token(doctor).send();
		assertThat(note.status()).as(note.toString()).isEqualTo(201);

		// the patient cancels, and the slot is free for someone else
		var cancelled = http.post("/mibo/api/booking/" + appointmentId + "/cancel", Map.of("reason", "Unable to attend"))
			.token(patient).send();
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(http.get("/mibo/api/booking/" + appointmentId).token(patient).send().data().path("status").asString())
			.isEqualTo("CANCELLED");
		assertThat(slot(clinicianId, day, "10:00:00").path("available").asBoolean()).isTrue();
	}

	private JsonNode slot(long clinicianId, String day, String time) {
		var slots = http.get("/mibo/api/booking/available-slots?clinicianId=" + clinicianId + "&date=" + day).send();
		assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
		for (JsonNode slot : slots.data().path("availableSlots")) {
			if (slot.path("time").asString().equals(time)) {
				return slot;
			}
		}
		throw new AssertionError("no slot at " + time + " in " + slots);
	}
}
