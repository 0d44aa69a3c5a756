package io.polyclinic.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An HTTP-level test against the real application on a random port, over the suite's database. Every subclass
 * shares one application context, so the suite starts the application once per database.
 */
@org.springframework.context.annotation.Import(ClinicConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyclinic.rate-limit.enabled=false", "polyclinic.demo=true", "polyclinic.demo-clinic=false",
				"polyclinic.files.dir=target/test-files" })
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	protected Http http;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void client() {
		http = new Http(port);
	}
}
