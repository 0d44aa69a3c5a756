package io.polyclinic.scheduling.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.ErrorCode;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The embedded database's stand-in for PostgreSQL's exclusion constraint (db/migration/h2/V20_1): before an
 * appointment row is written active, it locks the clinician's row until the transaction ends — so that the writers
 * of one clinician's appointments take turns — and then refuses the row if another active appointment of the
 * clinician overlaps it, with PostgreSQL's SQLSTATE for an exclusion violation. H2 creates it, never Spring.
 */
public final class H2OverlapGuard implements Trigger {

	/** PostgreSQL's exclusion_violation, so that both databases refuse an overlap alike. */
	static final String EXCLUSION_VIOLATION = "23P01";

	/** H2 gives up a lock after its lock timeout (2 s by default); a busy clinician's queue may take longer. */
	private static final int LOCK_ATTEMPTS = 15;

	private static final String CANCELLED = "CANCELLED";

	private int id;
	private int clinician;
	private int starts;
	private int ends;
	private int status;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
			throws SQLException {
		try (PreparedStatement columns = connection.prepareStatement("""
				SELECT column_name, ordinal_position FROM information_schema.columns
				WHERE LOWER(table_schema) = LOWER(?) AND LOWER(table_name) = LOWER(?)""")) {
			columns.setString(1, schema);
			columns.setString(2, table);
			try (ResultSet rs = columns.executeQuery()) {
				while (rs.next()) {
					int index = rs.getInt(2) - 1;
					switch (rs.getString(1).toLowerCase(Locale.ROOT)) {
						case "id" -> id = index;
						case "clinician_id" -> clinician = index;
						case "starts_at" -> starts = index;
						case "ends_at" -> ends = index;
						case "status" -> status = index;
						default -> {
						}
					}
				}
			}
		}
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
			throws SQLException {
		if (newRow == null || CANCELLED.equals(newRow[status]) || alreadyHeld(oldRow, newRow)) {
			return;
		}
		long clinicianId = ((Number) newRow[clinician]).longValue();
		lockClinician(connection, clinicianId);
		try (PreparedStatement overlap = connection.prepareStatement("""
				SELECT COUNT(*) FROM appointments
				WHERE clinician_id = ? AND id <> ? AND status <> 'CANCELLED'
				  AND starts_at < ? AND ends_at > ? AND starts_at > ?""")) {
			overlap.setLong(1, clinicianId);
			overlap.setLong(2, newRow[id] == null ? -1 : ((Number) newRow[id]).longValue());
			overlap.setObject(3, newRow[ends]);
			overlap.setObject(4, newRow[starts]);
			// an appointment lasts a day at most (ck_appointments_interval): older starts cannot reach this one
			overlap.setObject(5, ((OffsetDateTime) newRow[starts]).minusDays(1));
			try (ResultSet rs = overlap.executeQuery()) {
				if (rs.next() && rs.getLong(1) > 0) {
					throw new SQLException("An active appointment of clinician " + clinicianId
							+ " overlaps this one (ex_appointments_clinician_time)", EXCLUSION_VIOLATION);
				}
			}
		}
	}

	/** An active row whose clinician and interval do not change was checked when it got them. */
	private boolean alreadyHeld(Object @Nullable [] oldRow, Object[] newRow) {
		return oldRow != null && !CANCELLED.equals(oldRow[status])
				&& Objects.equals(oldRow[clinician], newRow[clinician]) && Objects.equals(oldRow[starts], newRow[starts])
				&& Objects.equals(oldRow[ends], newRow[ends]);
	}

	private static void lockClinician(Connection connection, long clinicianId) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM clinicians WHERE id = ? FOR UPDATE")) {
				lock.setLong(1, clinicianId);
				lock.executeQuery().close();
				return;
			}
			catch (SQLException e) {
				if (e.getErrorCode() != ErrorCode.LOCK_TIMEOUT_1 || attempt == LOCK_ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
