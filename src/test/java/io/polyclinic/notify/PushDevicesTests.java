package io.polyclinic.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Patient;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;

/**
 * Push devices: each person registers and removes their own, as the role they signed in with; a device registered
 * by someone else since is theirs now.
 */
class PushDevicesTests extends ApiTest {

	@Autowired
	Clinic clinic;
	@Autowired
	PushDevices devices;

	Actor actor(Patient patient) {
		return new Actor(patient.userId(), patient.accountId(), Role.PATIENT, UUID.randomUUID());
	}

	@Test
	void aPersonKeepsTheirOwnDevicesAndADeviceMovesToWhoeverRegistersItLast() {
		Patient first = clinic.patient();
		Patient second = clinic.patient();
		String token = "fcm-" + UUID.randomUUID();

		devices.register(first.accountId(), Role.PATIENT, token, actor(first));
		devices.register(first.accountId(), Role.PATIENT, "  " + token + " ", actor(first));
		assertThat(devices.mine(actor(first))).containsExactly(token);

		devices.register(second.accountId(), Role.PATIENT, token, actor(second));
		assertThat(devices.mine(actor(first))).isEmpty();
		assertThat(devices.mine(actor(second))).containsExactly(token);

		devices.remove(first.accountId(), Role.PATIENT, token, actor(first)); // not theirs any more: nothing happens
		assertThat(devices.mine(actor(second))).containsExactly(token);
		devices.remove(second.accountId(), Role.PATIENT, token, actor(second));
		assertThat(devices.mine(actor(second))).isEmpty();
	}

	@Test
	void onlyForOneselfAndAsOnesOwnRole() {
		Patient patient = clinic.patient();
		Patient other = clinic.patient();
		assertRefused(() -> devices.register(other.accountId(), Role.PATIENT, "t", actor(patient)),
				Refusal.Kind.FORBIDDEN);
		assertRefused(() -> devices.register(patient.accountId(), Role.CLINICIAN, "t", actor(patient)),
				Refusal.Kind.FORBIDDEN);
		assertRefused(() -> devices.remove(other.accountId(), Role.PATIENT, "t", actor(patient)),
				Refusal.Kind.FORBIDDEN);
		assertRefused(() -> devices.register(patient.accountId(), Role.PATIENT, "  ", actor(patient)),
				Refusal.Kind.INVALID);
		assertRefused(() -> devices.register(patient.accountId(), Role.PATIENT, "x".repeat(513), actor(patient)),
				Refusal.Kind.INVALID);
		assertRefused(() -> devices.register(patient.accountId(), Role.PATIENT, "t", Actor.system()),
				Refusal.Kind.FORBIDDEN);
	}

	static void assertRefused(Runnable call, Refusal.Kind kind) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(kind));
	}
}
