package io.polyclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Statements;
import io.polyclinic.support.TestDatabase;

class AuditTrailTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PatientRegistry patients;
	@Autowired
	AuditTrail trail;
	@Autowired
	AuditLog log;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void readsAndRefusedReadsOfAPatientAreBothOnTheTrail() {
		var patient = clinic.patient();
		var stranger = clinic.patient();
		var admin = clinic.admin();

		patients.get(patient.id(), admin);
		assertThatThrownBy(() -> patients.get(patient.id(), clinic.actorOf(stranger.userId(), Role.PATIENT)))
			.isInstanceOf(Refusal.class);

		var entries = trail.of("PATIENT", String.valueOf(patient.id()), 10, Actor.system());
		assertThat(entries).extracting(AuditTrail.Entry::action, AuditTrail.Entry::outcome, AuditTrail.Entry::actorUserId)
			.containsSubsequence(
					org.assertj.core.groups.Tuple.tuple("READ", AuditRecord.Outcome.DENIED, stranger.userId()),
					org.assertj.core.groups.Tuple.tuple("READ", AuditRecord.Outcome.SUCCESS, admin.userId()),
					org.assertj.core.groups.Tuple.tuple("CREATE", AuditRecord.Outcome.SUCCESS, admin.userId()));
		assertThat(entries).allSatisfy(e -> assertThat(e.patientId()).isEqualTo(patient.id()));
	}

	@Test
	void onlyAdministratorsAndTheClinicReadTheTrailAndARefusedReadIsOnItToo() {
		var patient = clinic.patient();
		var clinician = clinic.clinician(null, "Asia/Kolkata");
		String resource = String.valueOf(patient.id());
		assertThat(trail.of("PATIENT", resource, 10, clinic.admin())).isNotEmpty();
		assertThat(trail.of("PATIENT", resource, 10, Actor.system())).isNotEmpty();
		Map<String, Actor> refused = new LinkedHashMap<>();
		refused.put("the patient themself", clinic.actorOf(patient.userId(), Role.PATIENT));
		refused.put("a clinician", clinic.actorOf(clinician.userId(), Role.CLINICIAN));
		for (Role staff : new Role[] { Role.MANAGER, Role.CENTRE_MANAGER, Role.FRONT_DESK, Role.CARE_COORDINATOR,
				Role.SECRETARY, Role.PHARMACIST, Role.GUEST }) {
			refused.put(staff.name(), new Actor(9_000_000L + staff.ordinal(), UUID.randomUUID(), staff,
					UUID.randomUUID()));
		}
		refused.forEach((who, actor) -> {
			assertThatThrownBy(() -> trail.of("PATIENT", resource, 10, actor)).as(who)
				.isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
			assertThat(trail.of("AUDIT_TRAIL", "PATIENT:" + resource, 100, Actor.system()))
				.as(who + "'s refused read is on the trail")
				.anyMatch(e -> e.outcome() == AuditRecord.Outcome.DENIED && Long.valueOf(actor.userId()).equals(e.actorUserId()));
		});
	}

	@Test
	void aTransactionsEntriesAreWrittenInOneStatementWhenItCommitsAndNotAtAllWhenItRollsBack() {
		var admin = clinic.admin();
		String committed = "committed-" + UUID.randomUUID();
		var counted = Statements.count(() -> transactions.execute(status -> {
			log.record(AuditRecord.success(admin, "READ", "THING", committed, null));
			log.record(AuditRecord.success(admin, "UPDATE", "THING", committed, null));
			return status;
		}));
		assertThat(counted.statements()).as(counted.toString()).filteredOn(sql -> sql.contains("audit_entries"))
			.hasSize(1);
		assertThat(trail.of("THING", committed, 10, Actor.system())).extracting(AuditTrail.Entry::action)
			.containsExactlyInAnyOrder("READ", "UPDATE");

		String rolledBack = "rolled-back-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			log.record(AuditRecord.success(admin, "UPDATE", "THING", rolledBack, null));
			status.setRollbackOnly();
		});
		assertThat(trail.of("THING", rolledBack, 10, Actor.system())).isEmpty();
	}

	@Test
	void onPostgresTheDatabaseRefusesToChangeAnEntry() {
		// H2 has no trigger language: the append-only trigger exists on PostgreSQL, the production database
		org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "PostgreSQL run only");
		var patient = clinic.patient();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entries SET outcome = 'DENIED' WHERE patient_id = ?")
			.param(patient.id())
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entries WHERE patient_id = ?").param(patient.id()).update())
			.hasMessageContaining("append-only");
	}
}
