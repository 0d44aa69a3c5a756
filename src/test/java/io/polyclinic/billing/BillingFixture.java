package io.polyclinic.billing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * The people and appointments payments are for, made through the modules' own APIs: patients, clinicians with
 * weekday hours (fee ₹1,500), appointments booked on their grid, and callers of every role.
 */
final class BillingFixture {

	private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
	private static final AtomicInteger HOURS = new AtomicInteger();

	private final Clinic clinic;
	private final AppointmentBook book;
	private final StaffRegistry staff;

	BillingFixture(Clinic clinic, AppointmentBook book, StaffRegistry staff) {
		this.clinic = clinic;
		this.book = book;
		this.staff = staff;
	}

	record Patient(io.polyclinic.directory.Patient patient, Actor actor) {

		long id() {
			return patient.id();
		}

		String phone() {
			return patient.phone();
		}
	}

	Patient patient() {
		var patient = clinic.patient();
		return new Patient(patient, clinic.actorOf(patient.userId(), Role.PATIENT));
	}

	Clinician clinician(@Nullable Long centreId) {
		return clinic.clinician(centreId, ZONE.getId());
	}

	Actor actorOf(Clinician clinician) {
		return clinic.actorOf(clinician.userId(), Role.CLINICIAN);
	}

	/** An appointment of the patient with a clinician of their own, next week. */
	Appointment appointment(Patient patient) {
		return appointment(patient, clinician(null), null);
	}

	/** An appointment with this clinician, at a centre (or none), on a weekday hour no other test takes. */
	Appointment appointment(Patient patient, Clinician clinician, @Nullable Long centreId) {
		int n = HOURS.getAndIncrement();
		var day = Clinic.nextWeekday(ZONE, DayOfWeek.MONDAY).plusWeeks(n / 40).plusDays((n / 8) % 5);
		var request = new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(clinician.id()), centreId, new AppointmentRequest.GridSlot(day, LocalTime.of(9 + n % 8, 0)),
				SessionType.ONLINE, null, null);
		return book.book(request, clinic.admin()).appointment();
	}

	/** A caller of the role who works for the whole clinic (not bound to a centre). */
	Actor actor(Role role) {
		return clinic.actorOf(900_000_000L + HOURS.getAndIncrement(), role);
	}

	/** A member of staff of the role, working at the centre. */
	Actor staffAt(Role role, long centreId) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role,
				centreId), clinic.admin());
		return new Actor(member.id(), member.publicId(), role, UUID.randomUUID());
	}

	Actor admin() {
		return clinic.admin();
	}

	Clinic clinic() {
		return clinic;
	}
}
