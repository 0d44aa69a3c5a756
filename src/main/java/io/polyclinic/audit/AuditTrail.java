package io.polyclinic.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;

/**
 * Reads the audit trail: what happened to one record, newest first, a bounded page at a time; the whole trail
 * filtered (who acted, what they did, how it ended, to what, when), paged and counted in SQL; and its counts. The
 * trail names patients and who looked at them, so only administrators (and the clinic's own processes) read it;
 * anyone else is refused, and the refusal is on the trail too.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	public static final int MAXIMUM_LIMIT = 500;
	/** How many days {@link #stats} counts day by day when the filter names no dates. */
	public static final int DAYS_BY_DEFAULT = 30;
	/** How many of the newest entries {@link #stats} shows. */
	public static final int RECENT = 10;

	// the patient's and the actor's accounts are named beside each entry: the trail keeps only their numbers
	private static final String SELECT = """
			SELECT a.id, a.occurred_at, a.actor_user_id, a.actor_role, a.action, a.resource_type, a.resource_id,
			       a.patient_id, p.user_id AS patient_user_id, COALESCE(u.username, u.email) AS actor_username, a.outcome,
			       a.client_address, a.detail
			FROM audit_entries a
			LEFT JOIN patients p ON p.id = a.patient_id
			LEFT JOIN users u ON u.id = a.actor_user_id""";

	private final JdbcClient jdbc;
	private final AuditLog log;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, AuditLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * @param limit from 1 to {@value #MAXIMUM_LIMIT}; beyond either end it is cut to it
	 * @throws Refusal FORBIDDEN unless the caller is an administrator or the clinic itself
	 */
	public List<Entry> of(String resourceType, String resourceId, int limit, Actor actor) {
		requireAdministrator(actor, resourceType + ":" + resourceId);
		return jdbc.sql(SELECT + " WHERE a.resource_type = ? AND a.resource_id = ? ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?")
			.params(resourceType, resourceId, Math.min(Math.max(limit, 1), MAXIMUM_LIMIT))
			.query(AuditTrail::entry)
			.list();
	}

	/**
	 * Which entries to read; each null condition is no condition.
	 *
	 * @param action a verb as the trail writes it (READ, CREATE…), any case
	 * @param resourceType what was touched as the trail writes it (PATIENT, APPOINTMENT…), any case
	 * @param patientUserId entries about the patient with this account
	 * @param from entries at or after it
	 * @param to entries before it
	 * @param text words in the action, the resource, its id, the detail or the actor's username
	 */
	public record Search(@Nullable Long actorUserId, @Nullable String action, AuditRecord.@Nullable Outcome outcome,
			@Nullable String resourceType, @Nullable String resourceId, @Nullable Long patientUserId,
			@Nullable Instant from, @Nullable Instant to, @Nullable String text, boolean oldestFirst) {

		public static Search everything() {
			return new Search(null, null, null, null, null, null, null, null, null, false);
		}
	}

	/**
	 * A page of the trail, newest first unless asked otherwise, filtered and counted in the database.
	 *
	 * @throws Refusal FORBIDDEN unless the caller is an administrator or the clinic itself; INVALID_INPUT for a page
	 *         larger than {@value #MAXIMUM_LIMIT} or a period that ends before it starts
	 */
	public Page<Entry> search(Search search, Pageable page, Actor actor) {
		requireAdministrator(actor, "SEARCH");
		if (page.getPageSize() > MAXIMUM_LIMIT) {
			throw Refusal.invalidField("limit", "Limit must be between 1 and " + MAXIMUM_LIMIT);
		}
		checkPeriod(search);
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(search, params);
		String direction = search.oldestFirst() ? " ASC" : " DESC";
		List<Entry> content = jdbc.sql(SELECT + where + " ORDER BY a.occurred_at" + direction + ", a.id" + direction
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query(AuditTrail::entry)
			.list();
		// a first page that is not full is the whole list: no count needed
		long total = page.getOffset() == 0 && content.size() < page.getPageSize() ? content.size()
				: jdbc.sql("SELECT COUNT(*) FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id" + where)
					.params(params).query(Long.class).single();
		return new PageImpl<>(content, page, total);
	}

	/**
	 * The trail (as filtered) counted in SQL.
	 *
	 * @param byAction each action there is (as the trail writes it), with its count
	 * @param byOutcome every outcome, with its count (zero when none)
	 * @param byResourceType each kind of record touched, with its count
	 * @param byDay each UTC day of the period (the filter's, else the last {@value #DAYS_BY_DEFAULT} days up to today), with its count, zero days included
	 * @param recent the newest {@value #RECENT} entries
	 */
	public record Stats(long total, Map<String, Long> byAction, Map<AuditRecord.Outcome, Long> byOutcome,
			Map<String, Long> byResourceType, Map<LocalDate, Long> byDay, List<Entry> recent) {
	}

	/**
	 * @throws Refusal FORBIDDEN unless the caller is an administrator or the clinic itself; INVALID_INPUT for a period
	 *         that ends before it starts or spans more than a year
	 */
	public Stats stats(Search search, Actor actor) {
		requireAdministrator(actor, "STATS");
		checkPeriod(search);
		LocalDate last = search.to() != null ? search.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate()
				: LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = search.from() != null ? search.from().atOffset(ZoneOffset.UTC).toLocalDate()
				: last.minusDays(DAYS_BY_DEFAULT - 1);
		if (first.isBefore(last.minusYears(1))) {
			throw Refusal.invalidField("dateFrom", "Count at most a year day by day");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(search, params);
		String from = "FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id" + where;
		Map<String, Long> byAction = new TreeMap<>();
		Map<AuditRecord.Outcome, Long> byOutcome = new EnumMap<>(AuditRecord.Outcome.class);
		for (AuditRecord.Outcome o : AuditRecord.Outcome.values()) {
			byOutcome.put(o, 0L);
		}
		Map<String, Long> byResource = new TreeMap<>();
		long[] total = { 0 };
		jdbc.sql("SELECT a.action, a.outcome, a.resource_type, COUNT(*) AS n " + from
				+ " GROUP BY a.action, a.outcome, a.resource_type")
			.params(params)
			.query(rs -> {
				long n = rs.getLong("n");
				byAction.merge(rs.getString("action"), n, Long::sum);
				byOutcome.merge(AuditRecord.Outcome.valueOf(rs.getString("outcome")), n, Long::sum);
				byResource.merge(rs.getString("resource_type"), n, Long::sum);
				total[0] += n;
			});
		Map<LocalDate, Long> byDay = new TreeMap<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			byDay.put(d, 0L);
		}
		Map<String, Object> dayParams = new LinkedHashMap<>(params);
		String dayWhere = where + (where.isEmpty() ? " WHERE " : " AND ")
				+ "a.occurred_at >= :dayFrom AND a.occurred_at < :dayTo";
		dayParams.put("dayFrom", first.atStartOfDay().atOffset(ZoneOffset.UTC));
		dayParams.put("dayTo", last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		jdbc.sql("SELECT CAST(a.occurred_at AT TIME ZONE 'UTC' AS DATE) AS d, COUNT(*) AS n "
				+ "FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id" + dayWhere
				+ " GROUP BY CAST(a.occurred_at AT TIME ZONE 'UTC' AS DATE)")
			.params(dayParams)
			.query(rs -> {
				byDay.merge(rs.getObject("d", LocalDate.class), rs.getLong("n"), Long::sum);
			});
		List<Entry> recent = jdbc.sql(SELECT + where + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT " + RECENT)
			.params(params)
			.query(AuditTrail::entry)
			.list();
		return new Stats(total[0], byAction, byOutcome, byResource, byDay, recent);
	}

	/**
	 * One entry, with the accounts it names.
	 *
	 * @param patientId the patient's record (directory's patient id)
	 * @param patientUserId the account of that patient
	 * @param actorUsername the login of the account that acted: its username, else its email address
	 */
	public record Entry(long id, Instant occurredAt, @Nullable Long actorUserId, @Nullable String actorRole,
			String action, String resourceType, @Nullable String resourceId, @Nullable Long patientId,
			@Nullable Long patientUserId, @Nullable String actorUsername, AuditRecord.Outcome outcome,
			@Nullable String clientAddress, @Nullable String detail) {
	}

	private static String where(Search s, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		condition(where, params, "a.actor_user_id = :actor", "actor", s.actorUserId());
		condition(where, params, "a.action = :action", "action", upper(s.action()));
		condition(where, params, "a.outcome = :outcome", "outcome", s.outcome() == null ? null : s.outcome().name());
		condition(where, params, "a.resource_type = :resourceType", "resourceType", upper(s.resourceType()));
		condition(where, params, "a.resource_id = :resourceId", "resourceId", s.resourceId());
		condition(where, params, "a.patient_id IN (SELECT p.id FROM patients p WHERE p.user_id = :patientUser)",
				"patientUser", s.patientUserId());
		condition(where, params, "a.occurred_at >= :from", "from",
				s.from() == null ? null : s.from().atOffset(ZoneOffset.UTC));
		condition(where, params, "a.occurred_at < :to", "to", s.to() == null ? null : s.to().atOffset(ZoneOffset.UTC));
		if (s.text() != null && !s.text().isBlank()) {
			String like = "%" + s.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%";
			condition(where, params, """
					(LOWER(a.action) LIKE :text OR LOWER(a.resource_type) LIKE :text OR LOWER(a.resource_id) LIKE :text
					 OR LOWER(a.detail) LIKE :text OR LOWER(COALESCE(u.username, u.email)) LIKE :text)""", "text", like);
		}
		return where.toString();
	}

	private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name,
			@Nullable Object value) {
		if (value == null) {
			return;
		}
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(sql);
		params.put(name, value);
	}

	private static @Nullable String upper(@Nullable String word) {
		return word == null || word.isBlank() ? null : word.strip().toUpperCase(Locale.ROOT);
	}

	private static void checkPeriod(Search search) {
		if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
			throw Refusal.invalidField("dateTo", "The period must end after it starts");
		}
	}

	private void requireAdministrator(Actor actor, String what) {
		if (!actor.isSystem() && !actor.is(Role.ADMIN)) {
			log.recordDenied(AuditRecord.denied(actor, "READ", "AUDIT_TRAIL", what, null));
			throw Refusal.forbidden();
		}
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				(Long) rs.getObject("actor_user_id"), rs.getString("actor_role"), rs.getString("action"),
				rs.getString("resource_type"), rs.getString("resource_id"), (Long) rs.getObject("patient_id"),
				(Long) rs.getObject("patient_user_id"), rs.getString("actor_username"),
				AuditRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("client_address"),
				rs.getString("detail"));
	}
}
