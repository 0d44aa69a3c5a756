package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.hcp.HcpPeople.Person;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * In-app notifications at /hcp/api/notifications: one's own written, listed, read, changed and deleted (another's
 * is not found); the bell's unread list; marking read; the administrator's send (email goes out too), bulk send
 * and counts (refused to anyone else); and the doctor told of a booking, the patient of a cancellation.
 */
class HcpNotificationTests extends HcpApiTest {

	static final List<String> FIELDS = List.of("id", "user", "notification_type", "type", "channel", "status",
			"is_read", "title", "message", "external_id", "metadata", "scheduled_at", "sent_at", "read_at",
			"created_at", "updated_at");
	static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

	@Autowired
	AppointmentBook book;
	@Autowired
	PatientRegistry patients;

	static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	JsonNode create(Person who, String title) {
		return data(http.post(API + "/notifications/", body("notification_type", "system_update", "channel", "in_app",
				"title", title, "message", "About " + title, "metadata", Map.of("k", "v"))).token(who.token()).send(),
				201);
	}

	@Test
	void onesOwnAreWrittenListedReadChangedAndDeleted() {
		Person patient = people.patient();
		JsonNode created = create(patient, "Take your pills");
		assertThat(Http.keys(created)).containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(created.path("id").isIntegralNumber()).isTrue();
		assertThat(created.path("user").asLong()).isEqualTo(patient.id());
		assertThat(created.path("notification_type").asString()).isEqualTo("system_update");
		assertThat(created.path("type").asString()).isEqualTo("system_update");
		assertThat(created.path("channel").asString()).isEqualTo("in_app");
		assertThat(created.path("status").asString()).isEqualTo("delivered");
		assertThat(created.path("is_read").asBoolean()).isFalse();
		assertThat(created.path("read_at").isNull()).isTrue();
		assertThat(created.path("scheduled_at").isNull()).isTrue();
		assertThat(created.path("external_id").asString()).isEmpty();
		assertThat(created.path("metadata").path("k").asString()).isEqualTo("v");
		assertThat(created.path("created_at").asString()).matches(ISO_UTC);
		assertThat(created.path("sent_at").asString()).matches(ISO_UTC);
		long id = created.path("id").asLong();

		create(patient, "Second");
		JsonNode page = page(http.get(API + "/notifications/?page_size=1").token(patient.token()).send());
		assertThat(page.path("count").asInt()).isEqualTo(2);
		assertThat(page.path("next").asString()).contains("page=2");
		assertThat(page.path("previous").isNull()).isTrue();
		assertThat(page.path("results").get(0).path("title").asString()).isEqualTo("Second");
		assertThat(Http.keys(page.path("results").get(0))).containsExactlyInAnyOrderElementsOf(FIELDS);
		JsonNode oldestFirst = page(http.get(API + "/notifications?ordering=created_at").token(patient.token()).send());
		assertThat(oldestFirst.path("results").get(0).path("id").asLong()).isEqualTo(id);
		JsonNode searched = page(http.get(API + "/notifications/?search=pills&notification_type=system_update"
				+ "&channel=in_app&status=delivered&is_read=false").token(patient.token()).send());
		assertThat(searched.path("count").asInt()).isEqualTo(1);

		JsonNode got = data(http.get(API + "/notifications/" + id + "/").token(patient.token()).send(), 200);
		assertThat(got.path("title").asString()).isEqualTo("Take your pills");

		JsonNode replaced = data(http.put(API + "/notifications/" + id + "/", body("notification_type",
				"appointment_reminder", "channel", "in_app", "title", "Pills at 9", "message", "Two of them",
				"scheduled_at", "2031-05-06T09:00:00+05:30")).token(patient.token()).send(), 200);
		assertThat(replaced.path("notification_type").asString()).isEqualTo("appointment_reminder");
		assertThat(replaced.path("title").asString()).isEqualTo("Pills at 9");
		assertThat(replaced.path("scheduled_at").asString()).isEqualTo("2031-05-06T03:30:00Z");
		assertThat(replaced.path("metadata").path("k").asString()).isEqualTo("v");

		JsonNode patched = data(http.patch(API + "/notifications/" + id, body("status", "read")).token(patient.token())
			.send(), 200);
		assertThat(patched.path("status").asString()).isEqualTo("read");
		assertThat(patched.path("is_read").asBoolean()).isTrue();
		assertThat(patched.path("read_at").asString()).matches(ISO_UTC);
		assertThat(patched.path("title").asString()).isEqualTo("Pills at 9");

		Http.Res deleted = http.delete(API + "/notifications/" + id + "/").token(patient.token()).send();
		assertThat(data(deleted, 200).isNull()).isTrue();
		drfError(http.get(API + "/notifications/" + id + "/").token(patient.token()).send(), 404);
	}

	@Test
	void anotherPersonsNotificationIsNotFoundWhateverIsDoneToIt() {
		Person owner = people.patient();
		Person other = people.patient();
		long id = create(owner, "Mine").path("id").asLong();
		String path = API + "/notifications/" + id + "/";

		drfError(http.get(path).token(other.token()).send(), 404);
		drfError(http.put(path, body("notification_type", "system_update", "channel", "in_app", "title", "Hijacked",
				"message", "x")).token(other.token()).send(), 404);
		drfError(http.patch(path, body("title", "Hijacked")).token(other.token()).send(), 404);
		drfError(http.post(path + "read/", null).token(other.token()).send(), 404);
		drfError(http.delete(path).token(other.token()).send(), 404);
		assertThat(page(http.get(API + "/notifications/").token(other.token()).send()).path("count").asInt()).isZero();

		JsonNode still = data(http.get(path).token(owner.token()).send(), 200);
		assertThat(still.path("title").asString()).isEqualTo("Mine");
		assertThat(still.path("is_read").asBoolean()).isFalse();
		// nor may anyone but an administrator write one for somebody else
		drfError(http.post(API + "/notifications/", body("user", owner.id(), "notification_type", "system_update",
				"title", "For you", "message", "x")).token(other.token()).send(), 403);
		drfError(http.get(API + "/notifications/").send(), 401);
	}

	@Test
	void badInputIsADrfFieldError() {
		Person patient = people.patient();
		Http.Res missing = http.post(API + "/notifications/", body("notification_type", "system_update"))
			.token(patient.token()).send();
		JsonNode details = drfError(missing, 400);
		assertThat(details.path("title").get(0).asString()).isEqualTo("This field is required.");
		assertThat(details.path("message").get(0).asString()).isEqualTo("This field is required.");

		assertThat(fieldError(http.post(API + "/notifications/", body("notification_type", "party", "title", "t",
				"message", "m")).token(patient.token()).send(), "notification_type"))
			.isEqualTo("\"party\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/notifications/", body("notification_type", "system_update",
				"channel", "pigeon", "title", "t", "message", "m")).token(patient.token()).send(), "channel"))
			.isEqualTo("\"pigeon\" is not a valid choice.");
		assertThat(fieldError(http.post(API + "/notifications/", body("notification_type", "system_update", "title",
				"x".repeat(256), "message", "m")).token(patient.token()).send(), "title"))
			.isEqualTo("Ensure this field has no more than 255 characters.");

		long id = create(patient, "Sent in the app").path("id").asLong();
		JsonNode put = drfError(http.put(API + "/notifications/" + id + "/", body("title", "Only a title"))
			.token(patient.token()).send(), 400);
		assertThat(Http.keys(put)).containsExactlyInAnyOrder("notification_type", "channel", "message");
		assertThat(fieldError(http.patch(API + "/notifications/" + id + "/", body("channel", "email"))
			.token(patient.token()).send(), "channel")).isEqualTo(
					"A notification's channel cannot be changed once it is sent");
		assertThat(fieldError(http.patch(API + "/notifications/" + id + "/", body("status", "pending"))
			.token(patient.token()).send(), "status")).isEqualTo("A notification can only be marked read");
		assertThat(fieldError(http.get(API + "/notifications/?ordering=title").token(patient.token()).send(),
				"ordering")).contains("created_at");
		assertThat(fieldError(http.get(API + "/notifications/?status=lost").token(patient.token()).send(), "status"))
			.isEqualTo("\"lost\" is not a valid choice.");
		drfError(http.get(API + "/notifications/abc/").token(patient.token()).send(), 404);
	}

	@Test
	void theBellReadsTheUnreadOnesAndMarksThemRead() {
		Person patient = people.patient();
		long first = create(patient, "One").path("id").asLong();
		create(patient, "Two");
		create(patient, "Three");

		Http.Res unread = http.get(API + "/notifications/unread/").token(patient.token()).send();
		JsonNode data = data(unread, 200);
		assertThat(Http.keys(data)).containsExactlyInAnyOrder("unread_count", "notifications");
		assertThat(data.path("unread_count").asInt()).isEqualTo(3);
		assertThat(data.path("notifications")).hasSize(3);
		// beside the envelope too: the original's bell reads them at the top
		assertThat(Http.keys(unread.json())).containsExactlyInAnyOrder("data", "message", "status", "unread_count",
				"notifications");
		assertThat(unread.json().path("unread_count").asInt()).isEqualTo(3);
		assertThat(unread.json().path("notifications").get(0).path("title").asString()).isEqualTo("Three");

		JsonNode read = data(http.post(API + "/notifications/" + first + "/read/", null).token(patient.token()).send(),
				200);
		assertThat(read.path("is_read").asBoolean()).isTrue();
		assertThat(read.path("status").asString()).isEqualTo("read");
		String readAt = read.path("read_at").asString();
		// again is harmless and keeps the first reading's time
		JsonNode again = data(http.post(API + "/notifications/" + first + "/read", null).token(patient.token())
			.send(), 200);
		assertThat(again.path("read_at").asString()).isEqualTo(readAt);
		assertThat(data(http.get(API + "/notifications/unread").token(patient.token()).send(), 200)
			.path("unread_count").asInt()).isEqualTo(2);

		Http.Res all = http.post(API + "/notifications/mark-all-read/", null).token(patient.token()).send();
		assertThat(data(all, 200).path("updated_count").asInt()).isEqualTo(2);
		assertThat(all.json().path("message").asString()).isEqualTo("2 notifications marked as read");
		assertThat(data(http.get(API + "/notifications/unread/").token(patient.token()).send(), 200)
			.path("unread_count").asInt()).isZero();
		assertThat(data(http.post(API + "/notifications/mark-all-read", null).token(patient.token()).send(), 200)
			.path("updated_count").asInt()).isZero();
	}

	@Test
	void theBellAndMarkingAllReadNeedASignedInCaller() {
		Person patient = people.patient();
		create(patient, "Still unread");

		Http.Res unread = http.get(API + "/notifications/unread/").send();
		drfError(unread, 401);
		assertThat(unread.json().path("error").asString()).isEqualTo("Authentication credentials were not provided.");
		drfError(http.get(API + "/notifications/unread/").token("not-a-token").send(), 401);
		drfError(http.post(API + "/notifications/mark-all-read/", null).send(), 401);
		drfError(http.post(API + "/notifications/mark-all-read/", null).token("not-a-token").send(), 401);

		assertThat(data(http.get(API + "/notifications/unread/").token(patient.token()).send(), 200)
			.path("unread_count").asInt()).isEqualTo(1);
	}

	@Test
	void onesOwnNotificationOverEmailIsMailedAndSent() {
		Person patient = people.patient();
		String title = "Lab results ready " + System.nanoTime();

		Http.Res res = http.post(API + "/notifications/", body("notification_type", "system_update", "channel", "email",
				"title", title, "message", "Your lab results are in")).token(patient.token()).send();
		JsonNode created = data(res, 201);
		assertThat(Http.keys(created)).containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(created.path("channel").asString()).isEqualTo("email");
		assertThat(created.path("status").asString()).isEqualTo("sent");
		assertThat(created.path("external_id").asString()).isNotEmpty();
		assertThat(created.path("sent_at").asString()).matches(ISO_UTC);
		assertThat(outbox(patient.email())).anySatisfy(m -> {
			assertThat(m.path("channel").asString()).isEqualToIgnoringCase("email");
			assertThat(m.path("subject").asString()).isEqualTo(title);
			assertThat(m.path("body").asString()).contains("Your lab results are in");
		});
		assertThat(data(http.get(API + "/notifications/" + created.path("id").asLong() + "/").token(patient.token())
			.send(), 200).path("status").asString()).isEqualTo("sent");

		// a doctor the clinic's staff made has no email address: failed, and in their inbox all the same
		Person doctor = people.doctor();
		assertThat(doctor.email()).isEmpty();
		JsonNode unsent = data(http.post(API + "/notifications/", body("notification_type", "system_update", "channel",
				"email", "title", title, "message", "Nowhere to go")).token(doctor.token()).send(), 201);
		assertThat(unsent.path("status").asString()).isEqualTo("failed");
		assertThat(unsent.path("sent_at").isNull()).isTrue();
		assertThat(page(http.get(API + "/notifications/?status=failed").token(doctor.token()).send()).path("results")
			.findValuesAsString("title")).containsExactly(title);
	}

	@Test
	void anAdministratorSendsAndCountsAndAnEmailGoesOut() {
		Person admin = people.admin();
		Person patient = people.patient();
		Person other = people.patient();

		Http.Res sent = http.post(API + "/notifications/send/", body("user_id", patient.id(), "notification_type",
				"payment_success", "channel", "email", "title", "Payment received", "message", "Thank you",
				"metadata", Map.of("amount", "500.00"))).token(admin.token()).send();
		JsonNode data = data(sent, 200);
		assertThat(Http.keys(data)).containsExactlyInAnyOrder("notification_id", "notification");
		assertThat(sent.json().path("message").asString()).isEqualTo("Notification sent successfully");
		JsonNode notification = data.path("notification");
		assertThat(notification.path("id").asLong()).isEqualTo(data.path("notification_id").asLong());
		assertThat(notification.path("channel").asString()).isEqualTo("email");
		assertThat(notification.path("status").asString()).isEqualTo("sent");
		assertThat(notification.path("external_id").asString()).isNotEmpty();
		assertThat(outbox(patient.email())).anySatisfy(m -> {
			assertThat(m.path("channel").asString()).isEqualToIgnoringCase("email");
			assertThat(m.path("subject").asString()).isEqualTo("Payment received");
			assertThat(m.path("body").asString()).contains("Thank you");
		});
		JsonNode listed = page(http.get(API + "/notifications/?channel=email").token(patient.token()).send());
		assertThat(listed.path("results").get(0).path("title").asString()).isEqualTo("Payment received");
		assertThat(listed.path("results").get(0).path("metadata").path("amount").asString()).isEqualTo("500.00");

		Http.Res bulk = http.post(API + "/notifications/send-bulk/", body("user_ids", List.of(patient.id(),
				other.id()), "notification_type", "system_update", "title", "Maintenance", "message", "Tonight"))
			.token(admin.token()).send();
		JsonNode bulkData = data(bulk, 200);
		assertThat(bulkData.path("notifications_sent").asInt()).isEqualTo(2);
		assertThat(bulkData.path("notification_ids")).hasSize(2);
		assertThat(page(http.get(API + "/notifications/?search=Maintenance").token(other.token()).send())
			.path("count").asInt()).isEqualTo(1);

		JsonNode stats = data(http.get(API + "/notifications/stats/").token(admin.token()).send(), 200);
		assertThat(Http.keys(stats)).containsExactlyInAnyOrder("total_notifications", "unread_notifications",
				"read_notifications", "read_rate", "by_type", "by_channel", "by_status");
		assertThat(Http.keys(stats.path("by_type"))).containsAll(HcpNotificationController.TYPES);
		assertThat(Http.keys(stats.path("by_channel"))).containsExactlyInAnyOrder("in_app", "email", "sms", "push");
		assertThat(Http.keys(stats.path("by_status"))).containsExactlyInAnyOrder("pending", "sent", "delivered",
				"failed", "read");
		assertThat(stats.path("by_channel").path("email").asLong()).isPositive();
		assertThat(stats.path("by_type").path("payment_success").asLong()).isPositive();
		assertThat(stats.path("total_notifications").asLong()).isEqualTo(
				stats.path("unread_notifications").asLong() + stats.path("read_notifications").asLong());
		assertThat(stats.path("read_rate").asDouble()).isBetween(0.0, 1.0);
	}

	@Test
	void theAdministratorsFunctionsAreRefusedToEveryoneElseAndCheckTheirInput() {
		Person admin = people.admin();
		Person patient = people.patient();
		Person doctor = people.doctor();
		for (Person caller : List.of(patient, doctor)) {
			drfError(http.post(API + "/notifications/send/", body("user_id", patient.id(), "notification_type",
					"system_update", "title", "t", "message", "m")).token(caller.token()).send(), 403);
			drfError(http.post(API + "/notifications/send-bulk/", body("user_ids", List.of(patient.id()),
					"notification_type", "system_update", "title", "t", "message", "m")).token(caller.token()).send(),
					403);
			drfError(http.get(API + "/notifications/stats/").token(caller.token()).send(), 403);
		}
		assertThat(fieldError(http.post(API + "/notifications/send/", body("notification_type", "system_update",
				"title", "t", "message", "m")).token(admin.token()).send(), "user_id"))
			.isEqualTo("This field is required.");
		drfError(http.post(API + "/notifications/send/", body("user_id", 987_654_321L, "notification_type",
				"system_update", "title", "t", "message", "m")).token(admin.token()).send(), 404);
		assertThat(fieldError(http.post(API + "/notifications/send-bulk/", body("user_ids", List.of(patient.id(),
				987_654_321L), "notification_type", "system_update", "title", "t", "message", "m"))
			.token(admin.token()).send(), "user_ids")).contains("987654321");
		assertThat(fieldError(http.post(API + "/notifications/send-bulk/", body("user_ids", List.of(),
				"notification_type", "system_update", "title", "t", "message", "m")).token(admin.token()).send(),
				"user_ids")).isEqualTo("This field is required.");
	}

	@Test
	void theDoctorIsToldOfABookingAndThePatientOfACancellation() {
		Person patient = people.patient();
		Person doctor = people.doctor();
		long patientId = patients.forUser(patient.id()).orElseThrow().id();
		Actor asPatient = clinic.actorOf(patient.id(), Role.PATIENT);
		var booked = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patientId)),
				Ref.id(doctor.requireDoctorId()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.TUESDAY), LocalTime.of(10, 0)),
				SessionType.ONLINE, null, null), asPatient).appointment();

		JsonNode toDoctor = awaitUnread(doctor, "appointment_confirmation");
		assertThat(toDoctor.path("type").asString()).isEqualTo("appointment_confirmation");
		assertThat(toDoctor.path("channel").asString()).isEqualTo("in_app");
		assertThat(toDoctor.path("title").asString()).isEqualTo("Appointment booked");

		book.cancel(Ref.id(booked.id()), "Travelling", clinic.actorOf(doctor.id(), Role.CLINICIAN));
		JsonNode toPatient = awaitUnread(patient, "appointment_cancelled");
		assertThat(toPatient.path("message").asString()).contains("cancelled the appointment");
	}

	@Test
	void theSameNotificationsAreListedAndReadInTheClinicoAndDiabcareFaces() {
		Person patient = people.patient();
		Person doctor = people.doctor();

		// a booking through hcp tells the doctor; clinico and DiabCare list that very notification
		long appointment = data(http.post(API + "/appointments/", HcpAppointmentTests.booking(HcpAppointmentTests
			.slot(doctor, 15), "video")).token(patient.token()).send(), 201).path("id").asLong();
		JsonNode booked = awaitUnread(doctor, "appointment_confirmation");
		JsonNode inClinico = clinicoListed(doctor, booked);
		assertThat(inClinico.path("notification_type").asString()).isEqualTo("Appointment");
		assertThat(inClinico.path("is_read").asBoolean()).isFalse();
		JsonNode inDiabcare = diabcareListed(doctor, booked);
		assertThat(inDiabcare.path("isRead").asBoolean()).isFalse();

		// read in clinico: read in hcp and in DiabCare
		Http.Res read = http.put("/clinico/api/notifications/" + inClinico.path("notification_id").asString()
				+ "/read", Map.of()).token(doctor.token()).send();
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode nowRead = data(http.get(API + "/notifications/" + booked.path("id").asLong() + "/")
			.token(doctor.token()).send(), 200);
		assertThat(nowRead.path("is_read").asBoolean()).isTrue();
		assertThat(nowRead.path("status").asString()).isEqualTo("read");
		assertThat(nowRead.path("read_at").asString()).matches(ISO_UTC);
		assertThat(diabcareListed(doctor, booked).path("isRead").asBoolean()).isTrue();

		// one written by oneself through hcp is listed by the others too
		JsonNode mine = create(patient, "Bring your reports");
		assertThat(clinicoListed(patient, mine).path("is_read").asBoolean()).isFalse();
		assertThat(diabcareListed(patient, mine).path("isRead").asBoolean()).isFalse();

		// the doctor cancels through clinico: hcp lists the patient's notification as clinico and DiabCare do
		Http.Res cancelled = http.post("/clinico/api/appointments/" + appointment + "/cancel",
				Map.of("reason", "Called away")).token(doctor.token()).send();
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		JsonNode told = awaitUnread(patient, "appointment_cancelled");
		assertThat(Http.keys(told)).containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(told.path("user").asLong()).isEqualTo(patient.id());
		assertThat(clinicoListed(patient, told).path("notification_type").asString()).isEqualTo("Appointment");
		JsonNode cancelInDiabcare = diabcareListed(patient, told);

		// read in DiabCare: read in hcp and clinico; the rest read in hcp: read in clinico
		Http.Res marked = http.patch("/diabcare/api/notifications/" + cancelInDiabcare.path("_id").asString()
				+ "/read").token(patient.token()).send();
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		assertThat(data(http.get(API + "/notifications/" + told.path("id").asLong() + "/").token(patient.token())
			.send(), 200).path("is_read").asBoolean()).isTrue();
		assertThat(clinicoListed(patient, told).path("is_read").asBoolean()).isTrue();
		assertThat(clinicoListed(patient, mine).path("is_read").asBoolean()).isFalse();
		data(http.post(API + "/notifications/mark-all-read/", null).token(patient.token()).send(), 200);
		assertThat(clinicoListed(patient, mine).path("is_read").asBoolean()).isTrue();
		assertThat(diabcareListed(patient, mine).path("isRead").asBoolean()).isTrue();
	}

	/** The one notification of clinico's bare-array list with hcp's title and message. */
	JsonNode clinicoListed(Person who, JsonNode hcp) {
		Http.Res res = http.get("/clinico/api/notifications").token(who.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(res.json().isArray()).as(res.body()).isTrue();
		List<JsonNode> same = new java.util.ArrayList<>();
		res.json().forEach(n -> {
			if (n.path("title").asString().equals(hcp.path("title").asString())) {
				same.add(n);
			}
		});
		assertThat(same).as(res.body()).singleElement()
			.satisfies(n -> assertThat(n.path("message").asString()).isEqualTo(hcp.path("message").asString()));
		return same.get(0);
	}

	/** The one notification of DiabCare's inbox with hcp's title and message. */
	JsonNode diabcareListed(Person who, JsonNode hcp) {
		Http.Res res = http.get("/diabcare/api/notifications").token(who.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		List<JsonNode> same = new java.util.ArrayList<>();
		res.json().path("notifications").forEach(n -> {
			if (n.path("title").asString().equals(hcp.path("title").asString())) {
				same.add(n);
			}
		});
		assertThat(same).as(res.body()).singleElement()
			.satisfies(n -> assertThat(n.path("message").asString()).isEqualTo(hcp.path("message").asString()));
		return same.get(0);
	}

	JsonNode awaitUnread(Person who, String type) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			JsonNode list = data(http.get(API + "/notifications/unread/").token(who.token()).send(), 200)
				.path("notifications");
			for (JsonNode n : list) {
				if (type.equals(n.path("notification_type").asString())) {
					return n;
				}
			}
			assertThat(System.nanoTime()).as("no " + type + " for " + who.username()).isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	List<JsonNode> outbox(String to) {
		Http.Res res = http.get("/dev/outbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).send();
		assertThat(res.status()).isEqualTo(200);
		List<JsonNode> messages = new java.util.ArrayList<>();
		res.json().forEach(messages::add);
		return messages;
	}
}
