package io.polyclinic.faces.mibo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.VerifiedSessions;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Appointment;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.SessionType;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;

/**
 * What the appointment tests need besides the clinic: signed-in callers of every role, and appointments booked
 * through the module. Staff are hired through the directory and sign in through Mibo's own login; patients get their
 * tokens from identity, as a verified one-time code would give them.
 */
class AppointmentFixture {

	static final String PASSWORD = "SecurePassword123";
	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	private final Clinic clinic;
	private final StaffRegistry staff;
	private final VerifiedSessions sessions;
	private final AppointmentBook book;
	private final MiboClient mibo;

	AppointmentFixture(Clinic clinic, StaffRegistry staff, VerifiedSessions sessions, AppointmentBook book,
			MiboClient mibo) {
		this.clinic = clinic;
		this.staff = staff;
		this.sessions = sessions;
		this.book = book;
		this.mibo = mibo;
	}

	/** A new member of staff with the given role, signed in; returns the access token. */
	String staffToken(Role role) {
		return staffToken(role, null);
	}

	/** A new member of staff with the given role at the given centre (or none), signed in. */
	String staffToken(Role role, Long centreId) {
		String phone = MiboClient.newPhone();
		staff.hire(new NewStaffMember("Staff " + phone, phone, null, null, PASSWORD, role, centreId), clinic.admin());
		return mibo.login(phone, PASSWORD);
	}

	String token(Clinician clinician) {
		return mibo.login(clinician.phone(), PASSWORD);
	}

	String token(Patient patient) {
		return sessions.start(patient.userId()).tokens().accessToken();
	}

	/** A clinician in Kolkata with weekday hours 09:00-17:00, ₹1500 for an hour. */
	Clinician clinician() {
		return clinic.clinician(null, KOLKATA.getId());
	}

	Patient patient() {
		return clinic.patient();
	}

	Appointment book(Patient patient, Clinician clinician, LocalDate date, int hour) {
		return book.book(AppointmentRequest.onGrid(Ref.id(patient.id()), Ref.id(clinician.id()), null, date,
				LocalTime.of(hour, 0), SessionType.ONLINE), clinic.admin()).appointment();
	}

	/** A weekday at least a week ahead on the clinician's calendar (Kolkata). */
	static LocalDate weekday(DayOfWeek day) {
		return Clinic.nextWeekday(KOLKATA, day);
	}
}
