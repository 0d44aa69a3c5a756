package io.polyclinic.scheduling;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.polyclinic.identity.OtpDelivery;
import io.polyclinic.support.ClinicConfiguration;
import io.polyclinic.support.TestDatabase;

/**
 * A test of the scheduling module alone: the module and the modules it depends on (directory, identity, audit,
 * platform), on the suite's database, without the faces and without the modules downstream of it — billing and video
 * answer the read model through {@link SchedulingFakes} instead. Every subclass shares one application context.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import({ ClinicConfiguration.class, SchedulingFakes.class })
@TestPropertySource(properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true",
		"polyclinic.demo-clinic=false" })
abstract class SchedulingModuleTest {

	/** Identity sends sign-in codes through notify, which this test leaves out. */
	@MockitoBean
	OtpDelivery codes;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}
}
