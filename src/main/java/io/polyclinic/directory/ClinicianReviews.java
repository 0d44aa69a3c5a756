package io.polyclinic.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.audit.AuditLog;
import io.polyclinic.audit.AuditRecord;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Patients' reviews of their visits: a patient reviews a completed appointment of theirs with a clinician, once per
 * appointment (the database holds one review per appointment), with a rating from 1 to 5, a comment and optional
 * ratings of communication, treatment and punctuality. The review's rating feeds the clinician's rating together with
 * the per-patient ratings of {@link ClinicianRatings}: every score counts once in one average.
 *
 * <p>Whether the appointment is the caller's, with this clinician, and completed, is the appointment book's answer
 * ({@link Visits}). A clinician's reviews are public wherever the clinician is ({@link ClinicianRegistry#shownTo}); a
 * review written as anonymous never shows its patient's name.
 */
@Service
@Transactional(readOnly = true)
public class ClinicianReviews {

	private final JdbcClient jdbc;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final ClinicianRatings ratings;
	private final ObjectProvider<Visits> visits;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final Clock clock;

	ClinicianReviews(JdbcClient jdbc, ClinicianRegistry clinicians, PatientRegistry patients, ClinicianRatings ratings,
			ObjectProvider<Visits> visits, AccessPolicy access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.clinicians = clinicians;
		this.patients = patients;
		this.ratings = ratings;
		this.visits = visits;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a patient says of a visit; the sub-ratings may be left out. */
	public record NewReview(long appointmentId, int rating, @Nullable String comment,
			@Nullable Integer communicationRating, @Nullable Integer treatmentRating,
			@Nullable Integer punctualityRating, boolean anonymous) {
	}

	/**
	 * A review as it is shown.
	 *
	 * @param patientName null when the review is anonymous
	 */
	public record Review(long id, long clinicianId, long appointmentId, @Nullable String patientName, int rating,
			@Nullable String comment, @Nullable Integer communicationRating, @Nullable Integer treatmentRating,
			@Nullable Integer punctualityRating, boolean anonymous, Instant createdAt) {
	}

	/** A review just written, with the clinician's rating it made. */
	public record Written(Review review, ClinicianRatings.Rating clinicianRating) {
	}

	/**
	 * The calling patient reviews their completed appointment with the clinician.
	 *
	 * @throws Refusal NOT_FOUND for a clinician the caller may not see; FORBIDDEN (audited) for a caller who is not a
	 *         patient, or whose appointment it is not; INVALID_INPUT for a rating outside 1..5, an unknown appointment,
	 *         one with another clinician, one not completed, or one reviewed already
	 */
	@Transactional
	public Written write(long clinicianId, NewReview review, Actor actor) {
		Clinician clinician = clinicians.shownTo(clinicianId, actor);
		Patient patient = actor.is(Role.PATIENT) ? patients.forUser(actor.userId()).orElse(null) : null;
		if (patient == null) {
			throw access.denied(actor, "CREATE", "REVIEW", clinicianId, null);
		}
		checkScore("rating", review.rating());
		checkScore("communicationRating", review.communicationRating());
		checkScore("treatmentRating", review.treatmentRating());
		checkScore("punctualityRating", review.punctualityRating());
		if (review.comment() != null && review.comment().length() > 2000) {
			throw Refusal.invalidField("comment", "Ensure this field has no more than 2000 characters.");
		}
		Visits book = visits.getIfAvailable();
		if (book == null) {
			throw Refusal.unavailable("VISITS_UNAVAILABLE", "Appointments cannot be checked now");
		}
		Visits.Visit visit = book.find(review.appointmentId())
			.orElseThrow(() -> Refusal.invalidField("appointment", "Appointment not found."));
		if (visit.patientId() != patient.id()) {
			throw access.denied(actor, "CREATE", "REVIEW", review.appointmentId(), patient.id());
		}
		if (visit.clinicianId() != clinician.id()) {
			throw Refusal.invalidField("appointment", "This appointment is not with this doctor.");
		}
		if (!visit.completed()) {
			throw Refusal.invalidField("appointment", "Only a completed appointment can be reviewed.");
		}
		ratings.lock(clinician.id());
		if (reviewed(review.appointmentId())) {
			throw alreadyReviewed();
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		try {
			jdbc.sql("""
					INSERT INTO clinician_reviews (public_id, clinician_id, patient_id, appointment_id, rating, comment,
					  communication_rating, treatment_rating, punctuality_rating, anonymous, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(java.util.UUID.randomUUID(), clinician.id(), patient.id(), review.appointmentId(), review.rating(),
						review.comment() == null || review.comment().isBlank() ? null : review.comment().trim(),
						review.communicationRating(), review.treatmentRating(), review.punctualityRating(),
						review.anonymous(), now)
				.update();
		}
		catch (DuplicateKeyException e) { // the database's word on one review per appointment
			throw alreadyReviewed();
		}
		ClinicianRatings.Rating rating = ratings.recount(clinician.id());
		audit.record(AuditRecord.success(actor, "CREATE", "REVIEW", review.appointmentId(), patient.id()));
		Review written = jdbc.sql(SELECT + " WHERE v.appointment_id = ?").param(review.appointmentId())
			.query(ClinicianReviews::review).single();
		return new Written(written, rating);
	}

	/**
	 * A clinician's reviews, the newest first, a page at a time in SQL: to whoever may see the clinician.
	 *
	 * @throws Refusal NOT_FOUND for a clinician the caller may not see
	 */
	public Page<Review> of(long clinicianId, Pageable page, @Nullable Actor actor) {
		clinicians.shownTo(clinicianId, actor);
		List<Review> content = jdbc.sql(SELECT
				+ " WHERE v.clinician_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT ? OFFSET ?")
			.params(clinicianId, page.getPageSize(), page.getOffset())
			.query(ClinicianReviews::review)
			.list();
		long total = content.size() < page.getPageSize() && (page.getOffset() == 0 || !content.isEmpty())
				? page.getOffset() + content.size()
				: jdbc.sql("SELECT COUNT(*) FROM clinician_reviews WHERE clinician_id = ?").param(clinicianId)
					.query(Long.class).single();
		return new PageImpl<>(content, page, total);
	}

	private static final String SELECT = """
			SELECT v.id, v.clinician_id, v.appointment_id, v.rating, v.comment, v.communication_rating,
			  v.treatment_rating, v.punctuality_rating, v.anonymous, v.created_at, u.full_name
			FROM clinician_reviews v JOIN patients p ON p.id = v.patient_id JOIN users u ON u.id = p.user_id""";

	private static Review review(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		boolean anonymous = rs.getBoolean("anonymous");
		return new Review(rs.getLong("id"), rs.getLong("clinician_id"), rs.getLong("appointment_id"),
				anonymous ? null : rs.getString("full_name"), rs.getInt("rating"), rs.getString("comment"),
				(Integer) rs.getObject("communication_rating", Integer.class),
				(Integer) rs.getObject("treatment_rating", Integer.class),
				(Integer) rs.getObject("punctuality_rating", Integer.class), anonymous,
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private boolean reviewed(long appointmentId) {
		return jdbc.sql("SELECT COUNT(*) FROM clinician_reviews WHERE appointment_id = ?").param(appointmentId)
			.query(Long.class).single() > 0;
	}

	private static Refusal alreadyReviewed() {
		return Refusal.invalidField("appointment", "Review already exists for this appointment.");
	}

	private static void checkScore(String field, @Nullable Integer score) {
		if (score != null && (score < 1 || score > 5)) {
			throw Refusal.invalidField(field, "Rating must be between 1 and 5.");
		}
	}
}
