package io.polyclinic.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.polyclinic.directory.Centre;
import io.polyclinic.directory.CentreDetails;
import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientRequests;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Role;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;

/**
 * Builds a small clinic through the modules' own APIs, for tests that need one: a centre, clinicians with weekday
 * hours, patients. Each call makes new rows with unique phones.
 */
public final class Clinic {

	private final CentreRegistry centres;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final Availability availability;
	private final Accounts accounts;
	private final org.springframework.beans.factory.ObjectProvider<PatientRequests> requests;

	public Clinic(CentreRegistry centres, ClinicianRegistry clinicians, PatientRegistry patients,
			Availability availability, Accounts accounts,
			org.springframework.beans.factory.ObjectProvider<PatientRequests> requests) {
		this.requests = requests;
		this.centres = centres;
		this.clinicians = clinicians;
		this.patients = patients;
		this.availability = availability;
		this.accounts = accounts;
	}

	/** The demo administrator, as a caller of module APIs. */
	public Actor admin() {
		var admin = accounts.search(java.util.EnumSet.of(Role.ADMIN), null, "+15550000001", false,
				org.springframework.data.domain.PageRequest.of(0, 1)).getContent().get(0);
		return new Actor(admin.id(), admin.publicId(), Role.ADMIN, UUID.randomUUID());
	}

	public Centre centre(String city) {
		return centres.open(new CentreDetails("Mibo " + city, city, "1 Main Road", null, null, "Asia/Kolkata"), admin());
	}

	/** A clinician in the given zone with 09:00-17:00 hours Monday to Friday, 60-minute consultations, fee ₹1500. */
	public Clinician clinician(Long centreId, String zone) {
		String phone = Phones.newPhone();
		var clinician = clinicians.register(new ClinicianDetails("Dr. " + phone, phone, null, centreId,
				List.of("Clinical Psychologist"), List.of("PhD Psychology"), List.of("English"), 10, 150_000L, 60, null,
				null, zone), null, "SecurePassword123", admin());
		availability.replaceRules(clinician.id(), Arrays.stream(DayOfWeek.values())
			.filter(d -> d.getValue() <= 5)
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null))
			.toList(), admin());
		return clinician;
	}

	public Patient patient() {
		String phone = Phones.newPhone();
		return patients.register(PatientDetails.named("Patient " + phone, phone), LeadSource.WEBSITE, admin());
	}

	/**
	 * The clinician follows the patient: the patient asked them to, and they accepted (DiabCare's "their patient",
	 * which opens the patient's glucose diary and lets the clinician book for them).
	 */
	public void follow(Patient patient, Clinician clinician) {
		PatientRequests book = requests.getObject();
		var request = book.request(patient.accountId(), clinician.accountId(), null,
				new Actor(patient.userId(), patient.accountId(), Role.PATIENT, UUID.randomUUID()));
		book.accept(clinician.accountId(), request.id(),
				new Actor(clinician.userId(), clinician.accountId(), Role.CLINICIAN, UUID.randomUUID()));
	}

	public Actor actorOf(long userId, Role role) {
		return new Actor(userId, UUID.randomUUID(), role, UUID.randomUUID());
	}

	/** A weekday at least a week ahead, on the given zone's calendar. */
	public static LocalDate nextWeekday(ZoneId zone, DayOfWeek day) {
		return LocalDate.now(zone).plusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
	}
}
