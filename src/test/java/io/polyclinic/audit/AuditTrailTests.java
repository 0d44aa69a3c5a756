package io.polyclinic.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Role;
import io.polyclinic.platform.Refusal;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.TestDatabase;

class AuditTrailTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PatientRegistry patients;
	@Autowired
	AuditTrail trail;
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

		var entries = trail.of("PATIENT", String.valueOf(patient.id()), 10);
		assertThat(entries).extracting(AuditTrail.Entry::action, AuditTrail.Entry::outcome, AuditTrail.Entry::actorUserId)
			.containsSubsequence(
					org.assertj.core.groups.Tuple.tuple("READ", AuditRecord.Outcome.DENIED, stranger.userId()),
					org.assertj.core.groups.Tuple.tuple("READ", AuditRecord.Outcome.SUCCESS, admin.userId()),
					org.assertj.core.groups.Tuple.tuple("CREATE", AuditRecord.Outcome.SUCCESS, admin.userId()));
		assertThat(entries).allSatisfy(e -> assertThat(e.patientId()).isEqualTo(patient.id()));
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
