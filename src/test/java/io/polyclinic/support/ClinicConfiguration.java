package io.polyclinic.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.identity.Accounts;
import io.polyclinic.scheduling.Availability;

@TestConfiguration(proxyBeanMethods = false)
public class ClinicConfiguration {

	@Bean
	Clinic clinic(CentreRegistry centres, ClinicianRegistry clinicians, PatientRegistry patients,
			Availability availability, Accounts accounts) {
		return new Clinic(centres, clinicians, patients, availability, accounts);
	}
}
