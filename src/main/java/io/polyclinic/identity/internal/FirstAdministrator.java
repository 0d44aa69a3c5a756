package io.polyclinic.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.platform.MissingConfiguration;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Role;

/**
 * Makes sure the clinic has an administrator. Demo mode: the documented demo administrator. Production: the first
 * administrator from POLYCLINIC_ADMIN_EMAIL and POLYCLINIC_ADMIN_PASSWORD when none exists, never the demo password.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	static final String DEMO_EMAIL = "admin@test.com";
	static final String DEMO_USERNAME = "admin";
	static final String DEMO_PHONE = "+15550000001";
	static final String DEMO_PASSWORD = "Admin123!";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Users users;
	private final PasswordEncoder passwords;
	private final PolyclinicProperties properties;
	private final Clock clock;

	FirstAdministrator(Users users, PasswordEncoder passwords, PolyclinicProperties properties, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
		check(properties);
	}

	/** Runs at construction, so that a misconfigured production node fails before it serves anything. */
	static void check(PolyclinicProperties properties) {
		if (properties.demo()) {
			return;
		}
		String password = properties.admin().password();
		// Unset is blank (application.yml's empty default): run() then asks for it by name.
		if (password != null && !password.isBlank() && (password.equals(DEMO_PASSWORD) || password.length() < 12)) {
			throw new MissingConfiguration("The first administrator's password is too weak",
					"Set POLYCLINIC_ADMIN_PASSWORD to at least 12 characters, not the demo password");
		}
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.existsByRole(Role.ADMIN) || users.existsByRole(Role.SUPERADMIN)) {
			return;
		}
		if (properties.demo()) {
			users.save(new User("Demo Administrator", DEMO_USERNAME, DEMO_EMAIL, DEMO_PHONE, passwords.encode(DEMO_PASSWORD),
					Role.ADMIN, clock.instant()));
			log.info("Demo administrator created: {} / {} / {}", DEMO_EMAIL, DEMO_USERNAME, DEMO_PHONE);
			return;
		}
		String email = properties.admin().email();
		String password = properties.admin().password();
		if (email == null || email.isBlank() || password == null || password.isBlank()) {
			throw new MissingConfiguration("No administrator exists in production mode (POLYCLINIC_DEMO=false)",
					"Set POLYCLINIC_ADMIN_EMAIL and POLYCLINIC_ADMIN_PASSWORD (12+ characters) to create the first one");
		}
		String phone = PhoneNumbers.normalize(properties.admin().phone(), properties.defaultCountryCode());
		users.save(new User("Administrator", DEMO_USERNAME, email.trim().toLowerCase(java.util.Locale.ROOT), phone,
				passwords.encode(password), Role.ADMIN, clock.instant()));
		log.info("First administrator created for {}", email);
	}
}
