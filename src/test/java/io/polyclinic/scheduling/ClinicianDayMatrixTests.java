package io.polyclinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.identity.accounts.NewAccount;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Phones;

/**
 * A clinician's day, asked of the scheduling module itself: how many of their appointments start today on their own
 * clock (a clinician's own figure, 403 for everyone else, audited), and whether a clinician has an appointment with a
 * patient (any status but cancelled; false for anyone who is not that clinician).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianDayMatrixTests extends SchedulingModuleTest {

	enum Caller {
		PATIENT_A, CLINICIAN_OF_A, OTHER_CLINICIAN, ADMIN, CENTRE_MANAGER_OF_A, FRONT_DESK_OF_A, PHARMACIST, GUEST
	}

	static final Set<Caller> CLINICIANS = EnumSet.of(Caller.CLINICIAN_OF_A, Caller.OTHER_CLINICIAN);

	@Autowired
	Clinic clinic;
	@Autowired
	Availability availability;
	@Autowired
	StaffRegistry staff;
	@Autowired
	Accounts accounts;
	@Autowired
	AppointmentBook book;
	@Autowired
	AppointmentViews views;
	@Autowired
	JdbcClient jdbc;

	/** A zone where it is early morning now: the clinician's whole working day is still ahead of them. */
	ZoneId dawn;
	Centre centre;
	Clinician clinicianA;
	Clinician otherClinician;
	Patient patientA;
	Map<Caller, Actor> callers = new LinkedHashMap<>();

	@BeforeAll
	void cast() {
		int hour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
		int offset = 5 - hour;
		offset = offset < -12 ? offset + 24 : offset > 14 ? offset - 24 : offset;
		dawn = ZoneOffset.ofHours(offset);
		centre = clinic.centre("Pune");
		clinicianA = everyDay(clinic.clinician(centre.id(), dawn.getId()));
		otherClinician = everyDay(clinic.clinician(centre.id(), dawn.getId()));
		patientA = clinic.patient();
		callers.put(Caller.PATIENT_A, clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put(Caller.CLINICIAN_OF_A, clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put(Caller.OTHER_CLINICIAN, clinic.actorOf(otherClinician.userId(), Role.CLINICIAN));
		callers.put(Caller.ADMIN, clinic.admin());
		callers.put(Caller.CENTRE_MANAGER_OF_A, hire(Role.CENTRE_MANAGER, centre.id()));
		callers.put(Caller.FRONT_DESK_OF_A, hire(Role.FRONT_DESK, centre.id()));
		callers.put(Caller.PHARMACIST, account(Role.PHARMACIST));
		callers.put(Caller.GUEST, account(Role.GUEST));
	}

	@Test
	void todaysAppointmentsAreEachCliniciansOwnCount() {
		List<String> wrong = new ArrayList<>();
		callers.forEach((caller, actor) -> {
			long denied = denials(actor);
			String outcome;
			try {
				views.countToday(actor);
				outcome = "ALLOWED";
			}
			catch (Refusal e) {
				outcome = e.code();
			}
			String expected = CLINICIANS.contains(caller) ? "ALLOWED" : "FORBIDDEN";
			if (!outcome.equals(expected)) {
				wrong.add(caller + " expected " + expected + " but " + outcome);
			}
			else if (expected.equals("FORBIDDEN") && denials(actor) != denied + 1) {
				wrong.add(caller + " was refused without one audited refusal");
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void todayIsTheCliniciansOwnDayAndCancelledOnesDoNotCount() {
		Clinician doctor = everyDay(clinic.clinician(centre.id(), dawn.getId()));
		Actor self = clinic.actorOf(doctor.userId(), Role.CLINICIAN);
		LocalDate today = LocalDate.now(dawn);
		assertThat(views.countToday(self)).isZero();
		book(doctor, today, 9);
		book(doctor, today, 11);
		book(doctor, today, 16);
		Appointment cancelled = book(doctor, today, 13);
		book.cancel(cancelled.id(), "Travel", clinic.admin());
		book(doctor, today.plusDays(1), 9);
		book(doctor, today.plusDays(7), 10);
		book(otherClinician, today, 10);
		assertThat(views.countToday(self)).isEqualTo(3);
	}

	@Test
	void whoConsultsAPatient() {
		Patient patient = clinic.patient();
		LocalDate later = LocalDate.now(dawn).plusDays(3);
		Appointment visit = book(clinicianA, patient, later, 12);
		Appointment called = book(otherClinician, patient, later, 14);
		book.cancel(called.id(), null, clinic.admin());
		assertThat(views.consults(patient.id(), callers.get(Caller.CLINICIAN_OF_A))).isTrue();
		assertThat(views.consults(patient.id(), callers.get(Caller.OTHER_CLINICIAN))).isFalse();
		for (Caller caller : List.of(Caller.PATIENT_A, Caller.ADMIN, Caller.FRONT_DESK_OF_A, Caller.GUEST)) {
			assertThat(views.consults(patient.id(), callers.get(caller))).as(caller.name()).isFalse();
		}
		book.complete(Ref.id(visit.id()), callers.get(Caller.CLINICIAN_OF_A));
		assertThat(views.consults(patient.id(), callers.get(Caller.CLINICIAN_OF_A))).isTrue();
	}

	private Appointment book(Clinician clinician, LocalDate day, int hour) {
		return book(clinician, clinic.patient(), day, hour);
	}

	private Appointment book(Clinician clinician, Patient patient, LocalDate day, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), centre.id(), day,
				LocalTime.of(hour, 0), SessionType.IN_PERSON), clinic.admin()).appointment();
	}

	/** Hours every day of the week, 09:00 to 17:00: today is a working day whatever day it is. */
	private Clinician everyDay(Clinician clinician) {
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null)).toList(),
				clinic.admin());
		return clinician;
	}

	private long denials(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE actor_user_id = ? AND outcome = 'DENIED'")
			.param(actor.userId()).query(Long.class).single();
	}

	private Actor hire(Role role, Long centreId) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember(role + " " + phone, phone, null, null, "SecurePassword123", role,
				centreId), clinic.admin());
		return new Actor(member.id(), member.publicId(), role, UUID.randomUUID());
	}

	private Actor account(Role role) {
		String phone = Phones.newPhone();
		var account = accounts.open(new NewAccount(role + " " + phone, null, null, phone, "SecurePassword123", role));
		return new Actor(account.id(), account.publicId(), role, UUID.randomUUID());
	}
}
