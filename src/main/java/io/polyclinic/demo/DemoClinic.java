package io.polyclinic.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.directory.CentreDetails;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.NewStaffMember;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.StaffRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Ref;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.AppointmentBook;
import io.polyclinic.scheduling.AppointmentRequest;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.scheduling.ConsultationType;
import io.polyclinic.scheduling.SessionType;

/**
 * Seeds the demo clinic once, when the database has no centre yet: two centres, three clinicians with weekday
 * hours, a manager and a front-desk member (password {@code Demo1234!}), and two patients. Besides them, the two
 * people the original Clinico client's login page signs in with its own buttons (Abhay Raj, a patient, and Dr. Amit
 * Patel, by email and {@code password123}) and their video appointment three days ahead, so that client runs against
 * the demo unchanged. Demo mode only.
 */
@Component
@Order(10)
@ConditionalOnExpression("${polyclinic.demo:true} and ${polyclinic.demo-clinic:true}")
class DemoClinic implements ApplicationRunner {

	static final String STAFF_PASSWORD = "Demo1234!";
	/** The password the original Clinico client's login buttons send. */
	static final String CLINICO_PASSWORD = "password123";
	private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

	private final CentreRegistry centres;
	private final ClinicianRegistry clinicians;
	private final StaffRegistry staff;
	private final PatientRegistry patients;
	private final Availability availability;
	private final Accounts accounts;
	private final AppointmentBook appointments;

	DemoClinic(CentreRegistry centres, ClinicianRegistry clinicians, StaffRegistry staff, PatientRegistry patients,
			Availability availability, Accounts accounts, AppointmentBook appointments) {
		this.appointments = appointments;
		this.centres = centres;
		this.clinicians = clinicians;
		this.staff = staff;
		this.patients = patients;
		this.availability = availability;
		this.accounts = accounts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (centres.find(null, false, PageRequest.of(0, 1)).getTotalElements() > 0) {
			return;
		}
		var admin = accounts.search(EnumSet.of(Role.ADMIN), null, null, false, PageRequest.of(0, 1)).getContent();
		if (admin.isEmpty()) {
			return;
		}
		Actor actor = new Actor(admin.get(0).id(), admin.get(0).publicId(), Role.ADMIN, UUID.randomUUID());
		var bangalore = centres.open(new CentreDetails("Mibo Bangalore", "Bangalore", "123 MG Road, Bangalore",
				"+918012345678", "bangalore@mibo.example", "Asia/Kolkata"), actor);
		var mumbai = centres.open(new CentreDetails("Mibo Mumbai", "Mumbai", "456 Marine Drive, Mumbai", "+912212345678",
				"mumbai@mibo.example", "Asia/Kolkata"), actor);
		clinician("Dr. Asha Rao", "+919000000101", bangalore.id(), List.of("Clinical Psychologist", "Therapist"),
				150_000, actor);
		clinician("Dr. Vikram Mehta", "+919000000102", bangalore.id(), List.of("Psychiatrist"), 200_000, actor);
		clinician("Dr. Neha Kapoor", "+919000000103", mumbai.id(), List.of("Child Psychologist"), 180_000, actor);
		staff.hire(new NewStaffMember("Maya Manager", "+919000000201", "manager@mibo.example", "manager",
				STAFF_PASSWORD, Role.MANAGER, bangalore.id()), actor);
		staff.hire(new NewStaffMember("Farid Front Desk", "+919000000202", "frontdesk@mibo.example", "frontdesk",
				STAFF_PASSWORD, Role.FRONT_DESK, bangalore.id()), actor);
		patients.register(PatientDetails.named("Jane Smith", "+919000000301"), LeadSource.WEBSITE, actor);
		patients.register(PatientDetails.named("Ravi Kumar", "+919000000302"), LeadSource.WHATSAPP, actor);
		clinicoPair(bangalore.id(), actor);
		log.info("Demo clinic seeded: 2 centres, 3 clinicians, 2 staff (password {}), 2 patients; the Clinico client's "
				+ "abhay.raj@example.com and amit.patel@example.com (password {})", STAFF_PASSWORD, CLINICO_PASSWORD);
	}

	/** The original Clinico client's two demo people and their appointment, as its own seed has them. */
	private void clinicoPair(long centreId, Actor actor) {
		var patient = patients.signUp(new PatientDetails("Abhay Raj", "+919876543210", "abhay.raj@example.com", null,
				null, null, null, null, null), CLINICO_PASSWORD, LeadSource.WEBSITE).patient();
		var doctor = clinicians.register(new ClinicianDetails("Dr. Amit Patel", "+919876543213", "amit.patel@example.com",
				centreId, List.of("Psychiatrist"), List.of("MD", "MBBS"), List.of("Hindi", "English"), 8, 80_000L, 30,
				null, null, null), null, CLINICO_PASSWORD, actor);
		availability.replaceRules(doctor.id(), Arrays.stream(DayOfWeek.values())
			.filter(d -> d != DayOfWeek.SUNDAY)
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null))
			.toList(), actor);
		LocalDate day = availability.today(doctor.id()).plusDays(3);
		if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		appointments.book(new AppointmentRequest(new AppointmentRequest.KnownPatient(Ref.id(patient.id())),
				Ref.id(doctor.id()), null, new AppointmentRequest.GridSlot(day, LocalTime.of(10, 0)), SessionType.ONLINE,
				null, "Follow-up for anxiety treatment", ConsultationType.VIDEO, List.of(), null), actor);
	}

	private void clinician(String name, String phone, long centreId, List<String> specializations, long feeMinor,
			Actor actor) {
		var clinician = clinicians.register(new ClinicianDetails(name, phone, null, centreId, specializations,
				List.of("M.Phil Clinical Psychology"), List.of("English", "Hindi"), 8, feeMinor, 60, null, null, null),
				null, STAFF_PASSWORD, actor);
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.filter(d -> d != DayOfWeek.SUNDAY)
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null))
			.toList(), actor);
	}
}
