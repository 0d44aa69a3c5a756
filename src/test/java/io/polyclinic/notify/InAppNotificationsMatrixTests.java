package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.notify.InAppNotification.Severity;
import io.polyclinic.notify.InAppNotification.Type;
import io.polyclinic.notify.internal.InAppNotices;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Whose in-app notifications are whose, asked of the notify module itself (no face): everyone with an account —
 * patients, clinicians, staff, roles that reach nothing — lists, reads and marks their own; patient A's notification
 * is patient A's alone (anyone else is told there is none, and the attempt is audited); the clinic's own processes
 * have no inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InAppNotificationsMatrixTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	InAppNotifications notifications;
	@Autowired
	InAppNotices notices;
	@Autowired
	Accounts accounts;
	@Autowired
	JdbcClient jdbc;

	Cast cast;
	/** One notification of each caller's, by caller name. */
	Map<String, UUID> owned = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		cast = new Cast(clinic, staff, book);
		// the roles that reach nothing stand in without an account: they get none, and see an empty inbox
		cast.callers.forEach((name, actor) -> {
			if (accounts.find(actor.userId()).isPresent()) {
				owned.put(name, notices.tell(actor.userId(), Type.MESSAGE, "For " + name, "Hello", null,
						Severity.INFO, null));
			}
		});
	}

	@Test
	void everyoneListsCountsAndMarksTheirOwnOnly() {
		cast.callers.forEach((name, actor) -> {
			var inbox = notifications.mine(InAppNotifications.Query.latest(), actor);
			assertThat(inbox.notifications()).as(name).allSatisfy(n -> assertThat(n.userId()).isEqualTo(actor.userId()));
			UUID own = owned.get(name);
			if (own != null) {
				assertThat(inbox.notifications()).as(name).extracting(InAppNotification::id).contains(own);
				assertThat(notifications.unreadCount(actor)).as(name).isPositive();
				assertThat(notifications.get(own, actor).id()).isEqualTo(own);
				assertThat(notifications.markRead(own, actor).read()).as(name).isTrue();
				assertThat(notifications.markAllRead(actor)).as(name).isGreaterThanOrEqualTo(0);
				assertThat(notifications.unreadCount(actor)).as(name).isZero();
			}
			else {
				assertThat(inbox.notifications()).as(name).isEmpty();
			}
		});
	}

	@Test
	void patientAsNotificationIsTheirsAlone() {
		UUID ofA = notices.tell(cast.patientA.userId(), Type.APPOINTMENT, "Appointment confirmed", "Soon", null,
				Severity.INFO, null);
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			long deniedBefore = denials(actor);
			String read = outcome(() -> notifications.get(ofA, actor), actor, deniedBefore);
			String marked = outcome(() -> notifications.markRead(ofA, actor), actor, denials(actor));
			outcomes.put(name, read + "/" + marked);
			expected.put(name, "patient A".equals(name) ? "allowed/allowed" : "hidden/hidden");
		});
		assertThat(outcomes).isEqualTo(expected);
		assertThat(jdbc.sql("SELECT read_at IS NOT NULL FROM in_app_notifications WHERE public_id = ?").param(ofA)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void theClinicsOwnProcessesHaveNoInbox() {
		for (Runnable call : new Runnable[] { () -> notifications.mine(InAppNotifications.Query.latest(), Actor.system()),
				() -> notifications.unreadCount(Actor.system()), () -> notifications.markAllRead(Actor.system()) }) {
			try {
				call.run();
				throw new AssertionError("The system actor was let in");
			}
			catch (Refusal e) {
				assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
			}
		}
	}

	/** "allowed"; "hidden" for a NOT_FOUND whose attempt the audit trail keeps as a refusal; the refusal otherwise. */
	String outcome(Runnable call, Actor actor, long deniedBefore) {
		try {
			call.run();
			return "allowed";
		}
		catch (Refusal e) {
			return e.kind() == Refusal.Kind.NOT_FOUND && denials(actor) > deniedBefore ? "hidden" : e.toString();
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
