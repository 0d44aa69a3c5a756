package io.polyclinic.identity;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.polyclinic.identity.internal.User;
import io.polyclinic.identity.internal.Users;
import io.polyclinic.platform.Actor;
import io.polyclinic.platform.PhoneNumbers;
import io.polyclinic.platform.PolyclinicProperties;
import io.polyclinic.platform.Refusal;

/**
 * A signed-in person proves a phone number theirs with a code sent there by SMS ({@link OtpPurpose#PHONE_VERIFICATION}
 * codes, under {@link SignIn}'s rules: hashed, five minutes, five tries, the per-number limits). The number is the
 * account's own unless the person names another; a proven other number becomes the account's number. A number that
 * belongs to someone else is refused before any code is sent, so that nobody is sent codes for another's account.
 * Only the caller's own account: there is nobody else's phone to verify.
 */
@Service
@Transactional(noRollbackFor = Refusal.class) // a wrong code is counted even though the call fails
public class PhoneVerification {

	private final SignIn signIn;
	private final Users users;
	private final PolyclinicProperties properties;
	private final Clock clock;

	PhoneVerification(SignIn signIn, Users users, PolyclinicProperties properties, Clock clock) {
		this.signIn = signIn;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends a code to the number (the account's own when null).
	 *
	 * @throws Refusal INVALID ({@code phone}) without a number or with an invalid one; CONFLICT ({@code phone}) for
	 *         another person's number; UNAUTHENTICATED without a person
	 * @throws TooManyCodes when the number has had as many codes as its windows allow
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // sending is SignIn's own transaction; its refusal must not doom one of ours
	public OtpSent requestCode(Actor actor, @Nullable String phone) {
		User user = self(actor);
		String number = number(user, phone);
		return signIn.requestOtp(number, OtpPurpose.PHONE_VERIFICATION, OtpChannel.SMS, null);
	}

	/**
	 * Checks the code sent to the number (the account's own when null); the number is then the account's, proven.
	 *
	 * @throws Refusal INVALID {@code INVALID_OTP} for a wrong code, {@code OTP_EXPIRED} for an expired or used one or
	 *         after five wrong tries, ({@code code}) for one that is not six digits; CONFLICT ({@code phone}) when the
	 *         number became another person's meanwhile
	 */
	public Account confirm(Actor actor, @Nullable String phone, @Nullable String code) {
		User user = self(actor);
		String number = number(user, phone);
		OtpVerified verified = signIn.verifyOtp(number, code == null ? "" : code, OtpPurpose.PHONE_VERIFICATION);
		var now = clock.instant();
		user.changePhone(verified.phone(), now);
		user.phoneVerified(now);
		try {
			return users.saveAndFlush(user).toAccount();
		}
		catch (DataIntegrityViolationException e) {
			throw taken();
		}
	}

	private User self(Actor actor) {
		if (actor.isSystem()) {
			throw Refusal.unauthenticated("UNAUTHENTICATED", "Authentication required");
		}
		return users.findById(actor.userId()).filter(User::canSignIn)
			.orElseThrow(() -> Refusal.unauthenticated("UNAUTHENTICATED", "Authentication required"));
	}

	private String number(User user, @Nullable String phone) {
		String raw = phone == null || phone.isBlank() ? user.getPhone() : phone;
		if (raw == null) {
			throw Refusal.invalidField("phone", "Phone number is required");
		}
		String number = PhoneNumbers.normalize(raw, properties.defaultCountryCode());
		if (number == null) {
			throw Refusal.invalidField("phone", "Invalid phone number");
		}
		if (users.findByPhone(number).filter(other -> !other.getId().equals(user.getId())).isPresent()) {
			throw taken();
		}
		return number;
	}

	private static Refusal taken() {
		return Refusal.conflict("ALREADY_EXISTS", "A user with this phone number already exists", "phone");
	}
}
