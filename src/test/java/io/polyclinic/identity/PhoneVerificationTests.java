package io.polyclinic.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.polyclinic.directory.Patient;
import io.polyclinic.identity.accounts.AccountChanges;
import io.polyclinic.identity.accounts.Accounts;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.Refusal;
import io.polyclinic.platform.Role;
import io.polyclinic.support.ApiTest;
import io.polyclinic.support.Clinic;
import io.polyclinic.support.MiboClient;
import io.polyclinic.support.Phones;

/**
 * A signed-in person proves a phone number theirs by a code sent there, without a face: only their own account, never
 * another person's number, a wrong code counted, five tries at most, a used code never twice.
 */
class PhoneVerificationTests extends ApiTest {

	@Autowired
	PhoneVerification verification;
	@Autowired
	Accounts accounts;
	@Autowired
	Clinic clinic;

	@Test
	void theAccountsOwnNumberIsProvenByTheCodeSentThere() {
		Patient patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		OtpSent sent = verification.requestCode(self, null);
		assertThat(sent.destination()).isEqualTo(patient.phone());
		assertThat(sent.expiresIn()).isEqualTo(300);
		String code = new MiboClient(http).lastCode(patient.phone());

		assertRefused("INVALID_OTP", () -> verification.confirm(self, null, wrong(code)));
		assertRefused(Refusal.INVALID_INPUT, () -> verification.confirm(self, null, "12ab"));
		assertThat(accounts.get(patient.userId()).phoneVerified()).isFalse();

		Account proven = verification.confirm(self, null, code);
		assertThat(proven.phoneVerified()).isTrue();
		assertThat(proven.phone()).isEqualTo(patient.phone());
		assertRefused("OTP_EXPIRED", () -> verification.confirm(self, null, code));

		// a new number is not proven: the proof went with the old one
		String other = Phones.newPhone();
		accounts.change(patient.userId(), new AccountChanges(null, null, other, null, null, null));
		assertThat(accounts.get(patient.userId()).phoneVerified()).isFalse();
	}

	@Test
	void aNewNumberBecomesTheAccountsOnceProvenAndAnotherPersonsNumberGetsNoCode() {
		Patient patient = clinic.patient();
		Patient someoneElse = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);

		assertThatThrownBy(() -> verification.requestCode(self, someoneElse.phone()))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
				assertThat(r.fields()).containsKey("phone");
			});
		var outbox = http.get("/dev/outbox?to=" + someoneElse.phone().replace("+", "%2B")).send().json();
		assertThat(outbox.size()).isZero();
		assertRefused(Refusal.INVALID_INPUT, () -> verification.requestCode(self, "12"));

		String fresh = Phones.newPhone();
		verification.requestCode(self, fresh);
		String code = new MiboClient(http).lastCode(fresh);
		// the code proves the number it was sent to, not the account's
		assertRefused("INVALID_OTP", () -> verification.confirm(self, null, code));
		Account proven = verification.confirm(self, fresh, code);
		assertThat(proven.phone()).isEqualTo(fresh);
		assertThat(proven.phoneVerified()).isTrue();
	}

	@Test
	void fiveWrongTriesSpendTheCode() {
		Patient patient = clinic.patient();
		Actor self = clinic.actorOf(patient.userId(), Role.PATIENT);
		verification.requestCode(self, null);
		String code = new MiboClient(http).lastCode(patient.phone());
		for (int i = 0; i < 4; i++) {
			assertRefused("INVALID_OTP", () -> verification.confirm(self, null, wrong(code)));
		}
		// the fifth wrong try spends it: the right code comes too late
		assertRefused("OTP_EXPIRED", () -> verification.confirm(self, null, wrong(code)));
		assertRefused("OTP_EXPIRED", () -> verification.confirm(self, null, code));
		assertThat(accounts.get(patient.userId()).phoneVerified()).isFalse();
	}

	@Test
	void withoutANumberOrAPersonThereIsNothingToVerify() {
		var account = accounts.open(new io.polyclinic.identity.accounts.NewAccount("No Phone", null,
				"nophone" + System.nanoTime() + "@example.test", null, "SecurePassword123", Role.PATIENT));
		Actor self = clinic.actorOf(account.id(), Role.PATIENT);
		assertThatThrownBy(() -> verification.requestCode(self, null)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.fields()).containsEntry("phone", "Phone number is required"));
		assertThatThrownBy(() -> verification.requestCode(Actor.system(), null)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED));
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	private static void assertRefused(String code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(code));
	}
}
