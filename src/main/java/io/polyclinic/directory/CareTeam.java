package io.polyclinic.directory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clinicians care for which patient, and which centres a patient belongs to. A booking links them; the links
 * are what let a clinician read the patient's record and a centre's staff act for the patient.
 *
 * <p>Narrower than caring for: a clinician <em>follows</em> a patient whose request they accepted
 * ({@link PatientRequests}). That is what DiabCare means by "the doctor's patient": the readings they may see, the
 * patients they list, the critical readings they are told of. An accepted request also makes an ordinary care link.
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

	/** Whether the clinician accepted a request of the patient: one indexed look-up. */
	@Transactional(readOnly = true)
	public boolean follows(@Nullable Long clinicianId, long patientId) {
		return clinicianId != null && jdbc.sql("""
				SELECT COUNT(*) FROM patient_requests
				WHERE clinician_id = ? AND patient_id = ? AND status = 'ACCEPTED'""")
			.params(clinicianId, patientId)
			.query(Long.class)
			.single() > 0;
	}

	/** The accounts (user ids) of the clinicians who follow the patient, for telling them of the patient. */
	@Transactional(readOnly = true)
	public List<Long> followersOf(long patientId) {
		return jdbc.sql("""
				SELECT c.user_id FROM patient_requests r JOIN clinicians c ON c.id = r.clinician_id
				WHERE r.patient_id = ? AND r.status = 'ACCEPTED' AND c.deleted_at IS NULL
				ORDER BY r.decided_at, r.id""")
			.param(patientId)
			.query(Long.class)
			.list();
	}

	/**
	 * The accounts (user ids) of the clinicians who care for the patient — an appointment with them or an accepted
	 * request — for telling them of something urgent about the patient. One indexed query.
	 */
	@Transactional(readOnly = true)
	public List<Long> cliniciansOf(long patientId) {
		return jdbc.sql("""
				SELECT c.user_id FROM care_links l JOIN clinicians c ON c.id = l.clinician_id
				WHERE l.patient_id = ? AND c.deleted_at IS NULL ORDER BY l.created_at, c.id""")
			.param(patientId)
			.query(Long.class)
			.list();
	}

	/** The patients (ids) the clinician follows, the most recently accepted first, a page and its total. */
	@Transactional(readOnly = true)
	public Page<Long> followedBy(long clinicianId, Pageable page) {
		List<Long> ids = jdbc.sql("""
				SELECT patient_id FROM patient_requests WHERE clinician_id = ? AND status = 'ACCEPTED'
				ORDER BY decided_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(clinicianId, page.getPageSize(), page.getOffset())
			.query(Long.class)
			.list();
		long total = ids.size() < page.getPageSize() && (page.getOffset() == 0 || !ids.isEmpty())
				? page.getOffset() + ids.size()
				: jdbc.sql("SELECT COUNT(*) FROM patient_requests WHERE clinician_id = ? AND status = 'ACCEPTED'")
					.param(clinicianId).query(Long.class).single();
		return new PageImpl<>(ids, page, total);
	}

	@Transactional(readOnly = true)
	public boolean belongsTo(long patientId, @Nullable Long centreId) {
		return centreId != null && jdbc.sql("SELECT COUNT(*) FROM patient_centres WHERE patient_id = ? AND centre_id = ?")
			.params(patientId, centreId)
			.query(Long.class)
			.single() > 0;
	}
}
