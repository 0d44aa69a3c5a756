package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.support.Clinic;
import tools.jackson.databind.JsonNode;

/**
 * One visit through the hcp face from end to end, each step as the contract's clients take it: a doctor registers and
 * is verified, a patient books a slot and pays, the visit starts, the doctor writes an encounter and a prescription,
 * the patient downloads its PDF and reviews the doctor, and the administrator pays the doctor their share.
 */
class HcpStoryTests extends HcpPaymentsApiTest {

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Test
	void aVisitFromTheDoctorsRegistrationToTheirPayout() throws Exception {
		String admin = people.admin().token();

		// a doctor registers, hands in their practice, and the administrator verifies it
		HcpPeople.Person doctor = people.registeredDoctor();
		String clinicName = "Story Clinic " + UUID.randomUUID();
		Map<String, Object> practice = new LinkedHashMap<>();
		practice.put("registration_number", "MCI-" + UUID.randomUUID());
		practice.put("years_of_experience", 12);
		practice.put("specialties", List.of("Pulmonology"));
		practice.put("clinic_name", clinicName);
		practice.put("clinic_address", "4 Park Street, Kolkata");
		practice.put("consultation_fee", "1500.00");
		practice.put("timezone", "Asia/Kolkata");
		assertThat(data(http.post(API + "/doctors/register/", practice).token(doctor.token()).send(), 201)
			.path("kyc_status").asString()).isEqualTo("pending");
		assertThat(data(http.post(API + "/doctors/kyc/update/",
				Map.of("doctor_id", doctor.doctorId(), "kyc_status", "verified")).token(admin).send(), 200)
			.path("kyc_status").asString()).isEqualTo("verified");
		for (int day = 0; day < 5; day++) {
			data(http.post(API + "/doctors/availability/", Map.of("day_of_week", day, "start_time", "09:00",
					"end_time", "13:00", "is_available", true, "break_times", List.of())).token(doctor.token()).send(),
					201);
		}

		// a patient finds the doctor and books an open slot
		HcpPeople.Person patient = people.patient();
		JsonNode found = page(http.get(API + "/doctors/?search=" + clinicName.replace(" ", "%20")).send());
		assertThat(found.path("count").asInt()).isEqualTo(1);
		assertThat(found.path("results").get(0).path("id").asLong()).isEqualTo(doctor.doctorId());
		LocalDate monday = Clinic.nextWeekday(KOLKATA, DayOfWeek.MONDAY);
		JsonNode slots = data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=" + monday).send(),
				200).path("available_slots");
		assertThat(slots.size()).isEqualTo(4);
		long slotId = slots.get(1).path("id").asLong();
		JsonNode booked = data(http.post(API + "/appointments/", Map.of("slot_id", slotId, "appointment_type", "video",
				"reason", "A cough for three weeks")).token(patient.token()).send(), 201);
		long appointment = booked.path("id").asLong();
		assertThat(booked.path("status").asString()).isEqualTo("pending");
		assertThat(booked.path("time").asString()).startsWith("10:00");
		drfError(http.post(API + "/appointments/", Map.of("slot_id", slotId, "appointment_type", "video", "reason",
				"Me too")).token(people.patient().token()).send(), 400);
		assertThat(notificationTypes(doctor)).contains("appointment_confirmation");

		// the patient pays; the settled payment confirms the visit
		JsonNode intent = data(intent(patient, appointment), 200);
		assertThat(intent.path("amount").asString()).isEqualTo("1500.00");
		String paid = captured("pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14),
				intent.path("order_id").asString());
		data(razorpayWebhook(paid, null), 200);
		awaitStatus(appointment, AppointmentStatus.CONFIRMED);

		// both parties meet in the same room; the doctor starts the visit and writes it up
		String room = data(http.post(API + "/rtc/rooms/appointment/" + appointment + "/", Map.of())
			.token(patient.token()).send(), 200).path("room_id").asString();
		JsonNode doctorsRoom = data(http.post(API + "/rtc/rooms/appointment/" + appointment + "/", Map.of())
			.token(doctor.token()).send(), 200);
		assertThat(doctorsRoom.path("room_id").asString()).isEqualTo(room);
		assertThat(data(http.post(API + "/appointments/" + appointment + "/start/", Map.of()).token(doctor.token())
			.send(), 200).path("status").asString()).isEqualTo("in_progress");
		long encounter = data(http.post(API + "/emr/encounters/", Map.of("appointment", appointment,
				"chief_complaint", "Cough for three weeks", "assessment", "Acute bronchitis", "plan",
				"Antibiotics and rest")).token(doctor.token()).send(), 201).path("id").asLong();
		long prescription = data(http.post(API + "/emr/prescriptions/", Map.of("encounter", encounter, "medications",
				List.of(Map.of("name", "Azithromycin", "dosage", "500 mg", "frequency", "Once a day", "duration",
						"3 days")),
				"diagnosis", "Acute bronchitis")).token(doctor.token()).send(), 201).path("id").asLong();
		assertThat(data(http.post(API + "/appointments/" + appointment + "/end/", Map.of()).token(doctor.token())
			.send(), 200).path("status").asString()).isEqualTo("completed");

		// the patient downloads the prescription and reviews the doctor
		String pdf = pdfText(API + "/emr/prescriptions/" + prescription + "/pdf/", patient.token());
		assertThat(pdf).contains("Azithromycin", "500 mg", "Once a day", "Doc Tor", "Pat Ient");
		JsonNode review = data(http.post(API + "/doctors/" + doctor.doctorId() + "/reviews/create/",
				Map.of("appointment", appointment, "rating", 5, "comment", "Kind and clear")).token(patient.token())
			.send(), 201);
		assertThat(review.path("rating").asInt()).isEqualTo(5);
		assertThat(data(http.get(API + "/doctors/" + doctor.doctorId() + "/").send(), 200).path("average_rating")
			.asString()).isEqualTo("5.00");

		// the administrator pays the doctor 80% of what the visit brought in
		LocalDate today = LocalDate.now(KOLKATA);
		JsonNode payout = data(http.post(PAYMENTS + "/payouts/generate/", Map.of("doctor_id", doctor.doctorId(),
				"period_start", today.toString(), "period_end", today.toString())).token(admin).send(), 201);
		assertThat(payout.path("amount").asString()).isEqualTo("1200.00");
		assertThat(payout.path("payout").path("gross_amount").asString()).isEqualTo("1500.00");
		assertThat(payout.path("payout").path("net_amount").asString()).isEqualTo("1200.00");
		assertThat(data(http.get(PAYMENTS + "/earnings/").token(doctor.token()).send(), 200).path("total_earnings")
			.asString()).isEqualTo("1200.00");
	}

	private List<String> notificationTypes(HcpPeople.Person person) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(20);
		List<String> types = List.of();
		while (types.isEmpty() && Instant.now().isBefore(until)) {
			JsonNode page = page(http.get(API + "/notifications/").token(person.token()).send());
			types = page.path("results").valueStream().map(n -> n.path("notification_type").asString()).toList();
			if (types.isEmpty()) {
				Thread.sleep(100);
			}
		}
		return types;
	}

	private String pdfText(String path, String token) throws IOException, InterruptedException {
		HttpResponse<byte[]> res = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (PDDocument document = Loader.loadPDF(res.body())) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
