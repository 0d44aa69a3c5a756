package io.polyclinic.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the clinic. A face may call them by its own names (doctor, professional, médecin…).
 */
public enum Role {
	ADMIN, SUPERADMIN, MANAGER, CENTRE_MANAGER, CARE_COORDINATOR, FRONT_DESK, SECRETARY, CLINICIAN, PATIENT, PHARMACIST,
	GUEST;

	private static final Set<Role> STAFF = EnumSet.of(ADMIN, SUPERADMIN, MANAGER, CENTRE_MANAGER, CARE_COORDINATOR,
			FRONT_DESK, SECRETARY);

	/** Staff who run the clinic (not clinicians, not patients). */
	public boolean isStaff() {
		return STAFF.contains(this);
	}

	public boolean isAdministrator() {
		return this == ADMIN || this == SUPERADMIN;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
