package io.polyclinic.faces.hcp;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.platform.Ref;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;

/** Appointments between hcp's people, booked as the clinic's staff book them, for the EMR tests to write about. */
final class HcpEmrVisits {

	private static final AtomicInteger SLOT = new AtomicInteger();

	private final AppointmentBook book;
	private final PatientRegistry patients;
	private final Clinic clinic;

	HcpEmrVisits(AppointmentBook book, PatientRegistry patients, Clinic clinic) {
		this.book = book;
		this.patients = patients;
		this.clinic = clinic;
	}

	/** A visit of the patient with the doctor, a week or more ahead, at a time no other visit of the suite has. */
	Appointment visit(HcpPeople.Person patient, HcpPeople.Person doctor) {
		ZoneId zone = doctor.clinician().timeZone();
		int slot = SLOT.getAndIncrement();
		var day = Clinic.nextWeekday(zone, DayOfWeek.TUESDAY).plusWeeks(slot / 8);
		return book.book(AppointmentRequest.onGrid(Ref.id(patientOf(patient).id()), Ref.id(doctor.requireDoctorId()),
				null, day, LocalTime.of(9 + slot % 8, 0), SessionType.ONLINE), clinic.admin()).appointment();
	}

	Patient patientOf(HcpPeople.Person patient) {
		return patients.forUser(patient.id()).orElseThrow();
	}
}
