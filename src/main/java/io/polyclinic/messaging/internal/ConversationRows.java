package io.polyclinic.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.polyclinic.directory.DiabetesType;
import io.polyclinic.messaging.Conversation;
import io.polyclinic.messaging.ConversationKind;
import io.polyclinic.messaging.ConversationSummary;

/**
 * Conversations in SQL: both parties' names joined, the reader's unread count counted on the unread index, the latest
 * first, limited in the statement.
 */
@Component
public class ConversationRows {

	/** Both parties and the conversation's latest activity, with the reader's unread count. */
	private static final String CONVERSATION = """
			SELECT v.public_id, pu.public_id AS patient_account, pu.full_name AS patient_name,
			  p.diabetes_type, cu.public_id AS clinician_account,
			  cu.full_name AS clinician_name,
			  (SELECT s.name FROM clinician_specializations s WHERE s.clinician_id = c.id
			   ORDER BY s.position LIMIT 1) AS specialty,
			  v.last_message, v.last_activity_at AS at,
			  (SELECT COUNT(*) FROM messages m WHERE m.receiver_user_id = :reader AND m.conversation_id = v.id
			   AND m.read_at IS NULL) AS unread,
			  v.created_at, v.kind
			FROM conversations v
			JOIN patients p ON p.id = v.patient_id JOIN users pu ON pu.id = p.user_id
			JOIN clinicians c ON c.id = v.clinician_id JOIN users cu ON cu.id = c.user_id
			""";

	/** Whether the partner's account ({@code u}) still takes part: neither deactivated nor deleted. */
	private static final String PARTNER_ACTIVE = """
			CASE WHEN u.active AND u.deleted_at IS NULL THEN TRUE ELSE FALSE END AS partner_active
			""";

	private static final String UNREAD = """
			(SELECT COUNT(*) FROM messages m WHERE m.receiver_user_id = :reader AND m.conversation_id = v.id
			 AND m.read_at IS NULL)""";

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;

	ConversationRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Who takes part in a conversation: its patient's and its clinician's records and accounts. */
	public record Parties(long id, UUID publicId, long patientId, long clinicianId, long patientUserId,
			long clinicianUserId, UUID patientAccountId, UUID clinicianAccountId) {

		public boolean includes(long userId) {
			return userId == patientUserId || userId == clinicianUserId;
		}

		/** The other party's account: the clinician's for the patient, the patient's for the clinician. */
		public long partnerOf(long userId) {
			return userId == patientUserId ? clinicianUserId : patientUserId;
		}

		/** A party's account public id, by their user id. */
		public UUID accountOf(long userId) {
			return userId == patientUserId ? patientAccountId : clinicianAccountId;
		}
	}

	public Optional<Parties> parties(UUID publicId) {
		return jdbc.sql(PARTIES + " WHERE v.public_id = ?").param(publicId).query(ConversationRows::parties).optional();
	}

	public Optional<Parties> parties(long id) {
		return jdbc.sql(PARTIES + " WHERE v.id = ?").param(id).query(ConversationRows::parties).optional();
	}

	private static final String PARTIES = """
			SELECT v.id, v.public_id, v.patient_id, v.clinician_id, p.user_id, c.user_id, pu.public_id, cu.public_id
			FROM conversations v JOIN patients p ON p.id = v.patient_id JOIN clinicians c ON c.id = v.clinician_id
			JOIN users pu ON pu.id = p.user_id JOIN users cu ON cu.id = c.user_id""";

	private static Parties parties(ResultSet rs, int i) throws SQLException {
		return new Parties(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getLong(4), rs.getLong(5),
				rs.getLong(6), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class));
	}

	/** A patient's record and account. */
	public record PatientParty(long id, long userId) {
	}

	/** The patient record of a (not deleted) account, by the account's public id. */
	public Optional<PatientParty> patientOfAccount(UUID accountId) {
		return jdbc.sql("""
				SELECT p.id, p.user_id FROM patients p JOIN users u ON u.id = p.user_id
				WHERE u.public_id = ? AND u.deleted_at IS NULL""").param(accountId)
			.query((rs, i) -> new PatientParty(rs.getLong(1), rs.getLong(2))).optional();
	}

	/** The numeric id of an account, by its public id. */
	public Optional<Long> userOfAccount(UUID accountId) {
		return jdbc.sql("SELECT id FROM users WHERE public_id = ?").param(accountId).query(Long.class).optional();
	}

	/**
	 * The pair's conversation, opened now unless it is open already. Two openers at once both get the one row the
	 * pair's unique key lets through: the insert runs in a transaction of its own, so the loser's duplicate fails
	 * alone (PostgreSQL would otherwise abort the caller's whole transaction) and the loser reads the winner's row.
	 * Opened for a booking ({@link ConversationKind#APPOINTMENT}), a pair's general conversation becomes theirs for
	 * appointments; a general opening leaves an appointment conversation as it is.
	 *
	 * @return the conversation's id
	 */
	public long open(long patientId, long clinicianId, ConversationKind kind, Instant now) {
		Optional<Long> open = find(patientId, clinicianId);
		int inserted = 0;
		if (open.isEmpty()) {
			OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
			try {
				Integer rows = ownTransaction.execute(status -> jdbc.sql("""
						INSERT INTO conversations (public_id, patient_id, clinician_id, kind, created_at, last_activity_at)
						SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
						  SELECT 1 FROM conversations WHERE patient_id = ? AND clinician_id = ?)""")
					.params(UUID.randomUUID(), patientId, clinicianId, kind.name(), at, at, patientId, clinicianId)
					.update());
				inserted = rows == null ? 0 : rows;
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException openedMeanwhile) {
				// another opener of the same pair committed first: its conversation is the one
			}
			open = find(patientId, clinicianId);
		}
		long id = open
			.orElseThrow(() -> new IllegalStateException("The conversation of a pair was neither opened nor found"));
		if (inserted == 0 && kind == ConversationKind.APPOINTMENT) {
			jdbc.sql("UPDATE conversations SET kind = ? WHERE id = ? AND kind <> ?").params(kind.name(), id, kind.name())
				.update();
		}
		return id;
	}

	private Optional<Long> find(long patientId, long clinicianId) {
		return jdbc.sql("SELECT id FROM conversations WHERE patient_id = ? AND clinician_id = ?")
			.params(patientId, clinicianId).query(Long.class).optional();
	}

	/** A conversation as {@code readerUserId} sees it. */
	public Conversation one(long id, long readerUserId) {
		return jdbc.sql(CONVERSATION + " WHERE v.id = :id").param("reader", readerUserId).param("id", id)
			.query(ConversationRows::conversation).single();
	}

	/** A patient's conversations, the latest activity first. */
	public List<Conversation> withPatient(long patientId, long readerUserId, int limit) {
		return jdbc.sql(CONVERSATION + " WHERE v.patient_id = :party ORDER BY v.last_activity_at DESC, v.id DESC LIMIT :limit")
			.param("reader", readerUserId).param("party", patientId).param("limit", limit)
			.query(ConversationRows::conversation).list();
	}

	/** A clinician's conversations, the latest activity first. */
	public List<Conversation> withClinician(long clinicianId, long readerUserId, int limit) {
		return jdbc.sql(CONVERSATION + " WHERE v.clinician_id = :party ORDER BY v.last_activity_at DESC, v.id DESC LIMIT :limit")
			.param("reader", readerUserId).param("party", clinicianId).param("limit", limit)
			.query(ConversationRows::conversation).list();
	}

	/**
	 * A patient's conversations with the clinician as the partner, for lists that show only the other party: the
	 * latest activity first, {@code limit} of them after skipping {@code offset}.
	 */
	public List<ConversationSummary> ofPatient(long patientId, long readerUserId, int limit, long offset) {
		return jdbc.sql("""
				SELECT v.public_id, u.public_id AS partner, u.full_name, COALESCE(u.profile_picture_url,
				  c.profile_picture_url) AS avatar, v.last_message, v.last_activity_at,
				""" + UNREAD + """
				 AS unread, v.kind, """ + PARTNER_ACTIVE + """
				FROM conversations v JOIN clinicians c ON c.id = v.clinician_id JOIN users u ON u.id = c.user_id
				WHERE v.patient_id = :party
				ORDER BY v.last_activity_at DESC, v.id DESC LIMIT :limit OFFSET :offset""")
			.param("reader", readerUserId).param("party", patientId).param("limit", limit).param("offset", offset)
			.query(ConversationRows::summary).list();
	}

	/** A clinician's conversations with the patient as the partner, as {@link #ofPatient} pages them. */
	public List<ConversationSummary> ofClinician(long clinicianId, long readerUserId, int limit, long offset) {
		return jdbc.sql("""
				SELECT v.public_id, u.public_id AS partner, u.full_name, u.profile_picture_url AS avatar,
				  v.last_message, v.last_activity_at,
				""" + UNREAD + """
				 AS unread, v.kind, """ + PARTNER_ACTIVE + """
				FROM conversations v JOIN patients p ON p.id = v.patient_id JOIN users u ON u.id = p.user_id
				WHERE v.clinician_id = :party
				ORDER BY v.last_activity_at DESC, v.id DESC LIMIT :limit OFFSET :offset""")
			.param("reader", readerUserId).param("party", clinicianId).param("limit", limit).param("offset", offset)
			.query(ConversationRows::summary).list();
	}

	/**
	 * The conversation's last message, unless a later one is there already (two sends at once may commit in either
	 * order).
	 */
	public void lastMessage(long id, String content, Instant sentAt) {
		OffsetDateTime at = sentAt.atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				UPDATE conversations SET last_message = ?, last_message_at = ?, last_activity_at = ?
				WHERE id = ? AND (last_message_at IS NULL OR last_message_at <= ?)""")
			.params(content, at, at, id, at).update();
	}

	private static Conversation conversation(ResultSet rs, int i) throws SQLException {
		String diabetes = rs.getString(4);
		return new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				diabetes == null ? null : DiabetesType.valueOf(diabetes), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
				instant(rs, 9), rs.getInt(10), instant(rs, 11), ConversationKind.valueOf(rs.getString(12)));
	}

	private static ConversationSummary summary(ResultSet rs, int i) throws SQLException {
		return new ConversationSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), rs.getString(5), instant(rs, 6), rs.getInt(7), ConversationKind.valueOf(rs.getString(8)),
				rs.getBoolean(9));
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
