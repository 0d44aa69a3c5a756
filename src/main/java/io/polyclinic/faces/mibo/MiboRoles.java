package io.polyclinic.faces.mibo;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.polyclinic.platform.Role;

/**
 * Mibo's numeric role ids (its RBAC table: 1 ADMIN … 7 PATIENT); roles Mibo does not know get the ids after.
 */
final class MiboRoles {

	private static final Map<Role, Integer> IDS = Map.ofEntries(Map.entry(Role.ADMIN, 1), Map.entry(Role.MANAGER, 2),
			Map.entry(Role.CLINICIAN, 3), Map.entry(Role.CENTRE_MANAGER, 4), Map.entry(Role.CARE_COORDINATOR, 5),
			Map.entry(Role.FRONT_DESK, 6), Map.entry(Role.PATIENT, 7), Map.entry(Role.SECRETARY, 8),
			Map.entry(Role.PHARMACIST, 9), Map.entry(Role.SUPERADMIN, 10), Map.entry(Role.GUEST, 11));

	private MiboRoles() {
	}

	static int id(Role role) {
		return IDS.get(role);
	}

	static @Nullable Role byId(@Nullable Integer id) {
		if (id == null) {
			return null;
		}
		return IDS.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(null);
	}
}
