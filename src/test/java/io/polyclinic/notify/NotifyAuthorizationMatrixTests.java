package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.audit.AuditRecord;
import io.polyclinic.audit.AuditTrail;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Who may send appointment messages and read the delivery history, asked of the notify module itself (no face): each
 * caller of the matrix, each answer. Staff send for the appointments they reach; the history shows staff what their
 * reach covers and a patient their own messages; the numbers are for staff; clinicians and roles without reach get
 * nothing. Every refusal is on the audit trail.
 */
class NotifyAuthorizationMatrixTests extends ApiTest {

	static final String OK = "ok";
	static final String FORBIDDEN = "FORBIDDEN";

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentMessages messages;
	@Autowired
	NotificationHistory history;
	@Autowired
	Messenger messenger;
	@Autowired
	AuditTrail trail;

	Cast cast;
	@Autowired
	NotificationPreferences preferences;
	long confirmation;
	long general;

	@BeforeEach
	void aPatientWithMessages() {
		cast = new Cast(clinic, staff, book);
		confirmation = messages.sendConfirmation(Ref.id(cast.appointment.id()), clinic.admin()).deliveryId();
		// a message about no appointment: a centre's staff reach it through the patient
		general = messenger.send(new Message(Channel.WHATSAPP, cast.patientA.phone(), null, "Welcome to the clinic",
				MessageKind.GENERAL, cast.patientA.id(), null, false)).deliveryId();
	}

	/**
	 * Everyone keeps their own notification preferences and only their own: each caller's change is theirs, seen by no
	 * one else; the clinic's own processes have none to change. (The cast's pharmacist and guest have no account.)
	 */
	@Test
	void everyoneKeepsTheirOwnNotificationPreferences() {
		var people = new java.util.LinkedHashMap<>(cast.callers);
		people.remove("PHARMACIST");
		people.remove("GUEST");
		int minutes = 10;
		for (var caller : people.entrySet()) {
			preferences.change(new NotificationPreferences.Changes(null, null, null, null, null, null, minutes),
					caller.getValue());
			minutes++;
		}
		minutes = 10;
		for (var caller : people.entrySet()) {
			assertThat(preferences.mine(caller.getValue()).reminderMinutes()).as(caller.getKey()).isEqualTo(minutes++);
		}
		assertThatThrownBy(() -> preferences.mine(Actor.system())).isInstanceOfSatisfying(Refusal.class,
				e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
		assertThatThrownBy(() -> preferences.change(new NotificationPreferences.Changes(false, null, null, null, null,
				null, null), cast.caller("GUEST"))).isInstanceOfSatisfying(Refusal.class,
						e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
	}

	@Test
	void staffWhoReachTheAppointmentSendItsMessages() {
		assertThat(answers(actor -> {
			messages.sendConfirmation(Ref.id(cast.appointment.id()), actor);
			messages.sendReminder(Ref.of(cast.appointment.publicId()), actor);
			return OK;
		})).isEqualTo(expect(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN,
				FORBIDDEN));
		assertThat(trail.of("APPOINTMENT", Ref.id(cast.appointment.id()).toString(), 50, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("CENTRE_MANAGER of B").userId(), cast.caller("patient A").userId());
	}

	@Test
	void theHistoryOfAnAppointmentShowsStaffWhatTheyReachAndThePatientTheirOwn() {
		var query = DeliveryQuery.newest().forAppointment(cast.appointment.id());

		assertThat(answers(actor -> history.list(query, actor).stream().map(DeliveryRecord::id).toList().toString()))
			.isEqualTo(expect(seen(confirmation), "[]", FORBIDDEN, FORBIDDEN, seen(confirmation), seen(confirmation),
					seen(confirmation), "[]", seen(confirmation), seen(confirmation), FORBIDDEN, FORBIDDEN));
	}

	@Test
	void oneDeliveryIsReadByStaffWhoReachItAndByItsPatient() {
		for (long delivery : new long[] { confirmation, general }) {
			assertThat(answers(actor -> history.get(Ref.id(delivery), actor).id() == delivery ? OK : "another"))
				.as("delivery %d", delivery)
				.isEqualTo(expect(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK, OK, FORBIDDEN,
						FORBIDDEN));
		}
		assertThat(trail.of("NOTIFICATION", String.valueOf(general), 50, Actor.system()))
			.filteredOn(e -> e.outcome() == AuditRecord.Outcome.DENIED)
			.extracting(AuditTrail.Entry::actorUserId)
			.contains(cast.caller("CENTRE_MANAGER of B").userId(), cast.caller("patient B").userId());
	}

	@Test
	void theNumbersAreForStaffOnlyAndACentresStaffCountTheirCentres() {
		Instant since = Instant.now().minusSeconds(600);

		assertThat(answers(actor -> {
			var stats = history.stats(since, null, actor);
			return stats.byKind().getOrDefault(MessageKind.GENERAL, 0L) > 0 ? OK : "none of A's";
		})).isEqualTo(expect(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK, "none of A's", OK, OK, FORBIDDEN,
				FORBIDDEN));
	}

	private static String seen(long id) {
		return "[" + id + "]";
	}

	/** Each caller's answer: what the call returned, or the kind of refusal. */
	private Map<String, String> answers(Function<Actor, String> call) {
		Map<String, String> answers = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			String answer;
			try {
				answer = call.apply(actor);
			}
			catch (Refusal e) {
				answer = e.kind().name();
			}
			answers.put(name, answer);
		});
		return answers;
	}

	/** The expected answers in the cast's order. */
	private Map<String, String> expect(String... answers) {
		Map<String, String> expected = new LinkedHashMap<>();
		int i = 0;
		for (String name : cast.callers.keySet()) {
			expected.put(name, answers[i++]);
		}
		assertThat(i).isEqualTo(answers.length);
		return expected;
	}
}
