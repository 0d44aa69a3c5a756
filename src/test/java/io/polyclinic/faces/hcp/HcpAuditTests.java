package io.polyclinic.faces.hcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.audit.AuditTrail;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.faces.hcp.HcpPeople.Person;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The audit API at /hcp/api/audit: the administrator reads the trail — filtered, searched, ordered and paged — and
 * its counts; a refused read shows up there as a denied entry; everyone else is refused.
 */
class HcpAuditTests extends HcpApiTest {

	static final List<String> FIELDS = List.of("id", "timestamp", "actor", "actor_username", "actor_role",
			"actor_ip", "action", "outcome", "resource_type", "resource_id", "object_id", "patient", "description");

	@Autowired
	PatientRegistry patients;
	@Autowired
	AppointmentBook book;

	@Test
	void aDeniedReadShowsUpAsADeniedEntry() {
		Person admin = people.admin();
		Person owner = people.patient();
		Person snoop = people.patient();
		// over HTTP: another person's notification is "not found" to the snoop, and the attempt is on the trail
		long id = data(http.post(API + "/notifications/", Map.of("notification_type", "system_update", "title",
				"Private", "message", "m")).token(owner.token()).send(), 201).path("id").asLong();
		drfError(http.get(API + "/notifications/" + id + "/").token(snoop.token()).send(), 404);

		JsonNode page = page(http.get(API + "/audit/logs/?actor=" + snoop.id() + "&outcome=denied").token(admin.token())
			.send());
		assertThat(page.path("count").asInt()).isEqualTo(1);
		JsonNode entry = page.path("results").get(0);
		assertThat(Http.keys(entry)).containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(entry.path("id").isIntegralNumber()).isTrue();
		assertThat(entry.path("actor").asLong()).isEqualTo(snoop.id());
		assertThat(entry.path("actor_username").asString()).isEqualTo(snoop.email());
		assertThat(entry.path("actor_role").asString()).isEqualTo("patient");
		assertThat(entry.path("action").asString()).isEqualTo("read");
		assertThat(entry.path("outcome").asString()).isEqualTo("denied");
		assertThat(entry.path("resource_type").asString()).isEqualTo("in_app_notification");
		assertThat(entry.path("resource_id").asString()).isEqualTo(String.valueOf(id));
		assertThat(entry.path("object_id").asLong()).isEqualTo(id);
		assertThat(entry.path("timestamp").asString()).matches(HcpNotificationTests.ISO_UTC);
		assertThat(entry.path("description").asString()).isEmpty();

		// a refused read of a patient's own record names that patient by their user id
		long ownerPatient = patients.forUser(owner.id()).orElseThrow().id();
		assertThatThrownBy(() -> patients.get(ownerPatient, clinic.actorOf(snoop.id(), Role.PATIENT)))
			.isInstanceOf(Refusal.class);
		JsonNode aboutOwner = page(http.get(API + "/audit/logs/?patient=" + owner.id() + "&outcome=denied&user="
				+ snoop.id()).token(admin.token()).send());
		assertThat(aboutOwner.path("results")).singleElement().satisfies(e -> {
			assertThat(e.path("resource_type").asString()).isEqualTo("patient");
			assertThat(e.path("patient").asLong()).isEqualTo(owner.id());
			assertThat(e.path("actor").asLong()).isEqualTo(snoop.id());
		});
	}

	@Test
	void aDoctorsReadsOfTheirPatientsChartAreAllowedEntriesNamingTheResourceAndThePatient() {
		Person admin = people.admin();
		Person patient = people.patient();
		Person doctor = people.doctor();
		Appointment visit = new HcpEmrVisits(book, patients, clinic).visit(patient, doctor);
		long encounter = data(http.post(API + "/emr/encounters/", HcpEncounterTests.encounter(visit.id()))
			.token(doctor.token()).send(), 201).path("id").asLong();

		data(http.get(API + "/emr/summary/" + patient.id() + "/").token(doctor.token()).send(), 200);
		data(http.get(API + "/emr/medical-history/" + patient.id() + "/").token(doctor.token()).send(), 200);
		data(http.get(API + "/emr/encounters/" + encounter + "/").token(doctor.token()).send(), 200);

		String theirs = API + "/audit/logs/?actor=" + doctor.id() + "&action=read&outcome=success";
		JsonNode reads = page(http.get(theirs).token(admin.token()).send());
		assertThat(reads.path("count").asInt()).isEqualTo(3);
		assertThat(reads.path("results").findValuesAsString("resource_type")).as(reads.toString())
			.containsExactly("encounter", "medical_history", "medical_summary");
		long patientRecord = patients.forUser(patient.id()).orElseThrow().id();
		// named as /auth/me names them (a doctor the clinic's staff created signs in by phone and has no username)
		String login = data(http.get(API + "/auth/me/").token(doctor.token()).send(), 200).path("username").asString();
		for (JsonNode entry : reads.path("results")) {
			assertThat(Http.keys(entry)).containsExactlyInAnyOrderElementsOf(FIELDS);
			assertThat(entry.path("actor").asLong()).isEqualTo(doctor.id());
			assertThat(entry.path("actor_username").asString()).isEqualTo(login);
			assertThat(entry.path("actor_role").asString()).isEqualTo("doctor");
			assertThat(entry.path("action").asString()).isEqualTo("read");
			assertThat(entry.path("outcome").asString()).isEqualTo("success");
			assertThat(entry.path("patient").asLong()).as(entry.toString()).isEqualTo(patient.id());
			assertThat(entry.path("timestamp").asString()).matches(HcpNotificationTests.ISO_UTC);
			// the summary and the history are the patient's chart: their resource is the clinic's patient record
			long resource = "encounter".equals(entry.path("resource_type").asString()) ? encounter : patientRecord;
			assertThat(entry.path("resource_id").asString()).isEqualTo(String.valueOf(resource));
			assertThat(entry.path("object_id").asLong()).isEqualTo(resource);
		}

		// each filter finds its own read, and the patient finds all three
		JsonNode encounterReads = page(http.get(theirs + "&resource_type=encounter&resource_id=" + encounter)
			.token(admin.token()).send());
		assertThat(encounterReads.path("results")).singleElement()
			.satisfies(e -> assertThat(e.path("object_id").asLong()).isEqualTo(encounter));
		assertThat(page(http.get(API + "/audit/logs/?entity=MEDICAL_SUMMARY&outcome=success&action=read&patient="
				+ patient.id()).token(admin.token()).send()).path("results")).singleElement()
			.satisfies(e -> assertThat(e.path("actor").asLong()).isEqualTo(doctor.id()));
		assertThat(page(http.get(API + "/audit/logs/?patient=" + patient.id() + "&action=read&user=" + doctor.id())
			.token(admin.token()).send()).path("count").asInt()).isEqualTo(3);
		// the doctor's writing the encounter is there too, beside the reads
		assertThat(page(http.get(API + "/audit/logs/?actor=" + doctor.id() + "&action=create&resource_type=encounter")
			.token(admin.token()).send()).path("results")).singleElement().satisfies(e -> {
				assertThat(e.path("object_id").asLong()).isEqualTo(encounter);
				assertThat(e.path("patient").asLong()).isEqualTo(patient.id());
				assertThat(e.path("outcome").asString()).isEqualTo("success");
			});
	}

	@Test
	void theLogsAreFilteredOrderedAndPaged() {
		Person admin = people.admin();
		Person snoop = people.patient();
		for (int i = 0; i < 3; i++) {
			drfError(http.get(API + "/audit/logs/").token(snoop.token()).send(), 403);
		}
		String mine = API + "/audit/logs/?user=" + snoop.id() + "&resource_type=AUDIT_TRAIL&action=read";
		JsonNode first = page(http.get(mine + "&page_size=2").token(admin.token()).send());
		assertThat(first.path("count").asInt()).isEqualTo(3);
		assertThat(first.path("results")).hasSize(2);
		assertThat(first.path("next").asString()).contains("page=2");
		JsonNode second = page(http.get(mine + "&page_size=2&page=2").token(admin.token()).send());
		assertThat(second.path("results")).hasSize(1);
		assertThat(second.path("previous").asString()).contains("page=1");

		JsonNode newest = page(http.get(mine).token(admin.token()).send()).path("results");
		JsonNode oldest = page(http.get(mine + "&ordering=timestamp").token(admin.token()).send()).path("results");
		assertThat(oldest.get(0).path("id").asLong()).isEqualTo(newest.get(2).path("id").asLong());
		assertThat(oldest.get(0).path("id").asLong()).isLessThan(oldest.get(2).path("id").asLong());

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		assertThat(page(http.get(mine + "&date_from=" + today + "&date_to=" + today).token(admin.token()).send())
			.path("count").asInt()).isEqualTo(3);
		assertThat(page(http.get(mine + "&date_from=" + tomorrow).token(admin.token()).send()).path("count").asInt())
			.isZero();
		assertThat(page(http.get(API + "/audit/logs?entity=audit_trail&outcome=denied&search=" + "logs&actor="
				+ snoop.id()).token(admin.token()).send()).path("count").asInt()).isZero();
		assertThat(page(http.get(API + "/audit/logs?entity=audit_trail&outcome=denied&search=SEARCH&actor="
				+ snoop.id()).token(admin.token()).send()).path("count").asInt()).isEqualTo(3);
	}

	@Test
	void badFiltersAreDrfFieldErrors() {
		Person admin = people.admin();
		assertThat(fieldError(http.get(API + "/audit/logs/?outcome=maybe").token(admin.token()).send(), "outcome"))
			.isEqualTo("Select a valid choice. maybe is not one of the available choices.");
		assertThat(fieldError(http.get(API + "/audit/logs/?actor=someone").token(admin.token()).send(), "actor"))
			.isEqualTo("Enter a number.");
		assertThat(fieldError(http.get(API + "/audit/logs/?date_from=yesterday").token(admin.token()).send(),
				"date_from")).isEqualTo("Enter a valid date.");
		assertThat(fieldError(http.get(API + "/audit/logs/?ordering=action").token(admin.token()).send(), "ordering"))
			.contains("timestamp");
		assertThat(fieldError(http.get(API + "/audit/logs/?date_from=2031-01-02&date_to=2031-01-01")
			.token(admin.token()).send(), "date_to")).isEqualTo("The period must end after it starts");
		assertThat(fieldError(http.get(API + "/audit/stats/?date_from=2020-01-01&date_to=2031-01-01")
			.token(admin.token()).send(), "date_from")).isEqualTo("Count at most a year day by day");
	}

	@Test
	void theCountsAreByActionOutcomeResourceAndDayForTheAdministratorOnly() {
		Person admin = people.admin();
		Person patient = people.patient();
		Person doctor = people.doctor();
		drfError(http.get(API + "/audit/stats/").token(patient.token()).send(), 403);
		drfError(http.get(API + "/audit/stats/").token(doctor.token()).send(), 403);
		drfError(http.get(API + "/audit/logs/").token(doctor.token()).send(), 403);
		drfError(http.get(API + "/audit/stats/").send(), 401);

		JsonNode stats = data(http.get(API + "/audit/stats/").token(admin.token()).send(), 200);
		assertThat(Http.keys(stats)).containsExactlyInAnyOrder("total_logs", "by_action", "by_outcome",
				"by_resource_type", "by_day", "recent_logs");
		assertThat(stats.path("total_logs").asLong()).isPositive();
		assertThat(Http.keys(stats.path("by_outcome"))).containsExactlyInAnyOrder("success", "denied", "failed");
		assertThat(stats.path("by_outcome").path("denied").asLong()).isPositive();
		assertThat(stats.path("by_action").path("read").asLong()).isPositive();
		assertThat(stats.path("by_resource_type").path("audit_trail").asLong()).isPositive();
		assertThat(stats.path("by_day")).hasSize(AuditTrail.DAYS_BY_DEFAULT);
		JsonNode last = stats.path("by_day").get(AuditTrail.DAYS_BY_DEFAULT - 1);
		assertThat(last.path("date").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(last.path("count").asLong()).isPositive();
		assertThat(stats.path("recent_logs").size()).isBetween(1, AuditTrail.RECENT);
		assertThat(Http.keys(stats.path("recent_logs").get(0))).containsExactlyInAnyOrderElementsOf(FIELDS);

		// filtered like the logs: the doctor's refusals just now
		JsonNode theirs = data(http.get(API + "/audit/stats/?actor=" + doctor.id() + "&resource_type=audit_trail")
			.token(admin.token()).send(), 200);
		assertThat(theirs.path("total_logs").asLong()).isEqualTo(2);
		assertThat(theirs.path("by_outcome").path("denied").asLong()).isEqualTo(2);
		assertThat(theirs.path("by_action")).isEqualTo(Http.JSON.readTree("{\"read\":2}"));
	}
}
