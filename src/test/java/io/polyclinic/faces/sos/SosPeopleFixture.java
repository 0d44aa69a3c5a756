package io.polyclinic.faces.sos;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.polyclinic.directory.Clinician;
import io.polyclinic.directory.ClinicianDetails;
import io.polyclinic.directory.ClinicianListing;
import io.polyclinic.directory.ClinicianPractice;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.LeadSource;
import io.polyclinic.directory.Patient;
import io.polyclinic.directory.PatientDetails;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.scheduling.AvailabilityRule;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.Http;
import io.polyclinic.support.Phones;

/**
 * People for sos tests, made through the modules: doctors and patients who sign in with an email and a password,
 * and their tokens from sos's own login. Built in a test from the application's beans.
 */
class SosPeopleFixture {

	static final String PASSWORD = "SecurePassword123";

	private final Clinic clinic;
	private final ClinicianRegistry clinicians;
	private final PatientRegistry patients;
	private final Availability availability;
	private final Accounts accounts;

	SosPeopleFixture(Clinic clinic, ClinicianRegistry clinicians, PatientRegistry patients, Availability availability,
			Accounts accounts) {
		this.clinic = clinic;
		this.clinicians = clinicians;
		this.patients = patients;
		this.availability = availability;
		this.accounts = accounts;
	}

	/** A listed doctor in the zone, 09:00-17:00 Monday to Friday, fee 80.00 in the currency. */
	Clinician doctor(String name, String specialisation, String zone, String currency, List<String> languages) {
		String phone = Phones.newPhone();
		String email = "dr" + phone.substring(1) + "@sos.test";
		var doctor = clinicians.register(new ClinicianDetails(name, phone, email, null, List.of(specialisation), List.of(),
				languages, 5, 8_000L, 30, null, "Treats " + specialisation.toLowerCase() + " cases", zone),
				ClinicianPractice.none(), null, PASSWORD, clinic.admin());
		doctor = clinicians.change(doctor.id(), new ClinicianDetails(null, null, null, null, null, null, null, null, null,
				null, null, null, null), ClinicianPractice.none(), new ClinicianListing.Changes(true, null, currency),
				clinic.admin());
		availability.replaceRules(doctor.id(), Arrays.stream(DayOfWeek.values())
			.filter(d -> d.getValue() <= 5)
			.map(d -> new AvailabilityRule(d, LocalTime.of(9, 0), LocalTime.of(17, 0), true, null))
			.toList(), clinic.admin());
		return doctor;
	}

	/** A patient who signs in with an email and {@link #PASSWORD}. */
	Patient patient(String name) {
		String phone = Phones.newPhone();
		var patient = patients.register(new PatientDetails(name, phone, "pt" + phone.substring(1) + "@sos.test", null,
				null, null, null, null, null), LeadSource.WEBSITE, clinic.admin());
		accounts.change(patient.userId(), new AccountChanges(null, null, null, null, PASSWORD, null));
		return patient;
	}

	static String token(Http http, String email, String password) {
		var res = http.post("/sos/api/v1/auth/email/login", Map.of("email", email, "password", password)).send();
		if (res.status() != 200) {
			throw new IllegalStateException("login of " + email + " failed: " + res.status() + " " + res.body());
		}
		return res.json().path("access_token").asString();
	}

	static String adminToken(Http http) {
		return token(http, "admin@test.com", "Admin123!");
	}
}
