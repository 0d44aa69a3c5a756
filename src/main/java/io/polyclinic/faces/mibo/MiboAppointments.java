package io.polyclinic.faces.mibo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.polyclinic.platform.Refusal;
import io.polyclinic.scheduling.Agenda;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.AppointmentSummary;
import io.polyclinic.scheduling.AppointmentView;
import io.polyclinic.scheduling.SessionType;

/**
 * How Mibo shows the scheduling module's appointment views: the date and time on the clinician's clock
 * ({@code YYYY-MM-DD}, {@code HH:mm:ss}), fees in whole rupees, the names the views carry. Also how it reads them
 * back from requests, naming the field that is wrong.
 */
final class MiboAppointments {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
	private static final String STATUSES = Arrays.stream(AppointmentStatus.values())
		.filter(s -> s != AppointmentStatus.IN_PROGRESS).map(Enum::name).collect(Collectors.joining(", "));

	private MiboAppointments() {
	}

	/**
	 * A row of the staff list ({@code GET /api/appointments}). After the contract's fields come the admin panel's
	 * (the original backend's snake_case row): the instants {@code scheduled_start_at}/{@code scheduled_end_at} (and
	 * {@code scheduledStartAt}, which its dashboard reads), the names and ids again in snake_case, the patient's phone,
	 * {@code appointment_type}, {@code duration_minutes}, {@code notes} and {@code created_at}.
	 */
	@JsonPropertyOrder({ "id", "patientId", "patientName", "clinicianId", "clinicianName", "centreId", "centreName",
			"appointmentDate", "appointmentTime", "sessionType", "status", "consultationFee", "paymentStatus" })
	record Row(long id, long patientId, @Nullable String patientName, long clinicianId, @Nullable String clinicianName,
			@Nullable Long centreId, @Nullable String centreName, String appointmentDate, String appointmentTime,
			SessionType sessionType, AppointmentStatus status, long consultationFee, String paymentStatus,
			@JsonProperty("patient_id") long patient_id, @JsonProperty("patient_name") @Nullable String patient_name,
			@JsonProperty("patient_phone") @Nullable String patient_phone,
			@JsonProperty("clinician_id") long clinician_id,
			@JsonProperty("clinician_name") @Nullable String clinician_name,
			@JsonProperty("centre_id") @Nullable Long centre_id,
			@JsonProperty("centre_name") @Nullable String centre_name,
			@JsonProperty("appointment_type") SessionType appointment_type,
			@JsonProperty("scheduled_start_at") Instant scheduled_start_at,
			@JsonProperty("scheduled_end_at") Instant scheduled_end_at, Instant scheduledStartAt,
			@JsonProperty("duration_minutes") long duration_minutes, @Nullable String notes,
			@JsonProperty("created_at") Instant created_at) {

		static Row of(AppointmentView v) {
			Appointment a = v.appointment();
			Instant start = MiboFormats.instant(a.startsAt());
			return new Row(a.id(), a.patientId(), v.patient().fullName(), a.clinicianId(), v.clinician().fullName(),
					a.centreId(), nameOfCentre(v), date(a), time(a), a.sessionType(), shown(a.status()),
					MiboFormats.rupees(a.feeMinor()), paymentOf(v), a.patientId(), v.patient().fullName(),
					v.patient().phone(), a.clinicianId(), v.clinician().fullName(), a.centreId(), nameOfCentre(v),
					a.sessionType(), start, MiboFormats.instant(a.endsAt()), start,
					Duration.between(a.startsAt(), a.endsAt()).toMinutes(), a.notes(),
					MiboFormats.instant(a.createdAt()));
		}
	}

	/** One appointment in full ({@code GET /api/appointments/{id}}, {@code GET /api/booking/{id}}). */
	record Detail(long id, long patientId, @Nullable String patientName, @Nullable String patientPhone,
			long clinicianId, @Nullable String clinicianName, @Nullable Long centreId, @Nullable String centreName,
			String appointmentDate, String appointmentTime, SessionType sessionType, AppointmentStatus status,
			long consultationFee, String paymentStatus, @Nullable String meetLink, @Nullable String notes) {

		static Detail of(AppointmentView v) {
			Appointment a = v.appointment();
			return new Detail(a.id(), a.patientId(), v.patient().fullName(), v.patient().phone(), a.clinicianId(),
					v.clinician().fullName(), a.centreId(), nameOfCentre(v), date(a), time(a), a.sessionType(),
					shown(a.status()), MiboFormats.rupees(a.feeMinor()), paymentOf(v), v.meetingLink(),
					a.notes());
		}
	}

	/** A clinician's own appointment ({@code GET /api/appointments/my-appointments}). */
	record AgendaItem(long id, @Nullable String patientName, String appointmentDate, String appointmentTime,
			SessionType sessionType, AppointmentStatus status) {

		static AgendaItem of(AppointmentView v) {
			Appointment a = v.appointment();
			return new AgendaItem(a.id(), v.patient().fullName(), date(a), time(a), a.sessionType(), shown(a.status()));
		}
	}

	record AgendaView(List<AgendaItem> current, List<AgendaItem> upcoming, List<AgendaItem> past) {

		static AgendaView of(Agenda agenda) {
			return new AgendaView(agenda.current().stream().map(AgendaItem::of).toList(),
					agenda.upcoming().stream().map(AgendaItem::of).toList(),
					agenda.past().stream().map(AgendaItem::of).toList());
		}
	}

	/** A patient's own appointment ({@code GET /api/booking/my-appointments}, {@code GET /api/patient/appointments}). */
	record Visit(long id, @Nullable String clinicianName, @Nullable String centreName, String appointmentDate,
			String appointmentTime, SessionType sessionType, AppointmentStatus status, String paymentStatus,
			@Nullable String meetLink) {

		static Visit of(AppointmentView v) {
			Appointment a = v.appointment();
			return new Visit(a.id(), v.clinician().fullName(), nameOfCentre(v), date(a), time(a), a.sessionType(),
					shown(a.status()), paymentOf(v), v.meetingLink());
		}
	}

	/** A patient's appointment as staff and their clinicians see it ({@code GET /api/patients/{id}/appointments}). */
	record HistoryItem(long id, @Nullable String clinicianName, String appointmentDate, String appointmentTime,
			AppointmentStatus status, SessionType sessionType) {

		static HistoryItem of(AppointmentSummary s) {
			Appointment a = s.appointment();
			return new HistoryItem(a.id(), s.clinician().fullName(), date(a), time(a), shown(a.status()), a.sessionType());
		}
	}

	/** The answer to a cancellation; the contract shows none. */
	record Cancelled(long id, AppointmentStatus status) {

		static Cancelled of(Appointment a) {
			return new Cancelled(a.id(), shown(a.status()));
		}
	}

	/** An appointment's payment as Mibo names it: the standing billing gives it, PENDING until a payment settles. */
	private static String paymentOf(AppointmentView v) {
		return v.payment().name();
	}

	static String date(Appointment a) {
		return a.date().toString();
	}

	/** Always with seconds, as the contract writes it: Jackson would drop ":00". */
	static String time(Appointment a) {
		return TIME.format(a.time());
	}

	static String time(LocalTime time) {
		return TIME.format(time);
	}

	/** A date the request must carry; a blank one is refused like a malformed one. */
	static LocalDate parseDate(String field, String value) {
		LocalDate date = MiboFormats.date(field, value);
		if (date == null) {
			throw Refusal.invalidField(field, "Must be a date as YYYY-MM-DD");
		}
		return date;
	}

	/** Accepts {@code HH:mm:ss} as the contract writes it, and {@code HH:mm}. */
	static LocalTime parseTime(String field, String value) {
		try {
			return LocalTime.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalidField(field, "Must be a time as HH:MM:SS");
		}
	}

	static SessionType sessionType(String field, String value) {
		try {
			return SessionType.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "Session type must be ONLINE or IN_PERSON");
		}
	}

	static @Nullable AppointmentStatus status(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return AppointmentStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalidField(field, "Status must be one of " + STATUSES);
		}
	}

	/** A filter by Mibo's status: CONFIRMED takes in the visits in progress, which Mibo shows as confirmed. */
	static Set<AppointmentStatus> statuses(@Nullable AppointmentStatus status) {
		if (status == AppointmentStatus.CONFIRMED) {
			return Set.of(AppointmentStatus.CONFIRMED, AppointmentStatus.IN_PROGRESS);
		}
		return status == null ? Set.of() : Set.of(status);
	}

	/**
	 * The status as Mibo's enum has it (PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW): a visit its clinician has
	 * started (through another face) is still CONFIRMED here.
	 */
	static AppointmentStatus shown(AppointmentStatus status) {
		return status == AppointmentStatus.IN_PROGRESS ? AppointmentStatus.CONFIRMED : status;
	}

	private static @Nullable String nameOfCentre(AppointmentView v) {
		return v.centre() == null ? null : v.centre().name();
	}
}
