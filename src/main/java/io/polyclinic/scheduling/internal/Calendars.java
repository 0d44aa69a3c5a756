package io.polyclinic.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.AvailabilityRule;

/**
 * Reads clinicians' calendars in SQL: the clinician's row (directory's, upstream) with their weekly hours in one
 * statement, and for a booking the centre and the patient asked for, and whether the care link and the centre
 * enrolment a booking makes exist already, in the same statement — a booking has a budget of statements (ten for a
 * whole request), and the directory's own API would spend five on what this reads in one. A deleted clinician has
 * no calendar.
 */
@Component
public class Calendars {

	private static final String CLINICIAN = """
			SELECT c.id, c.time_zone, c.consultation_minutes, c.fee_minor, c.currency, c.primary_centre_id,
			  (c.active AND c.kyc_status = 'VERIFIED') AS bookable, r.day_of_week, r.start_time, r.end_time, r.available, r.centre_id AS rule_centre_id""";

	private static final String RULES = """
			LEFT JOIN availability_rules r ON r.clinician_id = c.id""";

	private final JdbcClient jdbc;

	Calendars(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ClinicianCalendar> of(Ref clinician) {
		List<Object> params = new ArrayList<>();
		String sql = CLINICIAN + "\nFROM clinicians c\n" + RULES + "\nWHERE " + match("c", clinician, params)
				+ " AND c.deleted_at IS NULL";
		return jdbc.sql(sql).params(params).query(rs -> {
			List<AvailabilityRule> hours = new ArrayList<>();
			ClinicianCalendar calendar = null;
			while (rs.next()) {
				calendar = calendar == null ? calendar(rs, hours) : calendar;
				rule(rs).ifPresent(hours::add);
			}
			return calendar == null ? Optional.<ClinicianCalendar>empty() : Optional.of(sorted(calendar));
		});
	}

	/**
	 * The clinician's calendar with the centre and the patient a booking names — by reference, by the phone number
	 * of their account (already normalised), or by their account's public id — or none; empty without such a
	 * clinician.
	 */
	public Optional<BookingContext> forBooking(Ref clinician, @Nullable Long centreId, @Nullable Ref patient,
			@Nullable String patientPhone, @Nullable UUID patientAccount, Instant nearFrom, Instant nearTo) {
		List<Object> params = new ArrayList<>();
		params.add(nearTo.atOffset(ZoneOffset.UTC));
		params.add(nearFrom.atOffset(ZoneOffset.UTC));
		params.add(nearFrom.minus(Placement.LONGEST).atOffset(ZoneOffset.UTC));
		params.add(nearTo.atOffset(ZoneOffset.UTC));
		params.add(nearFrom.minus(Placement.LONGEST).atOffset(ZoneOffset.UTC));
		StringBuilder sql = new StringBuilder(CLINICIAN).append("""
				,
				  ce.id AS centre_id, ce.active AS centre_active,
				  p.id AS patient_id, pu.full_name AS patient_name, pu.phone AS patient_phone, pu.email AS patient_email,
				  cl.id AS care_link_id, pc.id AS enrolment_id,
				  (SELECT COUNT(*) FROM blocked_times bt WHERE bt.clinician_id = c.id AND bt.removed_at IS NULL
				    AND bt.starts_at < ? AND bt.ends_at > ? AND bt.starts_at > ?) AS blocks_near,
				  (SELECT COUNT(*) FROM availability_slots os WHERE os.clinician_id = c.id
				    AND os.starts_at < ? AND os.starts_at > ?) AS slots_near
				FROM clinicians c
				""");
		if (centreId == null) {
			sql.append("LEFT JOIN centres ce ON 1 = 0\n");
		}
		else {
			sql.append("LEFT JOIN centres ce ON ce.id = ? AND ce.deleted_at IS NULL\n");
			params.add(centreId);
		}
		if (patient != null) {
			sql.append("LEFT JOIN patients p ON ").append(match("p", patient, params))
				.append("\nLEFT JOIN users pu ON pu.id = p.user_id\n");
		}
		else if (patientPhone != null) {
			sql.append("LEFT JOIN users pu ON pu.phone = ? AND pu.role = 'PATIENT'\n")
				.append("LEFT JOIN patients p ON p.user_id = pu.id\n");
			params.add(patientPhone);
		}
		else if (patientAccount != null) {
			sql.append("LEFT JOIN users pu ON pu.public_id = ? AND pu.role = 'PATIENT'\n")
				.append("LEFT JOIN patients p ON p.user_id = pu.id\n");
			params.add(patientAccount);
		}
		else {
			sql.append("LEFT JOIN patients p ON 1 = 0\nLEFT JOIN users pu ON pu.id = p.user_id\n");
		}
		sql.append("LEFT JOIN care_links cl ON cl.clinician_id = c.id AND cl.patient_id = p.id\n");
		if (centreId == null) {
			sql.append("LEFT JOIN patient_centres pc ON pc.patient_id = p.id AND pc.centre_id = c.primary_centre_id\n");
		}
		else {
			sql.append("LEFT JOIN patient_centres pc ON pc.patient_id = p.id AND pc.centre_id = ?\n");
			params.add(centreId);
		}
		sql.append(RULES).append("\nWHERE ").append(match("c", clinician, params)).append(" AND c.deleted_at IS NULL");
		return jdbc.sql(sql.toString()).params(params).query(rs -> {
			List<AvailabilityRule> hours = new ArrayList<>();
			BookingContext context = null;
			while (rs.next()) {
				if (context == null) {
					context = new BookingContext(calendar(rs, hours), centre(rs, centreId), person(rs),
							rs.getObject("care_link_id") != null, rs.getObject("enrolment_id") != null,
							rs.getLong("blocks_near") > 0, rs.getLong("slots_near") > 0);
				}
				rule(rs).ifPresent(hours::add);
			}
			return context == null ? Optional.<BookingContext>empty()
					: Optional.of(new BookingContext(sorted(context.calendar()), context.centre(), context.patient(),
							context.linked(), context.enrolled(), context.blocksNear(), context.slotsNear()));
		});
	}

	/** The account of a clinician: whose booking a patient confirms (see AppointmentBook#confirmByPatient). */
	public Optional<Long> accountOf(long clinicianId) {
		return jdbc.sql("SELECT user_id FROM clinicians WHERE id = ?").param(clinicianId).query(Long.class).optional();
	}

	/** {@code alias.id = ?} or {@code alias.public_id = ?}, whichever the reference is. */
	private static String match(String alias, Ref ref, List<Object> params) {
		if (ref.id() != null) {
			params.add(ref.id());
			return alias + ".id = ?";
		}
		params.add(ref.publicId());
		return alias + ".public_id = ?";
	}

	private static ClinicianCalendar calendar(ResultSet rs, List<AvailabilityRule> hours) throws SQLException {
		return new ClinicianCalendar(rs.getLong("id"), ZoneId.of(rs.getString("time_zone")),
				rs.getInt("consultation_minutes"), rs.getLong("fee_minor"), rs.getString("currency"),
				rs.getObject("primary_centre_id", Long.class), rs.getBoolean("bookable"), hours);
	}

	private static ClinicianCalendar sorted(ClinicianCalendar c) {
		List<AvailabilityRule> hours = c.hours().stream().sorted(SlotGrid.WEEK_ORDER).toList();
		return new ClinicianCalendar(c.clinicianId(), c.zone(), c.consultationMinutes(), c.feeMinor(), c.currency(),
				c.homeCentreId(), c.bookable(), hours);
	}

	private static Optional<AvailabilityRule> rule(ResultSet rs) throws SQLException {
		String day = rs.getString("day_of_week");
		if (day == null) {
			return Optional.empty();
		}
		return Optional.of(new AvailabilityRule(DayOfWeek.valueOf(day), rs.getObject("start_time", LocalTime.class),
				rs.getObject("end_time", LocalTime.class), rs.getBoolean("available"),
				rs.getObject("rule_centre_id", Long.class)));
	}

	private static BookingContext.CentreState centre(ResultSet rs, @Nullable Long asked) throws SQLException {
		if (asked == null) {
			return BookingContext.CentreState.NONE_ASKED;
		}
		if (rs.getObject("centre_id") == null) {
			return BookingContext.CentreState.MISSING;
		}
		return rs.getBoolean("centre_active") ? BookingContext.CentreState.ACTIVE : BookingContext.CentreState.INACTIVE;
	}

	private static AppointmentView.@Nullable Person person(ResultSet rs) throws SQLException {
		Long id = rs.getObject("patient_id", Long.class);
		return id == null ? null
				: new AppointmentView.Person(id, rs.getString("patient_name"), rs.getString("patient_phone"),
						rs.getString("patient_email"));
	}
}
