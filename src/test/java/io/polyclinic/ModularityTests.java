package io.polyclinic;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md hold: no module reaches into another's internals, no cycles. Writes the module
 * documentation (target/spring-modulith-docs) as it goes.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Polyclinic.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
