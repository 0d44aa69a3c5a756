package io.polyclinic.faces.clinico;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.notify.InAppNotification;
import io.polyclinic.notify.InAppNotification.Via;
import io.polyclinic.notify.InAppNotifications;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/** clinico.md's {@code GET /api/notifications}, and the original server's read, read-all and delete. */
class ClinicoNotificationTests extends ClinicoApiTest {

	@Autowired
	InAppNotifications notifications;

	private InAppNotification tell(ClinicoPeople.Person person, String title) {
		return notifications.send(person.userId(),
				new InAppNotifications.Draft("system_update", Via.IN_APP, title, title + " — details", Map.of(), null),
				clinic.admin());
	}

	@Test
	void theCallersNotificationsAreABareArrayNewestFirst() {
		var patient = people.patient();
		var other = people.patient();
		InAppNotification first = tell(patient, "Clinic closed on Friday");
		tell(patient, "New opening hours");
		tell(other, "Not yours");

		JsonNode list = ok(http.get(API + "/notifications").token(patient.token()).send(), 200);

		assertThat(list.isArray()).isTrue();
		assertThat(list).hasSize(2);
		JsonNode newest = list.get(0);
		assertThat(Http.keys(newest)).containsExactlyInAnyOrder("notification_id", "title", "message",
				"notification_type", "is_read", "sent_at", "created_at");
		assertThat(newest.path("title").asString()).isEqualTo("New opening hours");
		assertThat(newest.path("message").asString()).isEqualTo("New opening hours — details");
		assertThat(newest.path("notification_type").asString()).isEqualTo("System");
		assertThat(newest.path("is_read").asBoolean()).isFalse();
		assertThat(newest.path("sent_at").asString()).endsWith("Z");
		assertThat(list.get(1).path("notification_id").asString()).isEqualTo(first.id().toString());
	}

	@Test
	void readStateAndTypeFilterTheList() {
		var patient = people.patient();
		InAppNotification first = tell(patient, "One");
		tell(patient, "Two");

		Http.Res read = http.put(API + "/notifications/" + first.id() + "/read", Map.of()).token(patient.token()).send();
		assertThat(ok(read, 200).path("success").asBoolean()).isTrue();

		assertThat(titles(http.get(API + "/notifications?is_read=false").token(patient.token()).send()))
			.containsExactly("Two");
		assertThat(titles(http.get(API + "/notifications?is_read=true").token(patient.token()).send()))
			.containsExactly("One");
		assertThat(titles(http.get(API + "/notifications?notification_type=Appointment").token(patient.token()).send()))
			.isEmpty();
		assertThat(titles(http.get(API + "/notifications?limit=1&offset=1").token(patient.token()).send()))
			.containsExactly("One");

		ok(http.put(API + "/notifications/read-all", Map.of()).token(patient.token()).send(), 200);
		assertThat(titles(http.get(API + "/notifications?is_read=false").token(patient.token()).send())).isEmpty();
	}

	@Test
	void aDoseOfMedicineDueIsAReminder() {
		var patient = people.patient();
		notifications.send(patient.userId(), new InAppNotifications.Draft("medicine_reminder", Via.IN_APP,
				"Time for Azithromycin", "500mg, once daily before food", Map.of(), null), clinic.admin());
		tell(patient, "Clinic news");

		JsonNode reminders = ok(http.get(API + "/notifications?notification_type=Reminder").token(patient.token())
			.send(), 200);
		assertThat(reminders).hasSize(1);
		assertThat(reminders.get(0).path("notification_type").asString()).isEqualTo("Reminder");
		assertThat(reminders.get(0).path("title").asString()).isEqualTo("Time for Azithromycin");
	}

	@Test
	void badFiltersAre400() {
		var patient = people.patient();

		assertThat(error(http.get(API + "/notifications?limit=0").token(patient.token()).send(), 400,
				"INVALID_INPUT")).contains("limit");
		assertThat(error(http.get(API + "/notifications?notification_type=Gossip").token(patient.token()).send(), 400,
				"INVALID_INPUT")).contains("notification_type");
	}

	@Test
	void anotherPersonsNotificationIsNotFound() {
		var patient = people.patient();
		var other = people.patient();
		InAppNotification theirs = tell(other, "Private");

		error(http.put(API + "/notifications/" + theirs.id() + "/read", Map.of()).token(patient.token()).send(), 404);
		error(http.delete(API + "/notifications/" + theirs.id()).token(patient.token()).send(), 404);

		assertThat(titles(http.get(API + "/notifications").token(other.token()).send())).containsExactly("Private");
	}

	@Test
	void oneDeletesTheirOwn() {
		var patient = people.patient();
		InAppNotification mine = tell(patient, "Delete me");

		ok(http.delete(API + "/notifications/" + mine.id()).token(patient.token()).send(), 200);

		assertThat(titles(http.get(API + "/notifications").token(patient.token()).send())).isEmpty();
	}

	private static List<String> titles(Http.Res res) {
		JsonNode list = ok(res, 200);
		return list.valueStream().map(n -> n.path("title").asString()).toList();
	}
}
