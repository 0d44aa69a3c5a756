package io.polyclinic.directory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;

/**
 * How patients rate their clinicians: one rating per patient and clinician, from 1 to 5, changed by rating again. A
 * patient rates only a clinician who cares for them. The clinician's listed rating is the average of these ratings
 * and of the reviews of completed appointments ({@link ClinicianReviews}), each score counting once, with how many
 * there are, kept on the clinician in the same transaction.
 */
@Service
public class ClinicianRatings {

	private static final BigDecimal LOWEST = BigDecimal.ONE;
	private static final BigDecimal HIGHEST = BigDecimal.valueOf(5);

	private final JdbcClient jdbc;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final CareTeam careTeam;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	ClinicianRatings(JdbcClient jdbc, ClinicianRegistry clinicians, PatientRegistry patients, CareTeam careTeam,
			AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.clinicians = clinicians;
		this.patients = patients;
		this.careTeam = careTeam;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The calling patient rates the clinician whose account this is, and gets the clinician's new average.
	 *
	 * @throws Refusal INVALID_INPUT for a score outside 1..5; NOT_FOUND for an account that is no clinician's;
	 *         FORBIDDEN (audited) for anyone but a patient the clinician cares for
	 */
	@Transactional
	public Rating rate(UUID clinicianAccountId, BigDecimal score, Actor actor) {
		if (score.compareTo(LOWEST) < 0 || score.compareTo(HIGHEST) > 0) {
			throw Refusal.invalidField("score", "note must be between 1 and 5");
		}
		Clinician clinician = clinicians.forAccount(clinicianAccountId)
			.orElseThrow(() -> Refusal.notFound("Clinician"));
		Patient patient = patients.forUser(actor.userId()).orElse(null);
		if (patient == null || !careTeam.caresFor(clinician.id(), patient.id())) {
			throw access.denied(actor, "RATE", "CLINICIAN", clinician.id(), patient == null ? null : patient.id());
		}
		lock(clinician.id());
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		BigDecimal rounded = score.setScale(1, java.math.RoundingMode.HALF_UP);
		// the first rating inserts, a later one (or a concurrent first) changes it: one row per pair either way
		jdbc.sql("""
				INSERT INTO clinician_ratings (patient_id, clinician_id, score, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(patient.id(), clinician.id(), rounded, now, now)
			.update();
		jdbc.sql("UPDATE clinician_ratings SET score = ?, updated_at = ? WHERE clinician_id = ? AND patient_id = ?")
			.params(rounded, now, clinician.id(), patient.id())
			.update();
		audit.record(AuditRecord.success(actor, "RATE", "CLINICIAN", clinician.id(), patient.id()));
		return recount(clinician.id());
	}

	/**
	 * Locks the clinician's row until the transaction ends: the ratings and reviews of one clinician are written one
	 * after another, so each recount reads every score committed before it (under read committed, a statement that
	 * waited for the lock sees what the transaction before it committed).
	 */
	void lock(long clinicianId) {
		jdbc.sql("SELECT id FROM clinicians WHERE id = ? FOR UPDATE").param(clinicianId).query(Long.class).list();
	}

	/**
	 * Keeps the clinician's rating: the average of every score they were given, each patient's rating
	 * ({@code clinician_ratings}, DiabCare's) and each reviewed appointment's rating ({@code clinician_reviews}, hcp's)
	 * counting once, rounded to two places; and how many scores there are. Called with the clinician's row locked.
	 */
	Rating recount(long clinicianId) {
		jdbc.sql("""
				UPDATE clinicians SET
				  rating = (SELECT COALESCE(ROUND(AVG(s.score), 2), 0) FROM (
				      SELECT r.score AS score FROM clinician_ratings r WHERE r.clinician_id = ?
				      UNION ALL
				      SELECT CAST(v.rating AS NUMERIC(3, 1)) AS score FROM clinician_reviews v WHERE v.clinician_id = ?) s),
				  rating_count = (SELECT COUNT(*) FROM clinician_ratings r WHERE r.clinician_id = ?)
				    + (SELECT COUNT(*) FROM clinician_reviews v WHERE v.clinician_id = ?)
				WHERE id = ?""")
			.params(clinicianId, clinicianId, clinicianId, clinicianId, clinicianId)
			.update();
		return jdbc.sql("SELECT rating, rating_count FROM clinicians WHERE id = ?")
			.param(clinicianId)
			.query((rs, row) -> new Rating(rs.getBigDecimal("rating").doubleValue(), rs.getInt("rating_count")))
			.single();
	}

	/** A clinician's rating: the average of their patients' ratings and how many there are. */
	public record Rating(double average, int count) {
	}
}
