package io.polyclinic.faces.mibo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.polyclinic.billing.Payment;
import io.polyclinic.billing.PaymentStatus;
import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Actor;
import io.polyclinic.scheduling.Agenda;
import io.polyclinic.scheduling.AppointmentPayments;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentStatus;
import io.polyclinic.scheduling.MeetingPlaces;
import io.polyclinic.scheduling.SessionType;

/**
 * How Mibo shows appointments: the date and time on the clinician's clock ({@code YYYY-MM-DD}, {@code HH:mm:ss}),
 * fees in whole rupees, and the names of the people and places involved — fetched from the directory once per list,
 * never once per row. Also how it reads them back from requests, naming the field that is wrong.
 */
@Component
class MiboAppointments {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
	private static final String STATUSES = Arrays.stream(AppointmentStatus.values()).map(Enum::name)
		.collect(Collectors.joining(", "));

	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final CentreRegistry centres;
	private final MeetingPlaces meetings;
	private final AppointmentPayments payments;

	MiboAppointments(PatientRegistry patients, ClinicianRegistry clinicians, CentreRegistry centres,
			MeetingPlaces meetings, AppointmentPayments payments) {
		this.patients = patients;
		this.clinicians = clinicians;
		this.centres = centres;
		this.meetings = meetings;
		this.payments = payments;
	}

	/** A row of the staff list ({@code GET /api/appointments}). */
	record Row(long id, long patientId, @Nullable String patientName, long clinicianId, @Nullable String clinicianName,
			@Nullable Long centreId, @Nullable String centreName, String appointmentDate, String appointmentTime,
			SessionType sessionType, AppointmentStatus status, long consultationFee, String paymentStatus) {
	}

	/** One appointment in full ({@code GET /api/appointments/{id}}, {@code GET /api/booking/{id}}). */
	record Detail(long id, long patientId, @Nullable String patientName, @Nullable String patientPhone,
			long clinicianId, @Nullable String clinicianName, @Nullable Long centreId, @Nullable String centreName,
			String appointmentDate, String appointmentTime, SessionType sessionType, AppointmentStatus status,
			long consultationFee, String paymentStatus, @Nullable String meetLink, @Nullable String notes) {
	}

	/** A clinician's own appointment ({@code GET /api/appointments/my-appointments}). */
	record AgendaItem(long id, @Nullable String patientName, String appointmentDate, String appointmentTime,
			SessionType sessionType, AppointmentStatus status) {
	}

	record AgendaView(List<AgendaItem> current, List<AgendaItem> upcoming, List<AgendaItem> past) {
	}

	/** A patient's own appointment ({@code GET /api/booking/my-appointments}, {@code GET /api/patient/appointments}). */
	record Visit(long id, @Nullable String clinicianName, @Nullable String centreName, String appointmentDate,
			String appointmentTime, SessionType sessionType, AppointmentStatus status, String paymentStatus,
			@Nullable String meetLink) {
	}

	/** A patient's appointment as staff and their clinicians see it ({@code GET /api/patients/{id}/appointments}). */
	record HistoryItem(long id, @Nullable String clinicianName, String appointmentDate, String appointmentTime,
			AppointmentStatus status, SessionType sessionType) {
	}

	/** The answer to a cancellation; the contract shows none. */
	record Cancelled(long id, AppointmentStatus status) {

		static Cancelled of(Appointment a) {
			return new Cancelled(a.id(), a.status());
		}
	}

	List<Row> rows(List<Appointment> page, Actor actor) {
		var paid = payments.ofAppointments(page, actor);
		var patientsById = patients.findAll(ids(page, Appointment::patientId));
		var cliniciansById = clinicians.findAll(ids(page, Appointment::clinicianId));
		var centresById = centres.findAll(ids(page, Appointment::centreId));
		return page.stream()
			.map(a -> new Row(a.id(), a.patientId(), name(patientsById.get(a.patientId())), a.clinicianId(),
					name(cliniciansById.get(a.clinicianId())), a.centreId(), centreName(centresById, a.centreId()),
					date(a), time(a), a.sessionType(), a.status(), MiboFormats.rupees(a.feeMinor()), paymentStatus(paid.get(a.id()))))
			.toList();
	}

	/** For an appointment whose access the scheduling module has already decided. */
	Detail detail(Appointment a, Actor actor) {
		Patient patient = patients.findAll(List.of(a.patientId())).get(a.patientId());
		Clinician clinician = clinicians.findAll(List.of(a.clinicianId())).get(a.clinicianId());
		String centreName = a.centreId() == null ? null
				: centreName(centres.findAll(List.of(a.centreId())), a.centreId());
		String meetLink = meetings.linksOf(List.of(a.id())).get(a.id());
		return new Detail(a.id(), a.patientId(), name(patient), patient == null ? null : patient.phone(), a.clinicianId(),
				name(clinician), a.centreId(), centreName, date(a), time(a), a.sessionType(), a.status(),
				MiboFormats.rupees(a.feeMinor()), paymentStatus(payments.ofAppointments(List.of(a), actor).get(a.id())),
				meetLink, a.notes());
	}

	AgendaView agenda(Agenda agenda) {
		var all = new ArrayList<Appointment>(agenda.current());
		all.addAll(agenda.upcoming());
		all.addAll(agenda.past());
		var patientsById = patients.findAll(ids(all, Appointment::patientId));
		Function<List<Appointment>, List<AgendaItem>> items = list -> list.stream()
			.map(a -> new AgendaItem(a.id(), name(patientsById.get(a.patientId())), date(a), time(a), a.sessionType(),
					a.status()))
			.toList();
		return new AgendaView(items.apply(agenda.current()), items.apply(agenda.upcoming()), items.apply(agenda.past()));
	}

	List<Visit> visits(List<Appointment> page, Actor actor) {
		var paid = payments.ofAppointments(page, actor);
		var cliniciansById = clinicians.findAll(ids(page, Appointment::clinicianId));
		var centresById = centres.findAll(ids(page, Appointment::centreId));
		var links = meetings.linksOf(ids(page, Appointment::id));
		return page.stream()
			.map(a -> new Visit(a.id(), name(cliniciansById.get(a.clinicianId())), centreName(centresById, a.centreId()),
					date(a), time(a), a.sessionType(), a.status(), paymentStatus(paid.get(a.id())),
					links.get(a.id())))
			.toList();
	}

	List<HistoryItem> history(List<Appointment> page) {
		var cliniciansById = clinicians.findAll(ids(page, Appointment::clinicianId));
		return page.stream()
			.map(a -> new HistoryItem(a.id(), name(cliniciansById.get(a.clinicianId())), date(a), time(a), a.status(),
					a.sessionType()))
			.toList();
	}

	/** An appointment's payment as Mibo names it: its latest payment's status; PENDING when none was made yet. */
	static String paymentStatus(@Nullable Payment latest) {
		if (latest == null || latest.status() == PaymentStatus.CREATED) {
			return "PENDING";
		}
		return latest.status().name();
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

	/** The order of appointment lists is the scheduling module's. */
	static Pageable page(int page, int limit) {
		return MiboFormats.page(page, limit, Sort.unsorted());
	}

	private static <T> List<T> ids(Collection<Appointment> appointments, Function<Appointment, @Nullable T> id) {
		return appointments.stream().map(id).filter(Objects::nonNull).distinct().toList();
	}

	private static @Nullable String centreName(Map<Long, Centre> centres, @Nullable Long centreId) {
		Centre centre = centreId == null ? null : centres.get(centreId);
		return centre == null ? null : centre.name();
	}

	private static @Nullable String name(@Nullable Patient patient) {
		return patient == null ? null : patient.fullName();
	}

	private static @Nullable String name(@Nullable Clinician clinician) {
		return clinician == null ? null : clinician.fullName();
	}
}
