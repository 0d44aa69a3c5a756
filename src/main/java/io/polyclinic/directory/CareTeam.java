package io.polyclinic.directory;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clinicians care for which patient. A booking links them; the link is what lets a clinician read the
 * patient's record.
 */
@Service
public class CareTeam {

	private final JdbcClient jdbc;
	private final Clock clock;

	CareTeam(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Idempotent: a second link of the same pair changes nothing. */
	@Transactional
	public void link(long patientId, long clinicianId) {
		if (!caresFor(clinicianId, patientId)) {
			jdbc.sql("INSERT INTO care_links (patient_id, clinician_id, created_at) VALUES (?, ?, ?)")
				.params(patientId, clinicianId, clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	@Transactional(readOnly = true)
	public boolean caresFor(long clinicianId, long patientId) {
		return jdbc.sql("SELECT COUNT(*) FROM care_links WHERE clinician_id = ? AND patient_id = ?")
			.params(clinicianId, patientId)
			.query(Long.class)
			.single() > 0;
	}
}
