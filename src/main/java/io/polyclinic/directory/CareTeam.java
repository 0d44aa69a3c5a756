package io.polyclinic.directory;

import java.time.Clock;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clinicians care for which patient, and which centres a patient belongs to. A booking links them; the links
 * are what let a clinician read the patient's record and a centre's staff act for the patient.
 */
@Service
public class CareTeam {

	private final JdbcClient jdbc;
	private final Clock clock;

	CareTeam(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Idempotent: a second link of the same pair changes nothing. One statement whose conflict the database resolves,
	 * so that two concurrent first bookings of one patient with one clinician both succeed (a "not exists" check
	 * would let both insert and fail the second on the unique key).
	 */
	@Transactional
	public void link(long patientId, long clinicianId) {
		jdbc.sql("""
				INSERT INTO care_links (patient_id, clinician_id, created_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(patientId, clinicianId, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The patient is one of the centre's from now on (registered there, or booked there); idempotent, as link is. */
	@Transactional
	public void enrol(long patientId, @Nullable Long centreId) {
		if (centreId == null) {
			return;
		}
		jdbc.sql("""
				INSERT INTO patient_centres (patient_id, centre_id, created_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(patientId, centreId, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	@Transactional(readOnly = true)
	public boolean caresFor(@Nullable Long clinicianId, long patientId) {
		return clinicianId != null && jdbc.sql("SELECT COUNT(*) FROM care_links WHERE clinician_id = ? AND patient_id = ?")
			.params(clinicianId, patientId)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional(readOnly = true)
	public boolean belongsTo(long patientId, @Nullable Long centreId) {
		return centreId != null && jdbc.sql("SELECT COUNT(*) FROM patient_centres WHERE patient_id = ? AND centre_id = ?")
			.params(patientId, centreId)
			.query(Long.class)
			.single() > 0;
	}
}
