package io.polyclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.audit.AuditRecord.Outcome;
import io.polyclinic.audit.AuditTrail.Search;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.notify.Cast;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * The whole audit trail searched and counted, asked of the audit module itself (no face): administrators (and the
 * clinic's own processes) only — patients, clinicians, every other staff role and roles that reach nothing are
 * refused, and each refusal is on the trail; the filters (who, what, how it ended, to what, about which patient,
 * when, words) narrow in SQL; a denied read of a patient's record is there as a denied entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailSearchMatrixTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	StaffRegistry staff;
	@Autowired
	AppointmentBook book;
	@Autowired
	AuditTrail trail;
	@Autowired
	AuditLog log;
	@Autowired
	PatientRegistry patients;
	@Autowired
	JdbcClient jdbc;

	Cast cast;
	/** A resource type of this test's own, so that its counts are exact whatever else the suite wrote. */
	String kind;
	Actor writer;
	Actor other;

	@BeforeAll
	void entries() {
		cast = new Cast(clinic, staff, book);
		kind = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		writer = cast.caller("clinician of A");
		other = cast.caller("patient B");
		log.record(AuditRecord.success(writer, "READ", kind, 1, cast.patientA.id()));
		log.record(AuditRecord.success(writer, "UPDATE", kind, 1, cast.patientA.id()));
		log.record(AuditRecord.of(writer, "READ", kind, 2, null, Outcome.FAILED, "Storage timed out"));
		log.recordDenied(AuditRecord.denied(other, "READ", kind, 1, cast.patientA.id()));
	}

	Search only() {
		return new Search(null, null, null, kind, null, null, null, null, null, false);
	}

	@Test
	void onlyAdministratorsAndTheClinicSearchAndCountTheTrail() {
		Map<String, String> outcomes = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		cast.callers.forEach((name, actor) -> {
			String search = outcome(actor, () -> trail.search(only(), PageRequest.of(0, 10), actor));
			String stats = outcome(actor, () -> trail.stats(only(), actor));
			outcomes.put(name, search + "/" + stats);
			expected.put(name, "ADMIN".equals(name) ? "allowed/allowed" : "denied/denied");
		});
		assertThat(outcomes).isEqualTo(expected);
		assertThat(trail.search(only(), PageRequest.of(0, 10), Actor.system()).getTotalElements()).isEqualTo(4);
	}

	@Test
	void theFiltersNarrowTheTrailAndThePagesCountIt() {
		Actor admin = clinic.admin();
		var all = trail.search(only(), PageRequest.of(0, 3), admin);
		assertThat(all.getTotalElements()).isEqualTo(4);
		assertThat(all.getContent()).hasSize(3);
		// newest first: the denied read was written last
		assertThat(all.getContent().get(0).outcome()).isEqualTo(Outcome.DENIED);
		assertThat(trail.search(only(), PageRequest.of(1, 3), admin).getContent()).hasSize(1);
		var oldest = trail.search(new Search(null, null, null, kind, null, null, null, null, null, true),
				PageRequest.of(0, 1), admin).getContent().get(0);
		assertThat(oldest.action()).isEqualTo("READ");
		assertThat(oldest.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(oldest.actorUserId()).isEqualTo(writer.userId());
		assertThat(oldest.actorRole()).isEqualTo("CLINICIAN");
		assertThat(oldest.patientId()).isEqualTo(cast.patientA.id());
		assertThat(oldest.patientUserId()).isEqualTo(cast.patientA.userId());

		assertThat(count(new Search(writer.userId(), null, null, kind, null, null, null, null, null, false)))
			.isEqualTo(3);
		assertThat(count(new Search(null, "read", null, kind, null, null, null, null, null, false))).isEqualTo(3);
		assertThat(count(new Search(null, null, Outcome.DENIED, kind, null, null, null, null, null, false)))
			.isEqualTo(1);
		assertThat(count(new Search(null, null, null, kind.toLowerCase(), "2", null, null, null, null, false)))
			.isEqualTo(1);
		assertThat(count(new Search(null, null, null, kind, null, cast.patientA.userId(), null, null, null, false)))
			.isEqualTo(3);
		assertThat(count(new Search(null, null, null, kind, null, null, null, null, "timed out", false)))
			.isEqualTo(1);
		Instant now = Instant.now();
		assertThat(count(new Search(null, null, null, kind, null, null, now.minus(Duration.ofHours(1)),
				now.plus(Duration.ofHours(1)), null, false))).isEqualTo(4);
		assertThat(count(new Search(null, null, null, kind, null, null, now.plus(Duration.ofHours(1)), null, null,
				false))).isZero();
		assertThat(count(new Search(null, null, null, kind, null, null, null, now.minus(Duration.ofDays(1)), null,
				false))).isZero();

		Refusal backwards = refusal(() -> trail.search(new Search(null, null, null, kind, null, null, now,
				now.minusSeconds(1), null, false), PageRequest.of(0, 10), admin));
		assertThat(backwards.fields()).containsKey("dateTo");
	}

	@Test
	void theCountsAreByActionOutcomeResourceAndDay() {
		var stats = trail.stats(only(), clinic.admin());
		assertThat(stats.total()).isEqualTo(4);
		assertThat(stats.byAction()).isEqualTo(Map.of("READ", 3L, "UPDATE", 1L));
		assertThat(stats.byOutcome()).isEqualTo(Map.of(Outcome.SUCCESS, 2L, Outcome.DENIED, 1L, Outcome.FAILED, 1L));
		assertThat(stats.byResourceType()).isEqualTo(Map.of(kind, 4L));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(stats.byDay()).hasSize(AuditTrail.DAYS_BY_DEFAULT).containsEntry(today, 4L);
		assertThat(stats.byDay().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
		assertThat(stats.recent()).hasSize(4);

		Instant from = today.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
		var period = trail.stats(new Search(null, null, null, kind, null, null, from, null, null, false),
				clinic.admin());
		assertThat(period.byDay().keySet()).containsExactly(today.minusDays(2), today.minusDays(1), today);
	}

	@Test
	void aDeniedReadOfAPatientsRecordIsOnTheTrailAsDenied() {
		var patient = clinic.patient();
		var stranger = clinic.patient();
		Actor strangerActor = clinic.actorOf(stranger.userId(), Role.PATIENT);
		refusal(() -> patients.get(patient.id(), strangerActor));

		List<AuditTrail.Entry> denied = trail.search(new Search(stranger.userId(), null, Outcome.DENIED, null, null,
				patient.userId(), null, null, null, false), PageRequest.of(0, 10), clinic.admin()).getContent();
		assertThat(denied).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("READ");
			assertThat(e.resourceType()).isEqualTo("PATIENT");
			assertThat(e.resourceId()).isEqualTo(String.valueOf(patient.id()));
			assertThat(e.patientUserId()).isEqualTo(patient.userId());
		});
	}

	long count(Search search) {
		return trail.search(search, PageRequest.of(0, 10), clinic.admin()).getTotalElements();
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

	/** "allowed"; "denied" for a FORBIDDEN whose attempt is on the trail; the refusal otherwise. */
	String outcome(Actor actor, Runnable call) {
		long before = denials(actor);
		try {
			call.run();
			return "allowed";
		}
		catch (Refusal e) {
			boolean audited = denials(actor) > before;
			return audited && e.kind() == Refusal.Kind.FORBIDDEN ? "denied" : e.kind() + " " + e.getMessage();
		}
	}

	long denials(Actor actor) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entries
				WHERE actor_user_id = ? AND resource_type = 'AUDIT_TRAIL' AND outcome = 'DENIED'""")
			.param(actor.userId())
			.query(Long.class)
			.single();
	}
}
