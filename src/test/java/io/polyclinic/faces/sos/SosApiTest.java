package io.polyclinic.faces.sos;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.scheduling.Availability;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/** An HTTP test of the sos face, with its people fixture built from the application's beans. */
abstract class SosApiTest extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	ClinicianRegistry clinicians;
	@Autowired
	PatientRegistry patients;
	@Autowired
	Availability availability;
	@Autowired
	Accounts accounts;

	SosPeopleFixture people;

	@BeforeEach
	void sosPeople() {
		people = new SosPeopleFixture(clinic, clinicians, patients, availability, accounts);
	}
}
