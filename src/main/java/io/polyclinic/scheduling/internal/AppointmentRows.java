package io.polyclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentQuery;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.SessionType;

/**
 * The appointment read model in SQL: appointments with the names of their patient, clinician and centre joined from
 * the directory's and identity's tables (upstream of scheduling), filtered, scoped, ordered and paged in one
 * statement, the total counted in the same statement. The rows are paged first and the names joined to the page
 * only. Removed appointments are in no answer, except {@link #one} for the clinic's own processes.
 */
@Component
public class AppointmentRows {

	/** A clinician's agenda reads at most this many appointments behind and ahead. */
	public static final int AGENDA_PAST = 100;
	public static final int AGENDA_AHEAD = 500;

	private static final String NAMES = """
			SELECT a.*, pu.full_name AS patient_name, pu.phone AS patient_phone, pu.email AS patient_email,
			  cu.full_name AS clinician_name, cu.phone AS clinician_phone, cu.email AS clinician_email,
			  ce.name AS centre_name, c.time_zone AS clinician_zone
			FROM (%s) a
			JOIN patients p ON p.id = a.patient_id JOIN users pu ON pu.id = p.user_id
			JOIN clinicians c ON c.id = a.clinician_id JOIN users cu ON cu.id = c.user_id
			LEFT JOIN centres ce ON ce.id = a.centre_id
			""";

	private final JdbcClient jdbc;

	AppointmentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An appointment with the names of its people and place. */
	public record Row(Appointment appointment, AppointmentView.Person patient, AppointmentView.Person clinician,
			AppointmentView.@Nullable Place centre, ZoneId clinicianZone) {
	}

	/** A page of rows and the number of rows of all pages (known only when the page is not empty). */
	public record Page(List<Row> rows, long total) {
	}

	/**
	 * Whose appointments a caller reaches: null in each means no limit. Set by the access policy's reach, never by
	 * a request.
	 */
	public record Scope(@Nullable Long patientId, @Nullable Long clinicianId, @Nullable Long managingCentreId) {

		public static final Scope CLINIC = new Scope(null, null, null);
	}

	/** One appointment; a removed one only when {@code removedToo} (the clinic's own processes). */
	public Optional<Row> one(Ref appointment, boolean removedToo) {
		List<Object> params = new ArrayList<>();
		String inner = "SELECT * FROM appointments WHERE " + (appointment.numeric() ? "id = ?" : "public_id = ?")
				+ (removedToo ? "" : " AND removed_at IS NULL");
		params.add(appointment.numeric() ? appointment.id() : appointment.publicId());
		return jdbc.sql(NAMES.formatted(inner)).params(params).query(AppointmentRows::row).optional();
	}

	public Page page(Scope scope, AppointmentQuery query, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String order = switch (query.order()) {
			case NEWEST_FIRST -> "a.starts_at DESC, a.id DESC";
			case SOONEST_FIRST -> "a.starts_at, a.id";
			case BOOKED_FIRST -> "a.created_at, a.id";
			case BOOKED_LAST -> "a.created_at DESC, a.id DESC";
			case EARLIEST_TIME_OF_DAY_FIRST -> "a.local_time, a.starts_at, a.id";
			case LATEST_TIME_OF_DAY_FIRST -> "a.local_time DESC, a.starts_at DESC, a.id DESC";
		};
		String inner = "SELECT a.*, COUNT(*) OVER () AS total FROM appointments a WHERE " + where(scope, query, params)
				+ " ORDER BY " + order + " LIMIT ? OFFSET ?";
		params.add(limit);
		params.add(offset);
		List<Long> totals = new ArrayList<>();
		List<Row> rows = jdbc.sql(NAMES.formatted(inner) + "ORDER BY " + order)
			.params(params)
			.query((rs, i) -> {
				totals.add(rs.getLong("total"));
				return row(rs, i);
			})
			.list();
		return new Page(rows, totals.isEmpty() ? 0 : totals.get(0));
	}

	/** How many appointments match: for a page past the last one, which counts nothing itself. */
	public long count(Scope scope, AppointmentQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM appointments a WHERE " + where(scope, query, params)).params(params)
			.query(Long.class).single();
	}

	/** How many appointments match, by status, in one grouped statement; statuses none has are left out. */
	public Map<AppointmentStatus, Long> countByStatus(Scope scope, AppointmentQuery query) {
		List<Object> params = new ArrayList<>();
		Map<AppointmentStatus, Long> counts = new java.util.EnumMap<>(AppointmentStatus.class);
		jdbc.sql("SELECT a.status, COUNT(*) FROM appointments a WHERE " + where(scope, query, params)
				+ " GROUP BY a.status").params(params).query((rs, i) -> {
			counts.put(AppointmentStatus.valueOf(rs.getString(1)), rs.getLong(2));
			return null;
		}).list();
		return counts;
	}

	/**
	 * A clinician's agenda in one statement: what has ended (newest first, cancelled ones too) and what has not
	 * (soonest first, cancelled ones left out), each as far as its limit.
	 */
	public List<Row> agenda(long clinicianId, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		String inner = """
				SELECT * FROM (SELECT * FROM appointments WHERE clinician_id = ? AND ends_at <= ? AND removed_at IS NULL
				  ORDER BY starts_at DESC, id DESC LIMIT %d) past
				UNION ALL
				SELECT * FROM (SELECT * FROM appointments WHERE clinician_id = ? AND ends_at > ? AND status <> 'CANCELLED'
				  ORDER BY starts_at, id LIMIT %d) ahead""".formatted(AGENDA_PAST, AGENDA_AHEAD);
		return jdbc.sql(NAMES.formatted(inner) + "ORDER BY a.starts_at, a.id")
			.params(clinicianId, at, clinicianId, at)
			.query(AppointmentRows::row)
			.list();
	}

	/**
	 * A patient's overview: their open appointments from now on (soonest first, at most {@code limit}), how many
	 * appointments they have in all, completed and open ahead, and who they are — in one statement.
	 */
	public Overview overview(long patientId, Instant now, int limit) {
		String inner = """
				SELECT a.*, (SELECT COUNT(*) FROM appointments t WHERE t.patient_id = ? AND t.removed_at IS NULL) AS total,
				  (SELECT COUNT(*) FROM appointments t WHERE t.patient_id = ? AND t.status = 'COMPLETED') AS completed,
				  (SELECT COUNT(*) FROM appointments t WHERE t.patient_id = ?
				     AND t.status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS') AND t.starts_at >= ?) AS upcoming
				FROM appointments a
				WHERE a.patient_id = ? AND a.status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS') AND a.starts_at >= ?
				ORDER BY a.starts_at, a.id LIMIT ?""";
		var at = now.atOffset(ZoneOffset.UTC);
		List<long[]> counts = new ArrayList<>();
		List<Row> rows = jdbc.sql(NAMES.formatted(inner) + "ORDER BY a.starts_at, a.id")
			.params(patientId, patientId, patientId, at, patientId, at, limit)
			.query((rs, i) -> {
				counts.add(new long[] { rs.getLong("total"), rs.getLong("completed"), rs.getLong("upcoming") });
				return row(rs, i);
			})
			.list();
		if (!counts.isEmpty()) {
			long[] c = counts.get(0);
			return new Overview(new Page(rows, c[0]), c[1], c[2], rows.get(0).patient());
		}
		// nothing ahead: who the patient is and how many appointments they had, in one statement
		return jdbc.sql("""
				SELECT u.full_name, u.phone, u.email,
				  (SELECT COUNT(*) FROM appointments t WHERE t.patient_id = p.id AND t.removed_at IS NULL) AS total,
				  (SELECT COUNT(*) FROM appointments t WHERE t.patient_id = p.id AND t.status = 'COMPLETED') AS completed
				FROM patients p JOIN users u ON u.id = p.user_id WHERE p.id = ?""")
			.param(patientId)
			.query((rs, i) -> new Overview(new Page(rows, rs.getLong("total")), rs.getLong("completed"), 0,
					new AppointmentView.Person(patientId, rs.getString("full_name"), rs.getString("phone"),
							rs.getString("email"))))
			.single();
	}

	/** A patient's next appointments with their counts, and the patient. */
	public record Overview(Page page, long completed, long upcoming, AppointmentView.Person patient) {
	}

	/** Whether the patient exists: asked only when a patient's list comes back empty. */
	/** For each patient account, the accounts of the clinicians they have appointments with, in one statement. */
	public Map<Long, List<UUID>> clinicianAccountsOf(Collection<Long> patientUserIds) {
		if (patientUserIds.isEmpty()) {
			return Map.of();
		}
		List<Object> params = new ArrayList<>(patientUserIds);
		String marks = String.join(", ", patientUserIds.stream().map(id -> "?").toList());
		Map<Long, List<UUID>> found = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT DISTINCT p.user_id, cu.public_id FROM appointments a
				JOIN patients p ON p.id = a.patient_id
				JOIN clinicians c ON c.id = a.clinician_id JOIN users cu ON cu.id = c.user_id
				WHERE p.user_id IN (%s) AND a.removed_at IS NULL
				ORDER BY p.user_id, cu.public_id
				""".formatted(marks)).params(params).query((rs, i) -> {
			found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
			return null;
		}).list();
		return found;
	}

	/** The clinician's own time zone, the clock their "today" is on. */
	public ZoneId clinicianZone(long clinicianId) {
		return ZoneId.of(jdbc.sql("SELECT time_zone FROM clinicians WHERE id = ?").param(clinicianId)
			.query(String.class).single());
	}

	/**
	 * Whether the clinician has an appointment with the patient in any status but cancelled, whenever it is: one
	 * look-up on the (patient, clinician) index.
	 */
	public boolean booked(long clinicianId, long patientId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM appointments
				WHERE patient_id = ? AND clinician_id = ? AND status <> 'CANCELLED' AND removed_at IS NULL""")
			.params(patientId, clinicianId).query(Long.class).single() > 0;
	}

	public boolean patientExists(long patientId) {
		return jdbc.sql("SELECT COUNT(*) FROM patients WHERE id = ?").param(patientId).query(Long.class).single() > 0;
	}

	public Optional<Long> patientId(UUID publicId) {
		return jdbc.sql("SELECT id FROM patients WHERE public_id = ?").param(publicId).query(Long.class).optional();
	}

	private static String where(Scope scope, AppointmentQuery query, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("a.removed_at IS NULL");
		condition(conditions, params, "a.patient_id = ?", scope.patientId());
		condition(conditions, params, "a.clinician_id = ?", scope.clinicianId());
		condition(conditions, params, "a.managing_centre_id = ?", scope.managingCentreId());
		condition(conditions, params, "a.patient_id = ?", query.patientId());
		condition(conditions, params, "a.clinician_id = ?", query.clinicianId());
		condition(conditions, params, "a.centre_id = ?", query.centreId());
		condition(conditions, params, "a.local_date = ?", query.date());
		condition(conditions, params, "a.local_date >= ?", query.firstDay());
		condition(conditions, params, "a.local_date <= ?", query.lastDay());
		condition(conditions, params, "a.starts_at >= ?", utc(query.from()));
		condition(conditions, params, "a.starts_at < ?", utc(query.to()));
		if (!query.statuses().isEmpty()) {
			conditions.add("a.status IN (" + String.join(", ", query.statuses().stream().map(s -> "?").toList()) + ")");
			query.statuses().stream().map(Enum::name).sorted().forEach(params::add);
		}
		if (!query.consultationTypes().isEmpty()) {
			conditions.add("a.consultation_type IN ("
					+ String.join(", ", query.consultationTypes().stream().map(s -> "?").toList()) + ")");
			query.consultationTypes().stream().map(Enum::name).sorted().forEach(params::add);
		}
		return String.join(" AND ", conditions);
	}

	private static void condition(List<String> conditions, List<Object> params, String condition,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			params.add(value);
		}
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		Long centreId = rs.getObject("centre_id", Long.class);
		var appointment = new Appointment(rs.getLong("id"), rs.getObject("public_id", UUID.class),
				rs.getLong("patient_id"), rs.getLong("clinician_id"), centreId,
				rs.getObject("local_date", LocalDate.class), rs.getObject("local_time", LocalTime.class),
				ZoneId.of(rs.getString("time_zone")), instant(rs, "starts_at"), instant(rs, "ends_at"),
				SessionType.valueOf(rs.getString("session_type")), AppointmentStatus.valueOf(rs.getString("status")),
				rs.getLong("fee_minor"), rs.getString("currency"), rs.getString("notes"),
				rs.getString("cancellation_reason"), rs.getObject("booked_by_user_id", Long.class),
				instant(rs, "created_at"), rs.getObject("managing_centre_id", Long.class),
				ConsultationType.valueOf(rs.getString("consultation_type")), SymptomsColumn.read(rs.getString("symptoms")),
				rs.getString("visit_location"), instant(rs, "updated_at"));
		return new Row(appointment,
				new AppointmentView.Person(appointment.patientId(), rs.getString("patient_name"),
						rs.getString("patient_phone"), rs.getString("patient_email")),
				new AppointmentView.Person(appointment.clinicianId(), rs.getString("clinician_name"),
						rs.getString("clinician_phone"), rs.getString("clinician_email")),
				centreId == null ? null : new AppointmentView.Place(centreId, rs.getString("centre_name")),
				ZoneId.of(rs.getString("clinician_zone")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}
