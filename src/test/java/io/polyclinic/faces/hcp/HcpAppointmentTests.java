package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.billing.Checkout;
import io.polyclinic.billing.CheckoutVerification;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.SlotId;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * Appointments over hcp's paths: a patient books a slot by id at the doctor's fee (a booking confirmation among its
 * reminders, the doctor told in the app), lists by role, the detail, the parties' edits, cancelling (the other party
 * told), rescheduling to another slot, the doctor's start and end at any time, the upcoming list, and a paid
 * appointment confirmed.
 */
class HcpAppointmentTests extends HcpApiTest {

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
	/** Each test books its own days: weekdays from five weeks on, eight slots a day. */
	static final AtomicInteger DAYS = new AtomicInteger(35);

	@Autowired
	AppointmentBook book;
	@Autowired
	Checkout checkout;

	@Test
	void aPatientBooksASlotByIdAtTheDoctorsFeeAndTheDoctorIsTold() throws InterruptedException {
		var doctor = people.doctor();
		var patient = people.patient();
		long slot = slot(doctor, 10);

		Http.Res res = http.post(API + "/appointments/", booking(slot, "video")).token(patient.token()).send();

		JsonNode a = data(res, 201);
		assertThat(res.json().path("message").asString()).isEqualTo("Appointment booked successfully");
		assertThat(Http.keys(a)).containsExactlyInAnyOrder("id", "patient", "doctor", "slot", "appointment_type",
				"status", "reason", "symptoms", "medical_history", "video_room_id", "consultation_fee", "payment_status",
				"scheduled_at", "end_time", "date", "time", "timezone", "started_at", "ended_at", "doctor_notes",
				"patient_feedback", "requires_follow_up", "follow_up_date", "duration_minutes", "cancellation_reason",
				"is_upcoming", "can_be_cancelled", "can_be_rescheduled", "created_at", "updated_at");
		assertThat(a.path("status").asString()).isEqualTo("pending");
		assertThat(a.path("appointment_type").asString()).isEqualTo("video");
		assertThat(a.path("consultation_fee").asString()).isEqualTo("1500.00");
		assertThat(a.path("payment_status").asString()).isEqualTo("pending");
		assertThat(a.path("reason").asString()).isEqualTo("Persistent cough");
		assertThat(a.path("symptoms").asString()).isEqualTo("cough, fever");
		assertThat(a.path("medical_history").asString()).isEqualTo("Asthma");
		assertThat(a.path("patient").path("id").asLong()).isEqualTo(patient.id());
		assertThat(a.path("patient").path("role").asString()).isEqualTo("patient");
		assertThat(a.path("doctor").path("id").asLong()).isEqualTo(doctor.doctorId());
		assertThat(a.path("doctor").path("user").path("id").asLong()).isEqualTo(doctor.id());
		assertThat(a.path("doctor").path("consultation_fee").asString()).isEqualTo("1500.00");
		assertThat(a.path("slot").path("id").asLong()).isEqualTo(slot);
		assertThat(a.path("slot").path("status").asString()).isEqualTo("booked");
		assertThat(a.path("scheduled_at").asString()).isEqualTo(SlotId.of(slot).startsAt().toString());
		assertThat(a.path("time").asString()).isEqualTo("10:00:00");
		assertThat(a.path("timezone").asString()).isEqualTo("Asia/Kolkata");
		assertThat(a.path("is_upcoming").asBoolean()).isTrue();
		assertThat(a.path("can_be_cancelled").asBoolean()).isTrue();
		assertThat(a.path("started_at").isNull()).isTrue();
		long id = a.path("id").asLong();

		// the booking confirmation is recorded at once, then mailed to the patient after the booking commits
		JsonNode reminders = page(http.get(API + "/appointments/" + id + "/reminders/").token(patient.token()).send());
		assertThat(reminders.path("count").asLong()).isEqualTo(1);
		JsonNode reminder = reminders.path("results").get(0);
		assertThat(Http.keys(reminder)).containsExactlyInAnyOrder("id", "appointment", "reminder_type", "channel",
				"scheduled_for", "sent_at", "delivery_status", "message_content", "created_at");
		assertThat(reminder.path("reminder_type").asString()).isEqualTo("booking_confirmation");
		assertThat(reminder.path("channel").asString()).isEqualTo("email");
		assertThat(reminder.path("delivery_status").asString()).isIn("pending", "sent");
		assertThat(reminder.path("appointment").asLong()).isEqualTo(id);
		JsonNode sent = reminderOnceDelivered(id, patient);
		assertThat(sent.path("delivery_status").asString()).isEqualTo("sent");
		assertThat(sent.path("sent_at").isString()).isTrue();
		JsonNode mails = http.get("/dev/outbox?to=" + java.net.URLEncoder.encode(patient.email(),
				java.nio.charset.StandardCharsets.UTF_8)).send().json();
		assertThat(mails.valueStream().map(m -> m.path("body").asString()))
			.contains(reminder.path("message_content").asString());
		// the doctor reads them too; another patient may not
		page(http.get(API + "/appointments/" + id + "/reminders").token(doctor.token()).send());
		drfError(http.get(API + "/appointments/" + id + "/reminders/").token(people.patient().token()).send(), 403);

		// the doctor is told in the app
		await().atMost(Duration.ofSeconds(10)).until(() -> told(doctor, "appointment_confirmation"));
		assertThat(told(patient, "appointment_confirmation")).as("the patient who booked is not told").isFalse();
		// the slot is no longer open
		assertThat(openTimes(doctor, SlotId.of(slot))).doesNotContain("10:00:00");
	}

	/**
	 * A burst of bookings larger than the connection pool: each booking's listener tells the doctor and then mails the
	 * confirmation, which must not wait for a second connection while it holds one — every confirmation goes out
	 * within seconds, and nothing waits for the pool's timeout.
	 */
	@Test
	void aBurstOfBookingsGetsEveryConfirmationOut() throws Exception {
		var doctors = List.of(people.doctor(), people.doctor());
		List<HcpPeople.Person> patients = new java.util.ArrayList<>();
		List<Long> slots = new java.util.ArrayList<>();
		for (var doctor : doctors) {
			for (int hour = 9; hour < 16; hour++) {
				patients.add(people.patient());
				slots.add(slot(doctor, hour));
			}
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(patients.size());
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Long>> bookings = new java.util.ArrayList<>();
			for (int i = 0; i < patients.size(); i++) {
				int n = i;
				bookings.add(pool.submit(() -> {
					start.await();
					return book(patients.get(n), slots.get(n));
				}));
			}
			start.countDown();
			List<Long> ids = new java.util.ArrayList<>();
			for (var booking : bookings) {
				ids.add(booking.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				for (int i = 0; i < ids.size(); i++) {
					JsonNode reminder = page(http.get(API + "/appointments/" + ids.get(i) + "/reminders/")
						.token(patients.get(i).token()).send()).path("results").get(0);
					assertThat(reminder.path("delivery_status").asString()).isEqualTo("sent");
				}
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aBookingNeedsASlotIdThatNamesAnOpenSlotAndAReasonAndOnlyPatientsBook() {
		var doctor = people.doctor();
		var patient = people.patient();
		long slot = slot(doctor, 11);

		Map<String, Object> missing = booking(slot, "video");
		missing.remove("slot_id");
		assertThat(fieldError(http.post(API + "/appointments/", missing).token(patient.token()).send(), "slot_id"))
			.isEqualTo("This field is required.");
		assertThat(fieldError(http.post(API + "/appointments/", with(booking(slot, "video"), "slot_id", "abc"))
			.token(patient.token()).send(), "slot_id")).isEqualTo("A valid integer is required.");
		assertThat(fieldError(http.post(API + "/appointments/", with(booking(slot, "video"), "slot_id", 42))
			.token(patient.token()).send(), "slot_id")).isEqualTo("Selected slot is not available");
		// half past: off the doctor's hourly grid
		assertThat(fieldError(http.post(API + "/appointments/", booking(slot + 30, "video")).token(patient.token())
			.send(), "slot_id")).isEqualTo("Selected slot is not available");
		Map<String, Object> noReason = booking(slot, "video");
		noReason.remove("reason");
		assertThat(fieldError(http.post(API + "/appointments/", noReason).token(patient.token()).send(), "reason"))
			.isEqualTo("This field is required.");
		assertThat(fieldError(http.post(API + "/appointments/", booking(slot, "phone")).token(patient.token()).send(),
				"appointment_type")).isEqualTo("\"phone\" is not a valid choice.");

		drfError(http.post(API + "/appointments/", booking(slot, "video")).token(doctor.token()).send(), 403);
		drfError(http.post(API + "/appointments/", booking(slot, "video")).send(), 401);

		data(http.post(API + "/appointments", booking(slot, "in_person")).token(patient.token()).send(), 201);
		// taken: the original's validation error on the slot
		assertThat(fieldError(http.post(API + "/appointments/", booking(slot, "video")).token(people.patient().token())
			.send(), "slot_id")).isEqualTo("Selected slot is not available");
	}

	@Test
	void eachCallerListsWhatTheyReachFilteredAndOrdered() {
		var doctor = people.doctor();
		var patientA = people.patient();
		var patientB = people.patient();
		long a1 = book(patientA, slot(doctor, 9));
		long a2 = book(patientA, slot(doctor, 10));
		long b1 = book(patientB, slot(doctor, 11));
		http.post(API + "/appointments/" + a2 + "/cancel/", Map.of("reason", "busy")).token(patientA.token()).send();

		JsonNode mine = page(http.get(API + "/appointments/?ordering=scheduled_at").token(patientA.token()).send());
		assertThat(ids(mine)).containsExactly(a1, a2);
		JsonNode item = mine.path("results").get(0);
		assertThat(Http.keys(item)).containsExactlyInAnyOrder("id", "doctor", "doctor_name", "patient", "patient_name",
				"appointment_type", "status", "scheduled_at", "end_time", "date", "time", "timezone",
				"consultation_fee", "payment_status", "is_upcoming", "created_at");
		assertThat(item.path("patient").asLong()).isEqualTo(patientA.id());
		assertThat(item.path("doctor").asLong()).isEqualTo(doctor.doctorId());
		assertThat(item.path("doctor_name").asString()).isEqualTo(doctor.clinician().fullName());
		assertThat(item.path("consultation_fee").asString()).isEqualTo("1500.00");

		assertThat(ids(page(http.get(API + "/appointments/?status=cancelled").token(patientA.token()).send())))
			.containsExactly(a2);
		assertThat(ids(page(http.get(API + "/appointments/").token(patientB.token()).send()))).containsExactly(b1);
		assertThat(ids(page(http.get(API + "/appointments/?ordering=-scheduled_at").token(doctor.token()).send())))
			.containsExactly(b1, a2, a1);
		assertThat(ids(page(http.get(API + "/appointments/?ordering=created_at&status=pending").token(doctor.token())
			.send()))).containsExactly(a1, b1);
		assertThat(ids(page(http.get(API + "/appointments/?doctor=" + doctor.doctorId() + "&patient=" + patientB.id())
			.token(people.admin().token()).send()))).containsExactly(b1);
		// another doctor sees none of these
		assertThat(ids(page(http.get(API + "/appointments/").token(people.doctor().token()).send())))
			.doesNotContain(a1, a2, b1);

		assertThat(fieldError(http.get(API + "/appointments/?ordering=reason").token(patientA.token()).send(),
				"ordering")).contains("scheduled_at");
		assertThat(fieldError(http.get(API + "/appointments/?status=lost").token(patientA.token()).send(), "status"))
			.isEqualTo("\"lost\" is not a valid choice.");
		drfError(http.get(API + "/appointments/").send(), 401);
	}

	@Test
	void theDetailIsForItsPartiesAndTheClinic() {
		var doctor = people.doctor();
		var patient = people.patient();
		long id = book(patient, slot(doctor, 12));

		assertThat(data(http.get(API + "/appointments/" + id + "/").token(patient.token()).send(), 200).path("id")
			.asLong()).isEqualTo(id);
		data(http.get(API + "/appointments/" + id).token(doctor.token()).send(), 200);
		data(http.get(API + "/appointments/" + id + "/").token(people.admin().token()).send(), 200);
		drfError(http.get(API + "/appointments/" + id + "/").token(people.patient().token()).send(), 403);
		drfError(http.get(API + "/appointments/" + id + "/").token(people.doctor().token()).send(), 403);
		drfError(http.get(API + "/appointments/99999999/").token(patient.token()).send(), 404);
	}

	@Test
	void eachPartyWritesTheirOwnPartAndStatusesStepThroughTheLifecycle() {
		var doctor = people.doctor();
		var patient = people.patient();
		long id = book(patient, slot(doctor, 13));

		JsonNode byPatient = data(http.put(API + "/appointments/" + id + "/", Map.of("reason", "Back pain",
				"symptoms", "pain,  stiffness", "medical_history", "None", "patient_feedback", "Thanks",
				"appointment_type", "in_person")).token(patient.token()).send(), 200);
		assertThat(byPatient.path("reason").asString()).isEqualTo("Back pain");
		assertThat(byPatient.path("symptoms").asString()).isEqualTo("pain, stiffness");
		assertThat(byPatient.path("medical_history").asString()).isEqualTo("None");
		assertThat(byPatient.path("patient_feedback").asString()).isEqualTo("Thanks");
		assertThat(byPatient.path("appointment_type").asString()).isEqualTo("in_person");
		drfError(http.put(API + "/appointments/" + id + "/", Map.of("doctor_notes", "mine")).token(patient.token())
			.send(), 403);

		JsonNode byDoctor = data(http.put(API + "/appointments/" + id, Map.of("doctor_notes", "Rest a week",
				"requires_follow_up", true, "follow_up_date", "2031-01-15T10:00:00Z")).token(doctor.token()).send(), 200);
		assertThat(byDoctor.path("doctor_notes").asString()).isEqualTo("Rest a week");
		assertThat(byDoctor.path("requires_follow_up").asBoolean()).isTrue();
		assertThat(byDoctor.path("follow_up_date").asString()).isEqualTo("2031-01-15T10:00:00Z");
		drfError(http.put(API + "/appointments/" + id + "/", Map.of("patient_feedback", "theirs")).token(doctor.token())
			.send(), 403);
		drfError(http.put(API + "/appointments/" + id + "/", Map.of("reason", "x")).token(people.patient().token())
			.send(), 403);

		assertThat(fieldError(http.put(API + "/appointments/" + id + "/", Map.of("status", "refunded"))
			.token(patient.token()).send(), "status")).isEqualTo("\"refunded\" is not a valid choice.");
		// confirming is the clinic's (or a payment's), not a party's
		drfError(http.put(API + "/appointments/" + id + "/", Map.of("status", "confirmed")).token(doctor.token()).send(),
				403);
		assertThat(data(http.put(API + "/appointments/" + id + "/", Map.of("status", "in_progress"))
			.token(doctor.token()).send(), 200).path("status").asString()).isEqualTo("in_progress");
		drfError(http.put(API + "/appointments/" + id + "/", Map.of("status", "pending")).token(doctor.token()).send(),
				400);
	}

	@Test
	void eitherPartyCancelsAndTheOtherIsToldAndTheSlotIsFreed() {
		var doctor = people.doctor();
		var patient = people.patient();
		long slot = slot(doctor, 14);
		long id = book(patient, slot);

		drfError(http.post(API + "/appointments/" + id + "/cancel/", Map.of()).token(people.patient().token()).send(),
				403);
		JsonNode cancelled = data(http.post(API + "/appointments/" + id + "/cancel/", Map.of("reason", "Unwell"))
			.token(doctor.token()).send(), 200);
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("cancellation_reason").asString()).isEqualTo("Unwell");
		assertThat(cancelled.path("slot").path("status").asString()).isEqualTo("open");
		assertThat(cancelled.path("can_be_cancelled").asBoolean()).isFalse();
		assertThat(openTimes(doctor, SlotId.of(slot))).contains("14:00:00");
		await().atMost(Duration.ofSeconds(10)).until(() -> told(patient, "appointment_cancelled"));
		assertThat(told(doctor, "appointment_cancelled")).as("the doctor who cancelled is not told").isFalse();

		drfError(http.post(API + "/appointments/" + id + "/cancel/", Map.of()).token(patient.token()).send(), 400);
		// the freed slot can be booked again, by anyone
		book(people.patient(), slot);
	}

	@Test
	void aPartyMovesAnAppointmentToAnotherSlotOfTheSameDoctorAndTheOldOneIsFreed() {
		var doctor = people.doctor();
		var patient = people.patient();
		long from = slot(doctor, 9);
		long to = slot(doctor, 15);
		long id = book(patient, from);

		assertThat(fieldError(http.post(API + "/appointments/" + id + "/reschedule/", Map.of("reason", "later"))
			.token(patient.token()).send(), "new_slot_id")).isEqualTo("This field is required.");
		var other = people.doctor();
		assertThat(fieldError(http.post(API + "/appointments/" + id + "/reschedule/",
				Map.of("new_slot_id", slot(other, 15))).token(patient.token()).send(), "new_slot_id"))
			.isEqualTo("Selected slot is not available");
		long taken = book(people.patient(), slot(doctor, 16));
		JsonNode takenSlot = data(http.get(API + "/appointments/" + taken + "/").token(doctor.token()).send(), 200)
			.path("slot");
		assertThat(fieldError(http.post(API + "/appointments/" + id + "/reschedule/",
				Map.of("new_slot_id", takenSlot.path("id").asLong())).token(patient.token()).send(), "new_slot_id"))
			.isEqualTo("Selected slot is not available");
		drfError(http.post(API + "/appointments/" + id + "/reschedule/", Map.of("new_slot_id", to))
			.token(people.patient().token()).send(), 403);

		JsonNode moved = data(http.post(API + "/appointments/" + id + "/reschedule/", Map.of("new_slot_id", to,
				"reason", "later")).token(patient.token()).send(), 200);
		assertThat(moved.path("slot").path("id").asLong()).isEqualTo(to);
		assertThat(moved.path("scheduled_at").asString()).isEqualTo(SlotId.of(to).startsAt().toString());
		assertThat(openTimes(doctor, SlotId.of(from))).contains("09:00:00");
		assertThat(openTimes(doctor, SlotId.of(to))).doesNotContain("15:00:00");
		// the doctor may move it too
		data(http.post(API + "/appointments/" + id + "/reschedule", Map.of("new_slot_id", from)).token(doctor.token())
			.send(), 200);
	}

	@Test
	void onlyTheDoctorOfTheAppointmentStartsAndEndsItAtAnyTime() {
		var doctor = people.doctor();
		var patient = people.patient();
		long id = book(patient, slot(doctor, 16)); // weeks ahead: no clock window

		drfError(http.post(API + "/appointments/" + id + "/start/", Map.of()).token(patient.token()).send(), 403);
		drfError(http.post(API + "/appointments/" + id + "/start/", Map.of()).token(people.doctor().token()).send(),
				403);
		drfError(http.post(API + "/appointments/" + id + "/end/", Map.of()).token(patient.token()).send(), 403);

		JsonNode started = data(http.post(API + "/appointments/" + id + "/start/", Map.of()).token(doctor.token())
			.send(), 200);
		assertThat(started.path("status").asString()).isEqualTo("in_progress");
		assertThat(started.path("started_at").asString()).isNotBlank();
		JsonNode ended = data(http.post(API + "/appointments/" + id + "/end", Map.of()).token(doctor.token()).send(),
				200);
		assertThat(ended.path("status").asString()).isEqualTo("completed");
		assertThat(ended.path("ended_at").asString()).isNotBlank();
		assertThat(ended.path("duration_minutes").asInt()).isZero();
		assertThat(ended.path("is_upcoming").asBoolean()).isFalse();

		drfError(http.post(API + "/appointments/" + id + "/start/", Map.of()).token(doctor.token()).send(), 400);
		drfError(http.post(API + "/appointments/" + id + "/end/", Map.of()).token(doctor.token()).send(), 400);
		drfError(http.post(API + "/appointments/" + id + "/cancel/", Map.of()).token(doctor.token()).send(), 400);
	}

	@Test
	void upcomingIsWhatIsStillAheadSoonestFirst() {
		var doctor = people.doctor();
		var patient = people.patient();
		long later = book(patient, slot(doctor, 15));
		long sooner = book(patient, slot(doctor, 9));
		long gone = book(patient, slot(doctor, 12));
		http.post(API + "/appointments/" + gone + "/cancel/", Map.of()).token(patient.token()).send();

		JsonNode upcoming = page(http.get(API + "/appointments/upcoming/").token(patient.token()).send());
		assertThat(ids(upcoming)).containsExactly(sooner, later);
		assertThat(upcoming.path("results").get(0).path("is_upcoming").asBoolean()).isTrue();
		assertThat(ids(page(http.get(API + "/appointments/upcoming").token(doctor.token()).send())))
			.containsExactly(sooner, later);
		drfError(http.get(API + "/appointments/upcoming/").send(), 401);
	}

	@Test
	void upcomingRefusesABadPageAsDrfDoes() {
		var patient = people.patient();
		book(patient, slot(people.doctor(), 11));

		assertThat(fieldError(http.get(API + "/appointments/upcoming/?page=0").token(patient.token()).send(), "page"))
			.isEqualTo("Page must be 1 or more");
		assertThat(fieldError(http.get(API + "/appointments/upcoming/?page=first").token(patient.token()).send(),
				"page")).isNotBlank();
		assertThat(fieldError(http.get(API + "/appointments/upcoming/?page_size=101").token(patient.token()).send(),
				"page_size")).isEqualTo("Page size must be between 1 and 100");
		assertThat(fieldError(http.get(API + "/appointments/upcoming/?page_size=-1").token(patient.token()).send(),
				"page_size")).isNotBlank();
		JsonNode one = page(http.get(API + "/appointments/upcoming/?page_size=1").token(patient.token()).send());
		assertThat(one.path("count").asLong()).isEqualTo(1);
		assertThat(one.path("results")).hasSize(1);
		// past the last page: an empty page with the count, as openapi.md says
		JsonNode past = page(http.get(API + "/appointments/upcoming/?page=3").token(patient.token()).send());
		assertThat(past.path("count").asLong()).isEqualTo(1);
		assertThat(past.path("results")).isEmpty();
		assertThat(past.path("next").isNull()).isTrue();
	}

	@Test
	void theRemindersOfAnUnknownAppointmentAreNotFound_andAStrangerIsRefusedThem() {
		var doctor = people.doctor();
		var patient = people.patient();
		long id = book(patient, slot(doctor, 14));

		drfError(http.get(API + "/appointments/99999999/reminders/").token(patient.token()).send(), 404);
		drfError(http.get(API + "/appointments/99999999/reminders/").token(people.admin().token()).send(), 404);
		drfError(http.get(API + "/appointments/" + id + "/reminders/").token(people.patient().token()).send(), 403);
		drfError(http.get(API + "/appointments/" + id + "/reminders/").send(), 401);
		assertThat(page(http.get(API + "/appointments/" + id + "/reminders/").token(doctor.token()).send())
			.path("count").asLong()).isEqualTo(1);
	}

	@Test
	void aPaidAppointmentIsConfirmed() throws Exception {
		var doctor = people.doctor();
		var patient = people.patient();
		long id = book(patient, slot(doctor, 10));
		var actor = clinic.actorOf(patient.id(), Role.PATIENT);

		var order = checkout.order(Ref.id(id), null, "offline", actor);
		assertThat(order.amountMinor()).isEqualTo(150_000L);
		String paymentId = "pay_hcp" + id;
		checkout.verify("offline", new CheckoutVerification(order.orderId(), paymentId,
				hmac("polyclinic-offline-demo-key-secret", order.orderId() + "|" + paymentId)), actor);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> book.require(id).status() == AppointmentStatus.CONFIRMED);
		JsonNode a = data(http.get(API + "/appointments/" + id + "/").token(patient.token()).send(), 200);
		assertThat(a.path("status").asString()).isEqualTo("confirmed");
		assertThat(a.path("payment_status").asString()).isEqualTo("paid");
	}

	// ---- helpers ----

	/** A slot of the doctor at this hour on a weekday of its own, far enough ahead for every test. */
	static long slot(HcpPeople.Person doctor, int hour) {
		LocalDate day = LocalDate.now(KOLKATA).plusDays(DAYS.get());
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return new SlotId(doctor.doctorId(), ZonedDateTime.of(day, LocalTime.of(hour, 0), KOLKATA).toInstant()).value();
	}

	static Map<String, Object> booking(Object slot, String type) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("slot_id", slot);
		body.put("appointment_type", type);
		body.put("reason", "Persistent cough");
		body.put("symptoms", "cough, fever");
		body.put("medical_history", "Asthma");
		return body;
	}

	static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		body.put(field, value);
		return body;
	}

	long book(HcpPeople.Person patient, long slot) {
		return data(http.post(API + "/appointments/", booking(slot, "video")).token(patient.token()).send(), 201)
			.path("id").asLong();
	}

	List<String> openTimes(HcpPeople.Person doctor, SlotId slot) {
		LocalDate day = slot.startsAt().atZone(KOLKATA).toLocalDate();
		return data(http.get(API + "/doctors/" + doctor.doctorId() + "/availability/?date=" + day).send(), 200)
			.path("available_slots").valueStream().map(s -> s.path("time").asString()).toList();
	}

	/** Whether the person's hcp notifications hold one of this type about an appointment. */
	boolean told(HcpPeople.Person person, String notificationType) {
		JsonNode found = page(http.get(API + "/notifications/?notification_type=" + notificationType)
			.token(person.token()).send());
		return found.path("count").asLong() > 0;
	}

	static List<Long> ids(JsonNode page) {
		return page.path("results").valueStream().map(r -> r.path("id").asLong()).toList();
	}

	static String hmac(String secret, String payload) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
	}

	/** The booking's confirmation once the notify module has reported its delivery, or as it is after ten seconds. */
	private JsonNode reminderOnceDelivered(long appointment, HcpPeople.Person patient) throws InterruptedException {
		java.time.Instant until = java.time.Instant.now().plusSeconds(10);
		while (true) {
			JsonNode reminder = page(http.get(API + "/appointments/" + appointment + "/reminders/")
				.token(patient.token()).send()).path("results").get(0);
			if (!"pending".equals(reminder.path("delivery_status").asString())
					|| java.time.Instant.now().isAfter(until)) {
				return reminder;
			}
			Thread.sleep(50);
		}
	}
}
