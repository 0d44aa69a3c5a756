package io.polyclinic.faces.diabcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.clinical.GlucoseReadingLogged;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.diabcare.DiabcarePeople.Person;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.messaging.MessageSent;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * In-app notifications at /diabcare/api/notifications (contract section 4, and the original's paths the app's
 * NotificationService calls), fed as the clinic feeds them: a patient request, a message, a critical reading.
 */
class DiabcareNotificationsTests extends DiabcareApiTest {

	static final String ISO_UTC = DiabcareRequestsTests.ISO_UTC;

	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	Accounts accounts;
	@Autowired
	PatientRegistry patients;

	/** The patient asks the doctor and the doctor accepts: the doctor follows the patient. */
	String follow(Person patient, Person doctor) {
		String request = http.post(API + "/patients/" + patient.id() + "/request-doctor",
				Map.of("doctorId", doctor.id())).token(patient.token()).send().json().path("_id").asString();
		http.post(API + "/doctors/" + doctor.id() + "/patient-requests/" + request + "/accept", null)
			.token(doctor.token()).send();
		return request;
	}

	void critical(Person patient, String mgPerDl) {
		long patientId = patients.forUser(accounts.findByPublicId(UUID.fromString(patient.id())).orElseThrow().id())
			.orElseThrow().id();
		transactions.executeWithoutResult(s -> events.publishEvent(new GlucoseReadingLogged(UUID.randomUUID(),
				patientId, new BigDecimal(mgPerDl), new BigDecimal(mgPerDl), "mg/dL", Instant.now())));
	}

	void message(Person from, Person to, UUID conversation, String text) {
		long sender = accounts.findByPublicId(UUID.fromString(from.id())).orElseThrow().id();
		long receiver = accounts.findByPublicId(UUID.fromString(to.id())).orElseThrow().id();
		transactions.executeWithoutResult(s -> events.publishEvent(new MessageSent(UUID.randomUUID(), conversation,
				sender, receiver, "Dr Test", text, Instant.now())));
	}

	JsonNode inbox(Person person, String query) {
		Http.Res res = http.get(API + "/notifications" + query).token(person.token()).send();
		assertThat(res.status()).as(res.body()).isEqualTo(200);
		return res.json();
	}

	JsonNode awaitInbox(Person person, int size) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode body = inbox(person, "");
		while (body.path("notifications").size() < size && System.nanoTime() < deadline) {
			pause(100);
			body = inbox(person, "");
		}
		assertThat(body.path("notifications")).as(body.toString()).hasSize(size);
		return body;
	}

	@Test
	void aDoctorReadsTheirNotificationsInTheContractsShape() {
		Person doctor = people.medecin("Leila", "Hammami");
		Person patient = people.patient("John", "Doe");
		String request = follow(patient, doctor);
		awaitInbox(doctor, 1); // told of the request first: the listeners run in no set order
		pause(5);
		critical(patient, "260");

		JsonNode body = awaitInbox(doctor, 2);

		assertThat(Http.keys(body)).containsExactlyInAnyOrder("notifications", "unreadCount");
		assertThat(body.path("unreadCount").asLong()).isEqualTo(2);
		JsonNode alert = body.path("notifications").get(0);
		assertThat(Http.keys(alert)).containsExactlyInAnyOrder("_id", "userId", "type", "title", "message",
				"timestamp", "isRead", "relatedId", "severity", "createdAt", "data");
		assertThat(alert.path("userId").asString()).isEqualTo(doctor.id());
		assertThat(alert.path("type").asString()).isEqualTo("patient_alert");
		assertThat(alert.path("title").asString()).isEqualTo("Critical Glucose Alert");
		assertThat(alert.path("message").asString()).isEqualTo("Patient John Doe has critical glucose level: 260 mg/dL");
		assertThat(alert.path("timestamp").asString()).matches(ISO_UTC);
		assertThat(alert.path("isRead").asBoolean()).isFalse();
		assertThat(alert.path("relatedId").asString()).isEqualTo(patient.id());
		assertThat(alert.path("severity").asString()).isEqualTo("critical");
		// what the app navigates by: the patient, for a doctor
		assertThat(alert.path("data").path("patientId").asString()).isEqualTo(patient.id());
		JsonNode asked = body.path("notifications").get(1);
		assertThat(asked.path("type").asString()).isEqualTo("new_request");
		assertThat(asked.path("relatedId").asString()).isEqualTo(request);
		assertThat(asked.path("data").path("requestId").asString()).isEqualTo(request);
		assertThat(asked.path("severity").asString()).isEqualTo("info");

		// filtered, combined, limited
		assertThat(inbox(doctor, "?type=patient_alert").path("notifications")).singleElement()
			.satisfies(n -> assertThat(n.path("type").asString()).isEqualTo("patient_alert"));
		assertThat(inbox(doctor, "?unreadOnly=true&type=new_request&limit=20").path("notifications")).hasSize(1);
		JsonNode limited = inbox(doctor, "?limit=1");
		assertThat(limited.path("notifications")).hasSize(1);
		assertThat(limited.path("unreadCount").asLong()).isEqualTo(2);
		// the patient was told nothing of it
		assertThat(inbox(patient, "").path("notifications")).isEmpty();
	}

	@Test
	void markingOneReadIsTheOwnersAndAgainIsHarmless() {
		Person doctor = people.medecin("Moez", "Sfar");
		Person patient = people.patient("Rym", "Guesmi");
		follow(patient, doctor);
		String id = awaitInbox(doctor, 1).path("notifications").get(0).path("_id").asString();

		Http.Res res = http.patch(API + "/notifications/" + id + "/read").token(doctor.token()).send();

		assertThat(res.status()).as(res.body()).isEqualTo(200);
		assertThat(Http.keys(res.json())).containsExactlyInAnyOrder("success", "_id", "isRead");
		assertThat(res.json().path("success").asBoolean()).isTrue();
		assertThat(res.json().path("_id").asString()).isEqualTo(id);
		assertThat(res.json().path("isRead").asBoolean()).isTrue();
		assertThat(http.patch(API + "/notifications/" + id + "/read").token(doctor.token()).send().status())
			.isEqualTo(200);
		JsonNode after = inbox(doctor, "");
		assertThat(after.path("unreadCount").asLong()).isZero();
		assertThat(after.path("notifications").get(0).path("isRead").asBoolean()).isTrue();
		assertThat(inbox(doctor, "?unreadOnly=true").path("notifications")).isEmpty();

		// someone else's: there is none, as far as they can tell
		assertThat(nestError(http.patch(API + "/notifications/" + id + "/read").token(patient.token()).send(), 404,
				"Not Found").path("message").asString()).isEqualTo("Notification not found");
		nestError(http.patch(API + "/notifications/" + UUID.randomUUID() + "/read").token(doctor.token()).send(), 404,
				"Not Found");
		assertThat(validationMessages(http.patch(API + "/notifications/nope/read").token(doctor.token()).send()))
			.containsExactly("id must be an id");
		nestError(http.patch(API + "/notifications/" + id + "/read").send(), 401, "Unauthorized");
	}

	@Test
	void badQueriesAreRefusedNamingTheParameter() {
		Person patient = people.patient("Anis", "Khemiri");
		assertThat(validationMessages(http.get(API + "/notifications?type=reminder").token(patient.token()).send()))
			.containsExactly("type must be one of the following values: patient_alert, new_request, appointment, message");
		assertThat(validationMessages(http.get(API + "/notifications?limit=101").token(patient.token()).send()))
			.containsExactly("Limit must be between 1 and 100");
		assertThat(validationMessages(http.get(API + "/notifications?limit=abc").token(patient.token()).send()))
			.hasSize(1);
		nestError(http.get(API + "/notifications").send(), 401, "Unauthorized");
	}

	/** The app's NotificationService: its history list, the badge's count, read-all and the token calls. */
	@Test
	void theAppsNotificationServiceCalls() {
		Person patient = people.patient("Hedi", "Brahem");
		Person doctor = people.medecin("Dora", "Tlili");
		UUID conversation = UUID.randomUUID();
		// one after the other: the listeners run on their own threads, in no set order
		message(doctor, patient, conversation, "Your results are fine");
		awaitInbox(patient, 1);
		pause(5); // a later creation time, to the microsecond
		message(doctor, patient, conversation, "See you Monday");
		awaitInbox(patient, 2);

		// getMyNotifications: ?page=&limit=, a bare list it reads isRead, type, createdAt/timestamp from
		Http.Res history = http.get(API + "/notifications/my-notifications?page=1&limit=20").token(patient.token())
			.send();
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		assertThat(history.json().isArray()).isTrue();
		assertThat(history.json()).hasSize(2);
		JsonNode newest = history.json().get(0);
		assertThat(newest.path("message").asString()).isEqualTo("See you Monday");
		assertThat(newest.path("type").asString()).isEqualTo("message");
		assertThat(newest.path("relatedId").asString()).isEqualTo(conversation.toString());
		assertThat(newest.path("data").path("conversationId").asString()).isEqualTo(conversation.toString());
		assertThat(newest.path("createdAt").asString()).matches(ISO_UTC);
		assertThat(http.get(API + "/notifications/my-notifications?page=2&limit=1").token(patient.token()).send()
			.json().get(0).path("message").asString()).isEqualTo("Your results are fine");
		assertThat(validationMessages(http.get(API + "/notifications/my-notifications?page=0").token(patient.token())
			.send())).hasSize(1);

		// getUnreadCount reads {count}
		Http.Res count = http.get(API + "/notifications/unread-count").token(patient.token()).send();
		assertThat(count.status()).isEqualTo(200);
		assertThat(Http.keys(count.json())).containsExactly("count");
		assertThat(count.json().path("count").asInt()).isEqualTo(2);

		// markAllAsRead: PATCH, no body
		Http.Res all = http.patch(API + "/notifications/read-all").token(patient.token()).send();
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().path("success").asBoolean()).isTrue();
		assertThat(http.get(API + "/notifications/unread-count").token(patient.token()).send().json().path("count")
			.asInt()).isZero();
		assertThat(http.get(API + "/notifications/unread-count").token(doctor.token()).send().json().path("count")
			.asInt()).isZero();
	}

	@Test
	void theAppRegistersAndRemovesItsDeviceToken() {
		Person patient = people.patient("Sana", "Jlassi");
		Person doctor = people.medecin("Tarek", "Ouni");
		String token = "fcm-" + UUID.randomUUID();

		Http.Res registered = http.post(API + "/notifications/register-token",
				Map.of("fcmToken", token, "userType", "patient", "userId", patient.id())).token(patient.token()).send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().path("success").asBoolean()).isTrue();
		assertThat(http.post(API + "/notifications/register-token",
				Map.of("fcmToken", "fcm-" + UUID.randomUUID(), "userType", "doctor", "userId", doctor.id()))
			.token(doctor.token()).send().status()).isEqualTo(201);

		// someone else's id, or another kind of user than the caller: refused
		nestError(http.post(API + "/notifications/register-token",
				Map.of("fcmToken", token, "userType", "patient", "userId", patient.id())).token(doctor.token()).send(),
				403, "Forbidden");
		nestError(http.post(API + "/notifications/register-token",
				Map.of("fcmToken", token, "userType", "doctor", "userId", patient.id())).token(patient.token()).send(),
				403, "Forbidden");
		assertThat(validationMessages(http.post(API + "/notifications/register-token",
				Map.of("fcmToken", "", "userType", "nurse", "userId", patient.id())).token(patient.token()).send()))
			.containsExactlyInAnyOrder("fcmToken should not be empty",
					"userType must be one of the following values: patient, doctor, pharmacy");

		Http.Res removed = http.delete(API + "/notifications/remove-token",
				Map.of("fcmToken", token, "userType", "patient", "userId", patient.id())).token(patient.token()).send();
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(removed.json().path("success").asBoolean()).isTrue();
		nestError(http.delete(API + "/notifications/remove-token",
				Map.of("fcmToken", token, "userType", "patient", "userId", patient.id())).token(doctor.token()).send(),
				403, "Forbidden");
	}

	/**
	 * End to end over the face: a patient logs a critical reading through /api/glucose, and each médecin who follows
	 * them — only they — is told, on their socket and in their list.
	 */
	@Test
	void aCriticalReadingLoggedOverTheFaceReachesEveryFollowingMedecin() throws InterruptedException {
		Person patient = people.patient("Hamza", "Lassoued");
		Person first = people.medecin("First", "Follower");
		Person second = people.medecin("Second", "Follower");
		Person asked = people.medecin("Only", "Asked");
		follow(patient, first);
		follow(patient, second);
		http.post(API + "/patients/" + patient.id() + "/request-doctor", Map.of("doctorId", asked.id()))
			.token(patient.token()).send();
		awaitInbox(first, 1);
		awaitInbox(second, 1);
		awaitInbox(asked, 1);

		try (var firstClient = LiveClient.withHeader(port, first.token()).ready();
				var askedClient = LiveClient.withHeader(port, asked.token()).ready()) {
			Http.Res normal = http.post(API + "/glucose", Map.of("value", 110, "measuredAt", "2026-01-10T08:30:00Z"))
				.token(patient.token()).send();
			assertThat(normal.status()).as(normal.body()).isEqualTo(201);
			Http.Res high = http.post(API + "/glucose", Map.of("value", 320, "measuredAt", "2026-01-10T12:30:00Z"))
				.token(patient.token()).send();
			assertThat(high.status()).as(high.body()).isEqualTo(201);

			JsonNode frame = firstClient.next("notification", Duration.ofSeconds(10));
			assertThat(frame).as("the follower's frame").isNotNull();
			assertThat(frame.path("data").path("type").asString()).isEqualTo("patient_alert");
			assertThat(frame.path("data").path("message").asString())
				.isEqualTo("Patient Hamza Lassoued has critical glucose level: 320 mg/dL");
			assertThat(askedClient.next("notification", Duration.ofSeconds(1))).as("not a follower").isNull();
		}
		for (Person follower : List.of(first, second)) {
			JsonNode alerts = inbox(follower, "?type=patient_alert");
			assertThat(alerts.path("notifications")).as("one alert, for the critical reading only").singleElement()
				.satisfies(a -> assertThat(a.path("relatedId").asString()).isEqualTo(patient.id()));
		}
		assertThat(inbox(asked, "?type=patient_alert").path("notifications")).isEmpty();
		assertThat(inbox(patient, "").path("notifications")).isEmpty();
	}

	/** Stored, then pushed: the doctor's socket hears the notification exactly as the REST list shows it. */
	@Test
	void aNotificationReachesItsPersonsSocketAsTheRestEndpointRendersIt() throws InterruptedException {
		Person doctor = people.medecin("Kais", "Chatti");
		Person patient = people.patient("Emna", "Jebali");
		Person outsider = people.medecin("Out", "Sider");

		try (var doctorClient = LiveClient.withHeader(port, doctor.token()).ready();
				var outsiderClient = LiveClient.withHeader(port, outsider.token()).ready();
				var patientClient = LiveClient.withQuery(port, patient.token()).ready()) {
			http.post(API + "/patients/" + patient.id() + "/request-doctor",
					Map.of("doctorId", doctor.id(), "urgentNote", "Readings above 300")).token(patient.token()).send();

			JsonNode frame = doctorClient.next("notification", Duration.ofSeconds(10));
			assertThat(frame).as("the doctor's frame").isNotNull();
			assertThat(Http.keys(frame)).containsExactlyInAnyOrder("event", "data");
			JsonNode listed = awaitInbox(doctor, 1).path("notifications").get(0);
			assertThat(frame.path("data")).isEqualTo(listed);
			assertThat(frame.path("data").path("type").asString()).isEqualTo("new_request");
			assertThat(frame.path("data").path("severity").asString()).isEqualTo("warning");

			assertThat(outsiderClient.next(Duration.ofSeconds(1))).as("nobody else hears it").isNull();
			assertThat(patientClient.next(Duration.ofMillis(200))).as("nor the patient who asked").isNull();
			assertThat(doctorClient.next("notification", Duration.ofMillis(300))).as("once").isNull();
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static List<String> ids(JsonNode list) {
		return list.valueStream().map(n -> n.path("_id").asString()).toList();
	}
}
