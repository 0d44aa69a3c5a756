package io.polyclinic.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

import io.polyclinic.directory.CentreRegistry;
import io.polyclinic.directory.ClinicianRegistry;
import io.polyclinic.directory.PatientRegistry;
import io.polyclinic.directory.PatientRequests;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.scheduling.Availability;

/** The shared test fixtures: the {@link Clinic}, and the statement counting of {@link Statements}. */
@TestConfiguration(proxyBeanMethods = false)
public class ClinicConfiguration {

	@Bean
	Clinic clinic(CentreRegistry centres, ClinicianRegistry clinicians, PatientRegistry patients,
			Availability availability, Accounts accounts,
			org.springframework.beans.factory.ObjectProvider<PatientRequests> requests) {
		return new Clinic(centres, clinicians, patients, availability, accounts, requests);
	}

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return Statements.countingDataSources();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> statementCountingFilter() {
		return Statements.countingRequests();
	}
}
