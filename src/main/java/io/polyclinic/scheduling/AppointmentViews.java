package io.polyclinic.scheduling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;

/**
 * The appointment read model: appointments with the names of their people and place, their meeting link and their
 * payment standing, for one appointment or a page of them — access checked once, for the whole answer.
 */
@Service
@Transactional
public class AppointmentViews {

	private final AppointmentBook book;
	private final PatientRegistry patients;
	private final ClinicianRegistry clinicians;
	private final CentreRegistry centres;
	private final ObjectProvider<PaymentStandings> payments;
	private final ObjectProvider<MeetingPlaces> meetings;

	AppointmentViews(AppointmentBook book, PatientRegistry patients, ClinicianRegistry clinicians,
			CentreRegistry centres, ObjectProvider<PaymentStandings> payments, ObjectProvider<MeetingPlaces> meetings) {
		this.book = book;
		this.patients = patients;
		this.clinicians = clinicians;
		this.centres = centres;
		this.payments = payments;
		this.meetings = meetings;
	}

	/** One appointment, if the caller may see it; the read is audited. */
	public AppointmentView get(Ref appointment, Actor actor) {
		Appointment a = book.get(book.idOf(appointment), actor);
		return views(List.of(a)).get(0);
	}

	/** A page of the appointments the caller may see that match the query. */
	public Page<AppointmentView> find(AppointmentQuery query, Pageable page, Actor actor) {
		Page<Appointment> found = book.search(query, page, actor);
		return new PageImpl<>(views(found.getContent()), page, found.getTotalElements());
	}

	/** Views of appointments whose access the caller has already been granted. */
	List<AppointmentView> views(List<Appointment> appointments) {
		var patientsById = patients.findAll(ids(appointments, Appointment::patientId));
		var cliniciansById = clinicians.findAll(ids(appointments, Appointment::clinicianId));
		var centresById = centres.findAll(ids(appointments, Appointment::centreId));
		List<Long> appointmentIds = ids(appointments, Appointment::id);
		Map<Long, PaymentStanding> standings = appointmentIds.isEmpty() ? Map.of()
				: payments.getIfAvailable(() -> ids -> Map.of()).of(appointmentIds);
		Map<Long, String> links = appointmentIds.isEmpty() ? Map.of()
				: meetings.getIfAvailable(() -> ids -> Map.of()).linksOf(appointmentIds);
		return appointments.stream()
			.map(a -> new AppointmentView(a, person(patientsById.get(a.patientId()), a.patientId()),
					person(cliniciansById.get(a.clinicianId()), a.clinicianId()), place(centresById, a.centreId()),
					links.get(a.id()), standings.getOrDefault(a.id(), PaymentStanding.PENDING)))
			.toList();
	}

	private static AppointmentView.Person person(@Nullable Patient p, long id) {
		return p == null ? new AppointmentView.Person(id, "", null, null)
				: new AppointmentView.Person(p.id(), p.fullName(), p.phone(), p.email());
	}

	private static AppointmentView.Person person(@Nullable Clinician c, long id) {
		return c == null ? new AppointmentView.Person(id, "", null, null)
				: new AppointmentView.Person(c.id(), c.fullName(), c.phone(), c.email());
	}

	private static AppointmentView.@Nullable Place place(Map<Long, Centre> centres, @Nullable Long id) {
		Centre centre = id == null ? null : centres.get(id);
		return centre == null ? null : new AppointmentView.Place(centre.id(), centre.name());
	}

	private static <T> List<T> ids(Collection<Appointment> appointments, Function<Appointment, @Nullable T> id) {
		return appointments.stream().map(id).filter(Objects::nonNull).distinct().toList();
	}
}
