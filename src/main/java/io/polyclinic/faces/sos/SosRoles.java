package io.polyclinic.faces.sos;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Role;

/**
 * sos's role names: admin, doctor, patient, secretary (and superadmin, guest). The clinic's other staff roles show
 * as the sos role that does their work: managers as admin, centre staff as secretary.
 */
final class SosRoles {

	/** For {@code @PreAuthorize}: the roles sos calls admin or secretary. */
	static final String ADMIN_OR_SECRETARY = "hasAnyRole('ADMIN','SUPERADMIN','MANAGER','SECRETARY','CENTRE_MANAGER','FRONT_DESK','CARE_COORDINATOR')";
	static final String ADMIN = "hasAnyRole('ADMIN','SUPERADMIN','MANAGER')";
	static final String DOCTOR = "hasRole('CLINICIAN')";
	static final String ADMIN_OR_DOCTOR = "hasAnyRole('ADMIN','SUPERADMIN','MANAGER','CLINICIAN')";
	static final String CARERS = "hasAnyRole('ADMIN','SUPERADMIN','MANAGER','SECRETARY','CENTRE_MANAGER','FRONT_DESK','CARE_COORDINATOR','CLINICIAN')";

	private SosRoles() {
	}

	static String name(Role role) {
		return switch (role) {
			case ADMIN, MANAGER -> "admin";
			case SUPERADMIN -> "superadmin";
			case CLINICIAN -> "doctor";
			case PATIENT -> "patient";
			case SECRETARY, CENTRE_MANAGER, CARE_COORDINATOR, FRONT_DESK -> "secretary";
			case PHARMACIST, GUEST -> "guest";
		};
	}

	/** The clinic's roles a sos role name stands for, in a filter; null for a name sos does not know. */
	static @Nullable Set<Role> roles(String name) {
		return switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "admin" -> Set.of(Role.ADMIN, Role.MANAGER);
			case "superadmin" -> Set.of(Role.SUPERADMIN);
			case "doctor" -> Set.of(Role.CLINICIAN);
			case "patient" -> Set.of(Role.PATIENT);
			case "secretary" -> Set.of(Role.SECRETARY, Role.CENTRE_MANAGER, Role.CARE_COORDINATOR, Role.FRONT_DESK);
			case "guest" -> Set.of(Role.GUEST, Role.PHARMACIST);
			default -> null;
		};
	}
}
