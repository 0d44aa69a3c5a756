package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.notify.InAppNotification.Status;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.InAppNotification.Via;
import io.polyclinic.notify.InAppNotifications.Change;
import io.polyclinic.notify.InAppNotifications.Draft;
import io.polyclinic.notify.InAppNotifications.Filter;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Notifications people write and administrators send, asked of the notify module itself (no face): only an
 * administrator sends to others, in bulk and reads the clinic's counts (everyone else is refused, and the refusal is
 * audited); anyone writes for themself; a notification is changed and deleted by its person alone (anyone else is
 * told there is none); email and SMS go out through the channels and the notification says how that went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InAppNoticesMatrixTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	InAppNotifications notifications;
	@Autowired
	Accounts accounts;
	@Autowired
	JdbcClient jdbc;

	Cast cast;

	@BeforeAll
	void cast() {
		cast = new Cast(clinic, staff, book);
	}

	static Draft draft(String topic, Via via, String title) {
		return new Draft(topic, via, title, "Body of " + title, Map.of("source", "matrix", "n", 1), null);
	}

	@Test
	void onlyAdministratorsSendToOthersSendInBulkAndCount() {
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		long patientA = cast.patientA.userId();
		long patientB = cast.patientB.userId();
		cast.callers.forEach((name, actor) -> {
			String send = outcome(actor, () -> notifications.send(patientA, draft("system_update", Via.IN_APP,
					"From " + name), actor));
			String bulk = outcome(actor, () -> notifications.sendToMany(List.of(patientA, patientB),
					draft("system_update", Via.IN_APP, "Bulk from " + name), actor));
			String stats = outcome(actor, () -> notifications.stats(actor));
			String forA = outcome(actor, () -> notifications.write(patientA, draft("doctor_message", Via.IN_APP,
					"Written by " + name), actor));
			outcomes.put(name, send + "/" + bulk + "/" + stats + "/" + forA);
			boolean admin = "ADMIN".equals(name);
			expected.put(name, admin ? "allowed/allowed/allowed/allowed"
					: "denied/denied/denied/" + ("patient A".equals(name) ? "allowed" : "denied"));
		});
		assertThat(outcomes).isEqualTo(expected);
		// what was sent is in the inboxes of those it was sent to, and nobody else's
		Actor a = cast.caller("patient A");
		assertThat(notifications.list(Filter.newestFirst(), PageRequest.of(0, 100), a).getContent())
			.extracting(InAppNotification::title)
			.contains("From ADMIN", "Bulk from ADMIN", "Written by ADMIN", "Written by patient A")
			.doesNotContain("From MANAGER", "Bulk from CENTRE_MANAGER of A", "Written by clinician of A");
		assertThat(notifications.list(Filter.newestFirst(), PageRequest.of(0, 100), cast.caller("patient B"))
			.getContent()).extracting(InAppNotification::title).contains("Bulk from ADMIN")
			.doesNotContain("From ADMIN", "Written by ADMIN", "Bulk from MANAGER");
		assertThat(notifications.stats(Actor.system()).total()).isPositive();
	}

	@Test
	void everyoneWritesForThemselfButTheClinicsOwnProcessesHaveNoInbox() {
		cast.callers.forEach((name, actor) -> {
			if (accounts.find(actor.userId()).isEmpty()) {
				return; // the roles that stand in without an account have nobody to write to
			}
			InAppNotification own = notifications.write(null, draft("system_update", Via.IN_APP, "Note of " + name),
					actor);
			assertThat(own.userId()).as(name).isEqualTo(actor.userId());
			assertThat(own.type()).isEqualTo(Type.NOTICE);
			assertThat(own.status()).isEqualTo(Status.DELIVERED);
			assertThat(own.metadata()).containsEntry("source", "matrix").containsEntry("n", 1);
			assertThat(notifications.get(own.number(), actor).id()).isEqualTo(own.id());
		});
		assertThatThrownBy(() -> notifications.write(null, draft("system_update", Via.IN_APP, "x"), Actor.system()))
			.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
	}

	@Test
	void aNotificationIsReadChangedAndDeletedByItsPersonAlone() {
		Actor admin = cast.caller("ADMIN");
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			InAppNotification ofA = notifications.send(cast.patientA.userId(),
					draft("appointment_reminder", Via.IN_APP, "Reminder for " + name), admin);
			String read = outcome(actor, () -> notifications.get(ofA.number(), actor));
			String changed = outcome(actor, () -> notifications.change(ofA.number(),
					new Change(null, null, null, "Changed by " + name, null, null, null), actor));
			String marked = outcome(actor, () -> notifications.markRead(ofA.number(), actor));
			String deleted = outcome(actor, () -> notifications.delete(ofA.number(), actor));
			outcomes.put(name, read + "/" + changed + "/" + marked + "/" + deleted);
			expected.put(name, "patient A".equals(name) ? "allowed/allowed/allowed/allowed"
					: "hidden/hidden/hidden/hidden");
			long left = jdbc.sql("SELECT COUNT(*) FROM in_app_notifications WHERE id = ?").param(ofA.number())
				.query(Long.class).single();
			assertThat(left).as(name).isEqualTo("patient A".equals(name) ? 0 : 1);
		});
		assertThat(outcomes).isEqualTo(expected);
	}

	@Test
	void aChangeRewritesWhatItSaysAndMarksReadButNeitherResendsNorUnreads() {
		Actor a = cast.caller("patient A");
		InAppNotification note = notifications.write(null, draft("system_update", Via.IN_APP, "Before"), a);
		Instant at = Instant.parse("2031-01-02T03:04:05Z");
		InAppNotification changed = notifications.change(note.number(), new Change("doctor_message", Via.IN_APP,
				Status.READ, "After", "New body", Map.of("k", "v"), at), a);
		assertThat(changed).satisfies(c -> {
			assertThat(c.topic()).isEqualTo("doctor_message");
			assertThat(c.title()).isEqualTo("After");
			assertThat(c.message()).isEqualTo("New body");
			assertThat(c.metadata()).isEqualTo(Map.of("k", "v"));
			assertThat(c.scheduledAt()).isEqualTo(at);
			assertThat(c.status()).isEqualTo(Status.READ);
			assertThat(c.read()).isTrue();
			assertThat(c.updatedAt()).isAfterOrEqualTo(note.updatedAt());
		});
		assertThat(refusal(() -> notifications.change(note.number(), new Change(null, Via.EMAIL, null, null, null,
				null, null), a)).fields()).containsKey("channel");
		assertThat(refusal(() -> notifications.change(note.number(), new Change(null, null, Status.PENDING, null,
				null, null, null), a)).fields()).containsKey("status");
		assertThat(refusal(() -> notifications.change(note.number(), new Change("Not A Topic", null, null, null, null,
				null, null), a)).fields()).containsKey("topic");
	}

	@Test
	void emailAndSmsGoOutThroughTheirChannelsAndTheNotificationSaysHow() {
		Actor admin = cast.caller("ADMIN");
		String adminEmail = accounts.get(admin.userId()).email();
		InAppNotification mailed = notifications.write(null, draft("system_update", Via.EMAIL, "Mailed to me"),
				admin);
		assertThat(mailed.via()).isEqualTo(Via.EMAIL);
		assertThat(mailed.status()).isEqualTo(Status.SENT);
		assertThat(mailed.sentAt()).isNotNull();
		assertThat(mailed.deliveryId()).isNotNull();
		assertThat(outbox(adminEmail)).anySatisfy(m -> assertThat(m).contains("Mailed to me"));

		// patient A has a phone and no email: an SMS goes out, an email cannot
		String phone = accounts.get(cast.patientA.userId()).phone();
		InAppNotification texted = notifications.send(cast.patientA.userId(), draft("appointment_reminder", Via.SMS,
				"Texted"), admin);
		assertThat(texted.status()).isEqualTo(Status.SENT);
		assertThat(outbox(phone)).anySatisfy(m -> assertThat(m).contains("Body of Texted"));
		InAppNotification unmailable = notifications.send(cast.patientA.userId(), draft("system_update", Via.EMAIL,
				"No address"), admin);
		assertThat(unmailable.status()).isEqualTo(Status.FAILED);
		assertThat(unmailable.sentAt()).isNull();
		// it is still told inside the app
		assertThat(notifications.get(unmailable.number(), cast.caller("patient A")).title()).isEqualTo("No address");
	}

	@Test
	void aBulkSendReachesEveryoneNamedOnceOrNobody() {
		Actor admin = cast.caller("ADMIN");
		long a = cast.patientA.userId();
		long b = cast.patientB.userId();
		var sent = notifications.sendToMany(List.of(a, b, a), draft("system_update", Via.IN_APP, "Twice named"), admin);
		assertThat(sent.count()).isEqualTo(2);
		assertThat(sent.notifications()).extracting(InAppNotification::userId).containsExactly(a, b);

		Refusal unknown = refusal(() -> notifications.sendToMany(List.of(a, 987_654_321L), draft("system_update",
				Via.IN_APP, "Never sent"), admin));
		assertThat(unknown.fields()).containsKey("userIds");
		assertThat(unknown.getMessage()).contains("987654321");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM in_app_notifications WHERE title = 'Never sent'").query(Long.class)
			.single()).isZero();
		assertThat(refusal(() -> notifications.sendToMany(List.of(), draft("system_update", Via.IN_APP, "x"), admin))
			.fields()).containsKey("userIds");
		assertThat(refusal(() -> notifications.send(987_654_321L, draft("system_update", Via.IN_APP, "x"), admin))
			.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
		assertThat(refusal(() -> notifications.send(a, new Draft("system_update", Via.IN_APP, " ", "m", Map.of(),
				null), admin)).fields()).containsKey("title");
	}

	@Test
	void aPersonsListIsFilteredAndPagedInTheDatabase() {
		var patient = clinic.patient();
		Actor p = clinic.actorOf(patient.userId(), io.polyclinic.platform.Role.PATIENT);
		Actor admin = cast.caller("ADMIN");
		notifications.send(patient.userId(), draft("appointment_reminder", Via.IN_APP, "Reminder one"), admin);
		notifications.send(patient.userId(), draft("appointment_reminder", Via.SMS, "Reminder two"), admin);
		InAppNotification paid = notifications.send(patient.userId(), draft("payment_success", Via.IN_APP,
				"Paid 100%"), admin);
		notifications.markRead(paid.number(), p);

		var page = notifications.list(Filter.newestFirst(), PageRequest.of(0, 2), p);
		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.getContent()).extracting(InAppNotification::title).containsExactly("Paid 100%",
				"Reminder two");
		assertThat(notifications.list(Filter.newestFirst(), PageRequest.of(1, 2), p).getContent())
			.extracting(InAppNotification::title).containsExactly("Reminder one");
		assertThat(titles(new Filter("appointment_reminder", null, null, null, null,
				InAppNotifications.Order.CREATED, false), p)).containsExactly("Reminder one", "Reminder two");
		assertThat(titles(new Filter(null, Via.SMS, null, null, null, InAppNotifications.Order.CREATED, true), p))
			.containsExactly("Reminder two");
		assertThat(titles(new Filter(null, null, Status.READ, null, null, InAppNotifications.Order.CREATED, true), p))
			.containsExactly("Paid 100%");
		assertThat(titles(new Filter(null, null, null, false, null, InAppNotifications.Order.CREATED, true), p))
			.containsExactly("Reminder two", "Reminder one");
		assertThat(titles(new Filter(null, null, null, null, "100%", InAppNotifications.Order.CREATED, true), p))
			.containsExactly("Paid 100%");
		assertThat(titles(new Filter(null, null, null, null, "_", InAppNotifications.Order.CREATED, true), p))
			.isEmpty();
		assertThat(notifications.markAllRead(p)).isEqualTo(2);
	}

	@Test
	void theClinicsCountsAreByTopicChannelAndStatusWithTheShareRead() {
		Actor admin = cast.caller("ADMIN");
		var before = notifications.stats(admin);
		var patient = clinic.patient();
		Actor p = clinic.actorOf(patient.userId(), io.polyclinic.platform.Role.PATIENT);
		InAppNotification one = notifications.send(patient.userId(), draft("prescription_ready", Via.IN_APP, "1"),
				admin);
		notifications.send(patient.userId(), draft("prescription_ready", Via.EMAIL, "2"), admin); // no address
		notifications.markRead(one.number(), p);
		var after = notifications.stats(admin);
		assertThat(after.total() - before.total()).isEqualTo(2);
		assertThat(after.unread() - before.unread()).isEqualTo(1);
		assertThat(after.byTopic().get("prescription_ready") - before.byTopic().getOrDefault("prescription_ready", 0L))
			.isEqualTo(2);
		assertThat(after.byVia().get(Via.EMAIL) - before.byVia().get(Via.EMAIL)).isEqualTo(1);
		assertThat(after.byStatus().get(Status.READ) - before.byStatus().get(Status.READ)).isEqualTo(1);
		assertThat(after.byStatus().get(Status.FAILED) - before.byStatus().get(Status.FAILED)).isEqualTo(1);
		assertThat(after.byVia()).containsOnlyKeys(Via.values());
		assertThat(after.byStatus()).containsOnlyKeys(Status.values());
		long read = after.total() - after.unread();
		assertThat(after.readRate()).isCloseTo((double) read / after.total(), org.assertj.core.data.Offset.offset(1e-4));
	}

	List<String> titles(Filter filter, Actor actor) {
		return notifications.list(filter, PageRequest.of(0, 20), actor).getContent().stream()
			.map(InAppNotification::title).toList();
	}

	List<String> outbox(String to) {
		var res = http.get("/dev/outbox?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8))
			.send();
		assertThat(res.status()).isEqualTo(200);
		List<String> messages = new java.util.ArrayList<>();
		res.json().forEach(m -> messages.add(m.path("subject").asString("") + " " + m.path("body").asString("")));
		return messages;
	}

	static Refusal refusal(Runnable call) {
		try {
			call.run();
		}
		catch (Refusal e) {
			return e;
		}
		throw new AssertionError("Not refused");
	}

	/**
	 * "allowed"; "denied" for a FORBIDDEN whose attempt is on the audit trail; "hidden" for a NOT_FOUND whose attempt
	 * is on the trail; the refusal otherwise.
	 */
	String outcome(Actor actor, Runnable call) {
		long before = denials(actor);
		try {
			call.run();
			return "allowed";
		}
		catch (Refusal e) {
			boolean audited = denials(actor) > before;
			if (audited && e.kind() == Refusal.Kind.FORBIDDEN) {
				return "denied";
			}
			if (audited && e.kind() == Refusal.Kind.NOT_FOUND) {
				return "hidden";
			}
			return e.kind() + " " + e.getMessage() + (audited ? "" : " (not audited)");
		}
	}

	long denials(Actor actor) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE actor_user_id = ? AND resource_type = 'IN_APP_NOTIFICATION' AND outcome = 'DENIED'""")
			.param(actor.userId())
			.query(Long.class)
			.single();
	}
}
