package io.polyclinic.notify;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
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
 * The callers of an authorization matrix, around one online appointment of patient A with their clinician, run by
 * centre A: the two patients, the two clinicians, the staff roles (centre-bound ones of centre A, of centre B, and
 * unassigned), and roles that reach nothing.
 */
public final class Cast {

	public final Centre centreA;
	public final Centre centreB;
	public final Patient patientA;
	public final Patient patientB;
	public final Clinician clinicianA;
	public final Clinician otherClinician;
	public final Appointment appointment;
	/** Each caller by the name the matrix gives them, in the order the issue lists them. */
	public final Map<String, Actor> callers = new LinkedHashMap<>();

	public Cast(Clinic clinic, StaffRegistry staff, AppointmentBook book) {
		centreA = clinic.centre("Matrix A");
		centreB = clinic.centre("Matrix B");
		clinicianA = clinic.clinician(centreA.id(), "Asia/Kolkata");
		otherClinician = clinic.clinician(centreB.id(), "Asia/Kolkata");
		patientA = clinic.patient();
		patientB = clinic.patient();
		Actor admin = clinic.admin();
		// no centre named: the visit is online, and the clinician's home centre (A) runs it
		appointment = book.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patientA.id())),
				Ref.id(clinicianA.id()), null, new AppointmentRequest.GridSlot(
						Clinic.nextWeekday(ZoneId.of("Asia/Kolkata"), DayOfWeek.THURSDAY), LocalTime.of(11, 0)),
				SessionType.ONLINE, null, null), admin).appointment();
		callers.put("patient A", clinic.actorOf(patientA.userId(), Role.PATIENT));
		callers.put("patient B", clinic.actorOf(patientB.userId(), Role.PATIENT));
		callers.put("clinician of A", clinic.actorOf(clinicianA.userId(), Role.CLINICIAN));
		callers.put("other clinician", clinic.actorOf(otherClinician.userId(), Role.CLINICIAN));
		callers.put("ADMIN", admin);
		callers.put("MANAGER", hire(staff, admin, Role.MANAGER, null));
		callers.put("CENTRE_MANAGER of A", hire(staff, admin, Role.CENTRE_MANAGER, centreA.id()));
		callers.put("CENTRE_MANAGER of B", hire(staff, admin, Role.CENTRE_MANAGER, centreB.id()));
		callers.put("FRONT_DESK of A", hire(staff, admin, Role.FRONT_DESK, centreA.id()));
		callers.put("CARE_COORDINATOR", hire(staff, admin, Role.CARE_COORDINATOR, null));
		callers.put("PHARMACIST", new Actor(Long.MAX_VALUE - 1, UUID.randomUUID(), Role.PHARMACIST, UUID.randomUUID()));
		callers.put("GUEST", new Actor(Long.MAX_VALUE - 2, UUID.randomUUID(), Role.GUEST, UUID.randomUUID()));
	}

	public Actor caller(String name) {
		Actor actor = callers.get(name);
		if (actor == null) {
			throw new IllegalArgumentException("No caller " + name);
		}
		return actor;
	}

	private static Actor hire(StaffRegistry staff, Actor admin, Role role, Long centreId) {
		String phone = Phones.newPhone();
		var member = staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, "SecurePassword123", role,
				centreId), admin);
		return new Actor(member.id(), member.publicId(), role, UUID.randomUUID());
	}
}
